/**
 * Tagged text (src/codes/) written as an XML format's own inline markup: XLIFF 2.0 `<pc>`/`<ph>`
 * pointing into `<originalData>`, XLIFF 1.2 `<g>`/`<x/>`, TMX `<bpt>`/`<ept>`/`<ph>` holding the
 * escaped original markup. The code numbers are the ids, so a file comes back with its codes.
 */
import { parseTagged, TaggedTextError } from '../codes/tagged-text.js'
import type { CodeData, CodeRun, Markup, Run } from '../codes/types.js'
import { escapeText } from './xml.js'

/** The XML formats that carry codes as markup. */
export type InlineStyle = 'xliff2' | 'xliff12' | 'tmx'

/** A markup as a string; a hole for another unit's text (an `alt`) is left empty. */
export function markupText(m: Markup | undefined): string {
  let out = ''
  for (const part of m ?? []) if (typeof part === 'string') out += part
  return out
}

/** The `<originalData>` ids of a code: `d1o`/`d1c` for a paired code's open and close, `d2` standalone. */
export function dataIds(id: number): { open: string; close: string; data: string } {
  return { open: `d${id}o`, close: `d${id}c`, data: `d${id}` }
}

/** Whether the codes open before they close, once each, and nest: then they can be elements. */
function nested(runs: Run[]): boolean {
  const stack: number[] = []
  const seen = new Set<number>()
  for (const r of runs) {
    if (r.type !== 'code' || r.kind === 'standalone') continue
    if (r.kind === 'open') {
      if (seen.has(r.id)) return false
      seen.add(r.id)
      stack.push(r.id)
    } else if (stack.pop() !== r.id) return false
  }
  return stack.length === 0
}

const G_CTYPE: Record<string, string> = { strong: 'bold', 'html:b': 'bold', 'html:strong': 'bold', emphasis: 'italic', 'html:i': 'italic', 'html:em': 'italic', 'html:u': 'underlined', link: 'link', 'html:a': 'link' }
const X_CTYPE: Record<string, string> = { image: 'image', 'html:img': 'image', break: 'lb', 'html:br': 'lb' }
const PC_TYPE: Record<string, string> = {
  ...Object.fromEntries(['strong', 'emphasis', 'strikethrough', ...['b', 'strong', 'i', 'em', 'u', 's', 'del', 'ins', 'sup', 'sub', 'small', 'mark'].map((t) => `html:${t}`)].map((w) => [w, 'fmt'])),
  link: 'link',
  'html:a': 'link',
  image: 'image',
  'html:img': 'image',
}

/** An XLIFF 1.2 ctype: the schema's own word where there is one, else `x-` and what the code is. */
function ctype(code: CodeData | undefined, words: Record<string, string>): string {
  if (!code) return ''
  return ` ctype="${words[code.what] ?? `x-${code.what.replace(/[^A-Za-z0-9._-]/g, '-')}`}"`
}

function xliff2(r: CodeRun, code: CodeData | undefined, asElements: boolean): string {
  const { id } = r
  const d = dataIds(id)
  const ref = (key: 'open' | 'close' | 'data', attr: string) => (code ? ` ${attr}="${d[key]}"` : '')
  const type = code && PC_TYPE[code.what] ? ` type="${PC_TYPE[code.what]}"` : ''
  if (r.kind === 'standalone') return `<ph id="${id}"${ref('data', 'dataRef')}${type}/>`
  if (asElements) return r.kind === 'open' ? `<pc id="${id}"${ref('open', 'dataRefStart')}${ref('close', 'dataRefEnd')}${type}>` : '</pc>'
  return r.kind === 'open' ? `<sc id="${id}"${ref('open', 'dataRef')}${type}/>` : `<ec startRef="${id}"${ref('close', 'dataRef')}/>`
}

function xliff12(r: CodeRun, code: CodeData | undefined, asElements: boolean): string {
  const { id } = r
  if (r.kind === 'standalone') return `<x id="${id}"${ctype(code, X_CTYPE)}/>`
  if (asElements) return r.kind === 'open' ? `<g id="${id}"${ctype(code, G_CTYPE)}>` : '</g>'
  return r.kind === 'open' ? `<bx id="${id}" rid="${id}"${ctype(code, G_CTYPE)}/>` : `<ex id="${id}" rid="${id}"/>`
}

function tmx(r: CodeRun, code: CodeData | undefined, asElements: boolean): string {
  const { id } = r
  const esc = (m: Markup | undefined) => escapeText(markupText(m))
  if (r.kind === 'standalone') return `<ph x="${id}">${esc(code?.data)}</ph>`
  if (asElements) return r.kind === 'open' ? `<bpt i="${id}" x="${id}">${esc(code?.open)}</bpt>` : `<ept i="${id}">${esc(code?.close)}</ept>`
  return r.kind === 'open' ? `<it pos="begin" x="${id}">${esc(code?.open)}</it>` : `<it pos="end" x="${id}">${esc(code?.close)}</it>`
}

const STYLES = { xliff2, xliff12, tmx }

/**
 * `tagged` as `style`'s inline markup, each text run through `text` (the format's escaping). Codes
 * that nest become elements (`<pc>`, `<g>`, `<bpt>`…`<ept>`); an old translation whose codes do
 * not balance gets the formats' unpaired forms (`<sc/>`/`<ec/>`, `<bx/>`/`<ex/>`, `<it>`), so the
 * file stays valid. A text that is not tagged text is written as text.
 */
export function writeInline(tagged: string, codes: readonly CodeData[] | undefined, style: InlineStyle, text: (s: string) => string): string {
  let runs: Run[]
  try {
    runs = parseTagged(tagged)
  } catch (e) {
    if (!(e instanceof TaggedTextError)) throw e
    return text(tagged)
  }
  const byId = new Map((codes ?? []).map((c) => [c.id, c]))
  const asElements = nested(runs)
  const write = STYLES[style]
  let out = ''
  for (const r of runs) out += r.type === 'text' ? text(r.text) : write(r, byId.get(r.id), asElements)
  return out
}

/** XLIFF 2.0 `<originalData>` for a unit's codes ('' when it has none), indented for a `<unit>`. */
export function originalData(codes: readonly CodeData[] | undefined, text: (s: string) => string): string {
  if (!codes?.length) return ''
  const lines = ['      <originalData>']
  for (const c of codes) {
    const d = dataIds(c.id)
    if (c.kind === 'paired') {
      lines.push(`        <data id="${d.open}">${text(markupText(c.open))}</data>`)
      lines.push(`        <data id="${d.close}">${text(markupText(c.close))}</data>`)
    } else lines.push(`        <data id="${d.data}">${text(markupText(c.data))}</data>`)
  }
  lines.push('      </originalData>')
  return lines.join('\n')
}
