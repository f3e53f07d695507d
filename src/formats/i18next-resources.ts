/**
 * i18next JSON v4 resource objects as ordered lists of key paths and back, and the layout of a
 * file (indentation, final newline) so that a file written back is byte for byte the one read.
 */

/** A key's path through the nested object: `{"nav": {"home": …}}` → `["nav", "home"]`. */
export type KeyPath = string[]

/** One leaf string of a resource object. */
export interface ResourceEntry {
  path: KeyPath
  value: string
}

/** How a file was written: one indentation step (`''` for a file on one line), final newline. */
export interface JsonLayout {
  indent: string
  finalNewline: boolean
}

/** The layout Tolk writes when a file has none to follow: two spaces and a final newline. */
export const DEFAULT_LAYOUT: JsonLayout = { indent: '  ', finalNewline: true }

/** The unit id of a key path: its segments joined with `.`, i18next's key separator. */
export function keyId(path: readonly string[]): string {
  return path.join('.')
}

/**
 * The leaves of a resource object in document order. `bad` is called for a value that is neither
 * a string nor an object of them (arrays, numbers, null) and must throw.
 */
export function flattenResources(
  obj: Record<string, unknown>,
  bad: (path: KeyPath, value: unknown) => never,
): ResourceEntry[] {
  const out: ResourceEntry[] = []
  const walk = (node: Record<string, unknown>, prefix: KeyPath): void => {
    for (const [k, v] of Object.entries(node)) {
      const path = [...prefix, k]
      if (typeof v === 'string') out.push({ path, value: v })
      else if (typeof v === 'object' && v !== null && !Array.isArray(v)) walk(v as Record<string, unknown>, path)
      else bad(path, v)
    }
  }
  walk(obj, [])
  return out
}

/**
 * The nested object of entries, in their order. A path that runs through a string already set
 * (`a` and then `a.b`) keeps its remaining segments as one flat key at the deepest object, where
 * i18next still finds it with `keySeparator: false`.
 */
export function nestResources(entries: readonly ResourceEntry[]): Record<string, unknown> {
  // Objects without a prototype: a key such as `__proto__.x` is data here, never a way into
  // Object.prototype (keys come from the network).
  const root: Record<string, unknown> = Object.create(null) as Record<string, unknown>
  for (const { path, value } of entries) {
    let node = root
    let i = 0
    for (; i < path.length - 1; i++) {
      const next = node[path[i]!]
      if (next === undefined) node = node[path[i]!] = Object.create(null) as Record<string, unknown>
      else if (typeof next === 'object') node = next as Record<string, unknown>
      else break
    }
    node[path.slice(i).join('.')] = value
  }
  return root
}

/** The indentation step and final newline of a JSON text. */
export function detectLayout(text: string): JsonLayout {
  const finalNewline = text.endsWith('\n')
  const m = /\n([ \t]+)\S/.exec(text)
  // No indented line: a one-line file, or an empty object written as `{}`.
  if (!m) return { indent: text.trim() === '{}' ? DEFAULT_LAYOUT.indent : '', finalNewline }
  return { indent: m[1]!, finalNewline }
}

/**
 * `text` (as serialiseResources writes it: LF, no BOM) in the byte marks of the file it replaces:
 * its BOM and its CRLF line endings kept, so writing back over a tree saved on Windows changes
 * only what changed. JSON strings hold no raw line break, so every LF is a line ending.
 */
export function inFileBytes(text: string, existing: string | undefined): string {
  if (existing === undefined) return text
  const lines = existing.includes('\r\n') ? text.replace(/\n/g, '\r\n') : text
  return existing.charCodeAt(0) === 0xfeff ? `\uFEFF${lines}` : lines
}

/** Write a resource object as JSON in a layout. */
export function serialiseResources(obj: Record<string, unknown>, layout: JsonLayout): string {
  const body = layout.indent === '' ? JSON.stringify(obj) : JSON.stringify(obj, null, layout.indent)
  return layout.finalNewline ? `${body}\n` : body
}
