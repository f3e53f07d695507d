/**
 * Inline codes on their way to an engine and back. A unit's text is tagged text (src/codes/:
 * `⟦1⟧…⟦/1⟧` paired, `⟦2/⟧` standalone, a literal `⟦` doubled). This module is the seam between
 * that notation and what an engine keeps:
 * - `xml`: `<g id="1">…</g>` and `<x id="2"/>`, the text XML-escaped (APy's HTML mode, DeepL's
 *   tag_handling=xml, LibreTranslate's format=html);
 * - `placeholders`: the tagged text as it is (an engine told to keep the markers);
 * - `none`: the plain text, no codes.
 * The reply is read back into tagged text and checked with the store's own rule (checkCodes):
 * a reply that breaks a paired code, adds one or does not parse is repaired by putting the
 * source's paired codes around the whole text and its standalone ones at its end, and marked
 * `repaired`. It is never handed on broken.
 */
import { checkCodes, codeTag, escapeText, parseTagged, plainTextLenient, TaggedTextError, writeTagged, type Run } from '../codes/index.js'
import type { CodeCarriage } from './types.js'

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A tagged text in the form an engine carrying `carriage` keeps. */
export function toEngine(text: string, carriage: CodeCarriage): string {
  if (carriage === 'placeholders') return text
  if (carriage === 'none') return plainTextLenient(text)
  let runs: Run[]
  try {
    runs = parseTagged(text)
  } catch (e) {
    if (!(e instanceof TaggedTextError)) throw e
    return escapeXml(text)
  }
  let out = ''
  for (const r of runs) {
    if (r.type === 'text') out += escapeXml(r.text)
    else out += r.kind === 'open' ? `<g id="${r.id}">` : r.kind === 'close' ? '</g>' : `<x id="${r.id}"/>`
  }
  return out
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const unescapeXml = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (all, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
    return ENTITIES[e.toLowerCase()] ?? all
  })

/** An XML reply as tagged text: tags to codes (a `</g>` closes the last open one), the rest text. */
function fromXml(reply: string): string {
  const open: number[] = []
  const runs: Run[] = []
  let at = 0
  for (const m of reply.matchAll(/<(\/?)([gx])\b(?:\s+id\s*=\s*["']?(\d+)["']?)?\s*(\/?)>/gi)) {
    runs.push({ type: 'text', text: unescapeXml(reply.slice(at, m.index)) })
    at = m.index + m[0].length
    const [, close, name, id, self] = m
    if (name!.toLowerCase() === 'x' || self) {
      if (id) runs.push({ type: 'code', kind: 'standalone', id: Number(id) })
    } else if (close) {
      const last = open.pop()
      if (last !== undefined) runs.push({ type: 'code', kind: 'close', id: last })
    } else if (id) {
      open.push(Number(id))
      runs.push({ type: 'code', kind: 'open', id: Number(id) })
    }
  }
  runs.push({ type: 'text', text: unescapeXml(reply.slice(at)) })
  return writeTagged(runs.filter((r) => r.type === 'code' || r.text !== ''))
}

/** A reply in tagged text and whether its codes had to be repaired. */
export interface ReadBack {
  text: string
  repaired: boolean
}

/** Read an engine's reply back into tagged text whose codes are those of `source`. */
export function fromEngine(reply: string, source: string, carriage: CodeCarriage): ReadBack {
  const text = carriage === 'xml' ? fromXml(reply) : carriage === 'none' ? escapeText(reply) : reply
  if (checkCodes(text, source).errors.length === 0 && !lacksStandalone(text, source)) return { text, repaired: false }
  // The plain words of the reply, with every code of the source put back around or after them.
  let fixed = escapeText(plainTextLenient(text))
  const codes = sourceCodes(source)
  for (const c of [...codes].reverse()) if (c.kind === 'open') fixed = `${codeTag(c)}${fixed}${codeTag({ kind: 'close', id: c.id })}`
  for (const c of codes) if (c.kind === 'standalone') fixed += codeTag(c)
  return { text: fixed, repaired: true }
}

function sourceCodes(source: string) {
  try {
    return parseTagged(source).flatMap((r) => (r.type === 'code' ? [r] : []))
  } catch {
    return []
  }
}

/** A standalone code of the source missing from the reply: the store only warns, but it is markup lost. */
function lacksStandalone(text: string, source: string): boolean {
  const have = new Set(sourceCodes(text).filter((c) => c.kind === 'standalone').map((c) => c.id))
  return sourceCodes(source).some((c) => c.kind === 'standalone' && !have.has(c.id))
}
