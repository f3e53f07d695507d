/**
 * Two more parts of an i18next string a translation must keep: the formatter of an
 * interpolation (`{{value, rate(unit: kb)}}`: a target writing `bytes` shows the wrong unit), and
 * the tags of react-i18next's Trans component or of HTML (`<0>…</0>`, `<strong>…</strong>`,
 * `<br/>`), lost, unknown to the source, or out of order.
 */

/** Each variable's formatters (`rate`, `number,currency`; '' for none), from `{{…}}` tokens as written. */
export function formattersOf(tokens: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const token of tokens) {
    let inner = token.slice(2, -2)
    const comma = inner.indexOf(',')
    const spec = comma === -1 ? '' : inner.slice(comma + 1)
    inner = (comma === -1 ? inner : inner.slice(0, comma)).trim()
    if (inner.startsWith('-')) inner = inner.slice(1).trim()
    if (inner === '') continue
    const names = formatterNames(spec)
    const list = out.get(inner)
    if (!list) out.set(inner, [names])
    else if (!list.includes(names)) list.push(names)
  }
  return out
}

/** `rate(unit: kb), number` → `rate,number`: i18next's names (lower-cased, as it looks them up), options left out. */
function formatterNames(spec: string): string {
  const names: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i <= spec.length; i++) {
    const c = spec[i]
    if (c === '(') depth++
    else if (c === ')') depth = Math.max(0, depth - 1)
    else if ((c === ',' || c === undefined) && depth === 0) {
      const part = spec.slice(start, i)
      const paren = part.indexOf('(')
      const name = (paren === -1 ? part : part.slice(0, paren)).trim().toLowerCase()
      if (name !== '') names.push(name)
      start = i + 1
    }
  }
  return names.join(',')
}

/**
 * What a target's formatters change: for each variable both use, a formatter the source never
 * gives it. Null when nothing changed.
 */
export function formatterChanges(source: readonly string[], target: readonly string[]): { name: string; was: string; now: string }[] | null {
  const before = formattersOf(source)
  let out: { name: string; was: string; now: string }[] | null = null
  for (const [name, nows] of formattersOf(target)) {
    const was = before.get(name)
    if (!was) continue
    for (const now of nows) if (!was.includes(now)) (out ??= []).push({ name, was: was.join(' or '), now })
  }
  return out
}

/** The message of a formatter problem: `speed formats {{value}} with bytes where the source has rate`. */
export function formatterMessage(key: string, changes: { name: string; was: string; now: string }[]): string {
  const word = (f: string) => (f === '' ? 'no formatter' : f)
  return `${key} ${changes.map((c) => `formats {{${c.name}}} with ${word(c.now)} where the source has ${word(c.was)}`).join('; ')}`
}

// A tag: `<0>`, `</0>`, `<br/>`, `<strong>`, `<a href="…">`; never `a < b` or `<3`.
const TAG = /<(\/?)([A-Za-z][\w.-]*|\d+)(?:\s[^<>]*?)?\s*(\/?)>/g

/** Tags in order, spelled `<name>`, `</name>` or `<name/>` (attributes and spaces left out); null when none. */
export function tagsOf(text: string): string[] | null {
  if (text.indexOf('<') === -1) return null
  let out: string[] | null = null
  for (const m of text.matchAll(TAG)) (out ??= []).push(m[1] ? `</${m[2]}>` : m[3] ? `<${m[2]}/>` : `<${m[2]}>`)
  return out
}

/** What a target's tags lack, add, or break (order); null when they match the source's. */
export function tagProblem(key: string, source: readonly string[], target: readonly string[] | null): string | null {
  const have = new Set(target ?? [])
  const want = new Set(source)
  const lacks = [...want].filter((t) => !have.has(t))
  const unknown = [...have].filter((t) => !want.has(t))
  if (lacks.length > 0 || unknown.length > 0) {
    const parts = [lacks.length > 0 ? `lacks ${lacks.join(', ')}` : '', unknown.length > 0 ? `has ${unknown.join(', ')}, unknown to the source` : ''].filter(Boolean)
    return `${key} ${parts.join(' and ')}`
  }
  const broken = misordered(target ?? [])
  return broken && !misordered(source) ? `${key} breaks the order of <${broken}>…</${broken}>` : null
}

/** The first tag whose close does not match the open before it (or never closes); null when the pairs nest. */
function misordered(tags: readonly string[]): string | null {
  const closes = new Set(tags.filter((t) => t.startsWith('</')).map((t) => t.slice(2, -1)))
  const open: string[] = []
  for (const t of tags) {
    if (t.endsWith('/>')) continue
    if (t.startsWith('</')) {
      const name = t.slice(2, -1)
      if (open.pop() !== name) return name
    } else {
      const name = t.slice(1, -1)
      // An open tag never closed anywhere (`<br>`) stands alone.
      if (closes.has(name)) open.push(name)
    }
  }
  return open.length > 0 ? (open[open.length - 1] as string) : null
}
