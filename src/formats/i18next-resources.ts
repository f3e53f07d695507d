/**
 * i18next JSON v4 resource objects as ordered lists of key paths and back, and the layout of a
 * file (indentation, final newline) so that a file written back is byte for byte the one read.
 */

/**
 * A key's path through the nested object: `{"nav": {"home": …}}` → `["nav", "home"]`. An array's
 * element is a number, its index: `{"steps": ["a"]}` → `["steps", 0]` (i18next finds it as
 * `steps.0`, and the whole array with `returnObjects`); stored as such, so that it is written back
 * as an array.
 */
export type KeyPath = (string | number)[]

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
export function keyId(path: readonly (string | number)[]): string {
  return path.join('.')
}

/**
 * The leaves of a resource object in document order, arrays element by element. `bad` is called
 * for a value that is neither a string nor an object or array of them (numbers, null) and must throw.
 */
export function flattenResources(
  obj: Record<string, unknown>,
  bad: (path: KeyPath, value: unknown) => never,
): ResourceEntry[] {
  const out: ResourceEntry[] = []
  const visit = (v: unknown, path: KeyPath): void => {
    if (typeof v === 'string') out.push({ path, value: v })
    else if (Array.isArray(v)) v.forEach((item, i) => visit(item, [...path, i]))
    else if (typeof v === 'object' && v !== null) for (const [k, item] of Object.entries(v)) visit(item, [...path, k])
    else bad(path, v)
  }
  for (const [k, v] of Object.entries(obj)) visit(v, [k])
  return out
}

/**
 * The nested object of entries, in their order. A path that runs through a string already set
 * (`a` and then `a.b`) keeps its remaining segments as one flat key at the deepest object, where
 * i18next still finds it with `keySeparator: false`. The elements of an array (index segments)
 * become an array again when they are all there, from 0 on; with a gap, or beside a named key,
 * they stay an object keyed by index, which i18next (and tolk check) read alike.
 */
export function nestResources(entries: readonly ResourceEntry[]): Record<string, unknown> {
  // Objects without a prototype: a key such as `__proto__.x` is data here, never a way into
  // Object.prototype (keys come from the network).
  const root: Record<string, unknown> = Object.create(null) as Record<string, unknown>
  // Objects made for index segments, and those of them that also got a named key.
  const indexed = new Set<Record<string, unknown>>()
  const named = new Set<Record<string, unknown>>()
  const put = (node: Record<string, unknown>, segment: string | number, value: unknown) => {
    if (typeof segment === 'string') named.add(node)
    node[segment] = value
  }
  for (const { path, value } of entries) {
    let node = root
    let i = 0
    for (; i < path.length - 1; i++) {
      const next = node[path[i]!]
      if (next === undefined) {
        const fresh = Object.create(null) as Record<string, unknown>
        if (typeof path[i + 1] === 'number') indexed.add(fresh)
        put(node, path[i]!, fresh)
        node = fresh
      } else if (typeof next === 'object') node = next as Record<string, unknown>
      else break
    }
    put(node, i === path.length - 1 ? path[i]! : path.slice(i).join('.'), value)
  }
  return indexed.size === 0 ? root : (toArrays(root, indexed, named) as Record<string, unknown>)
}

/** `node` with each object of index segments alone, 0 to n-1, turned into an array (depth first). */
function toArrays(node: Record<string, unknown>, indexed: Set<object>, named: Set<object>): Record<string, unknown> | unknown[] {
  for (const k in node) {
    const v = node[k]
    if (typeof v === 'object' && v !== null) node[k] = toArrays(v as Record<string, unknown>, indexed, named)
  }
  if (!indexed.has(node) || named.has(node)) return node
  const keys = Object.keys(node)
  // Integer keys enumerate in ascending order: 0..n-1 without a gap is the key list 0, 1, 2, …
  if (!keys.every((k, i) => k === String(i))) return node
  return keys.map((k) => node[k])
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
