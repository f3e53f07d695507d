/**
 * Inline codes on their way to an engine and back. A unit's text marks its codes in the one
 * notation of the documents issue: `⟦1⟧…⟦/1⟧` for a paired code, `⟦2/⟧` for a standalone one.
 * This module is the seam between that notation and what an engine keeps:
 * - `xml`: `<g id="1">…</g>` and `<x id="2"/>`, the rest XML-escaped (APy's HTML mode, DeepL's
 *   tag_handling=xml);
 * - `placeholders`: the markers as they are (an engine told to keep them);
 * - `none`: no codes sent at all.
 * The reply is read back into the notation and checked: a paired code that was lost or broken is
 * put around the whole text, a standalone one at its end, an unknown one dropped; such a reply is
 * marked `repaired`. It is never handed on broken.
 */
import type { CodeCarriage } from './types.js'

const MARK = /⟦(\/?)(\d+)(\/?)⟧/g

/** A code found in a text: its id and whether it is paired. */
interface CodeInfo {
  id: string
  paired: boolean
}

/** The codes of a text in the notation, in order of their opening marker. */
export function codesOf(text: string): CodeInfo[] {
  const seen = new Map<string, CodeInfo>()
  for (const m of text.matchAll(MARK)) {
    const id = m[2]!
    if (!seen.has(id)) seen.set(id, { id, paired: m[3] !== '/' })
  }
  return [...seen.values()]
}

/** Remove every code marker, leaving the plain text. */
export function stripCodes(text: string): string {
  return text.replace(MARK, '')
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A text in the notation, in the form an engine carrying `carriage` keeps. */
export function toEngine(text: string, carriage: CodeCarriage): string {
  if (carriage === 'none') return stripCodes(text)
  if (carriage === 'placeholders') return text
  let out = ''
  let at = 0
  for (const m of text.matchAll(MARK)) {
    out += escapeXml(text.slice(at, m.index))
    out += m[1] ? '</g>' : m[3] ? `<x id="${m[2]}"/>` : `<g id="${m[2]}">`
    at = m.index + m[0].length
  }
  return out + escapeXml(text.slice(at))
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const unescapeXml = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (all, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
    return ENTITIES[e.toLowerCase()] ?? all
  })

/** An engine's reply read back into the notation (tags to markers), unchecked. */
function fromXml(reply: string): string {
  const open: string[] = []
  let out = ''
  let at = 0
  for (const m of reply.matchAll(/<(\/?)([gx])\b(?:\s+id\s*=\s*["']?(\d+)["']?)?\s*(\/?)>/gi)) {
    out += unescapeXml(reply.slice(at, m.index))
    at = m.index + m[0].length
    const [, close, name, id, self] = m
    if (name!.toLowerCase() === 'x' || self) out += id ? `⟦${id}/⟧` : ''
    else if (close) out += open.length ? `⟦/${open.pop()}⟧` : ''
    else if (id) (open.push(id), (out += `⟦${id}⟧`))
  }
  return out + unescapeXml(reply.slice(at))
}

/** A reply in the notation and whether its codes had to be repaired. */
export interface ReadBack {
  text: string
  repaired: boolean
}

/**
 * Read an engine's reply back into the notation and make its codes those of `source`: each
 * paired code opened once and closed once after it, each standalone once, no others.
 */
export function fromEngine(reply: string, source: string, carriage: CodeCarriage): ReadBack {
  const text = carriage === 'xml' ? fromXml(reply) : reply
  const want = codesOf(source)
  if (want.length === 0) {
    const plain = stripCodes(text)
    return { text: plain, repaired: plain !== text }
  }
  if (carriage !== 'none' && intact(text, want)) return { text, repaired: false }
  // Keep the codes that survived whole; put the rest around (or after) the whole text.
  const whole = want.filter((c) => carriage !== 'none' && intactOne(text, c))
  const keep = new Set(whole.map((c) => c.id))
  let fixed = text.replace(MARK, (m, _c, id: string) => (keep.has(id) ? m : ''))
  for (const c of want) {
    if (keep.has(c.id)) continue
    fixed = c.paired ? `⟦${c.id}⟧${fixed}⟦/${c.id}⟧` : `${fixed}⟦${c.id}/⟧`
  }
  return { text: fixed, repaired: true }
}

function intactOne(text: string, c: CodeInfo): boolean {
  const count = (s: string) => text.split(s).length - 1
  if (!c.paired) return count(`⟦${c.id}/⟧`) === 1 && count(`⟦${c.id}⟧`) === 0 && count(`⟦/${c.id}⟧`) === 0
  const a = text.indexOf(`⟦${c.id}⟧`)
  const b = text.indexOf(`⟦/${c.id}⟧`)
  return count(`⟦${c.id}⟧`) === 1 && count(`⟦/${c.id}⟧`) === 1 && a < b && count(`⟦${c.id}/⟧`) === 0
}

function intact(text: string, want: CodeInfo[]): boolean {
  const ids = new Set(want.map((c) => c.id))
  for (const m of text.matchAll(MARK)) if (!ids.has(m[2]!)) return false
  return want.every((c) => intactOne(text, c))
}
