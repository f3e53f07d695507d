/** Writing memory entries as TMX 1.4b, one unit at a time (the caller streams the pieces). */
import { writeInline } from '../formats/inline-codes.js'
import { InvalidInput } from '../model/errors.js'
import type { MemoryEntry } from './types.js'

// XML 1.0 forbids most C0 controls, U+FFFE, U+FFFF and lone surrogates. The text rule keeps them
// out of the memory; an entry stored before it is refused by tmxUnit (as `export --format tmx`
// refuses such a unit), and xmlEscape keeps anything else (a header field) well-formed.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Escape text for element content. */
export function xmlEscape(s: string): string {
  return s.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Escape text for a double-quoted attribute. */
export function attrEscape(s: string): string {
  return xmlEscape(s).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;')
}

/** The document's start, up to `<body>`. `srcLang` is `*all*` when entries differ in it. */
export function tmxHead(srcLang: string, createdAt: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header creationtool="Tolk" creationtoolversion="1" segtype="sentence" o-tmf="tolk" adminlang="en" srclang="${attrEscape(srcLang)}" datatype="plaintext" creationdate="${tmxDate(createdAt)}"/>`,
    '  <body>',
    '',
  ].join('\n')
}

/**
 * One entry as a `<tu>` with its two variants; tag and origin travel as props. Throws
 * InvalidInput naming the entry and the character when a text holds one XML cannot carry.
 */
export function tmxUnit(e: MemoryEntry): string {
  for (const text of [e.source, e.target, e.tag ?? '', e.author ?? '']) refuseNotXml(text, e)
  const who = e.author ? ` changeid="${attrEscape(e.author)}"` : ''
  const when = e.updatedAt ? ` changedate="${tmxDate(e.updatedAt)}"` : ''
  const props = [
    e.tag ? `      <prop type="x-tolk-tag">${xmlEscape(e.tag)}</prop>\n` : '',
    e.articleId && e.unitId
      ? `      <prop type="x-tolk-unit">${xmlEscape(`${e.articleId}/${e.unitId}`)}</prop>\n`
      : '',
  ].join('')
  return (
    `    <tu srclang="${attrEscape(e.srcLang)}"${who}${when}>\n${props}` +
    `      <tuv xml:lang="${attrEscape(e.srcLang)}"><seg>${seg(e.source)}</seg></tuv>\n` +
    `      <tuv xml:lang="${attrEscape(e.tgtLang)}"><seg>${seg(e.target)}</seg></tuv>\n` +
    '    </tu>\n'
  )
}

/**
 * A memory text's codes as `<bpt>`/`<ept>`/`<ph>`, empty: the memory keeps tagged text, not what
 * each code stood for (readTmx numbers them back the same way).
 */
function seg(tagged: string): string {
  return writeInline(tagged, undefined, 'tmx', xmlEscape)
}

function refuseNotXml(text: string, e: MemoryEntry): void {
  NOT_XML.lastIndex = 0
  const m = NOT_XML.exec(text)
  NOT_XML.lastIndex = 0
  if (!m) return
  const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
  const where = e.articleId && e.unitId ? ` (unit ${e.unitId} of ${e.articleId})` : ''
  throw new InvalidInput(
    `entry ${e.id}${where} holds ${code}, a character XML cannot carry, so nothing was exported${where ? "; rewrite that unit's translation (tolk text-faults lists such texts)" : ''}`,
    'unexportable-character',
  )
}

/** The document's end. */
export const TMX_TAIL = '  </body>\n</tmx>\n'

/** TMX dates are ISO 8601 basic format in UTC: 20261125T155513Z. */
export function tmxDate(iso: string): string {
  return iso.replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '')
}

/** ISO 8601 from a TMX date (basic format), or undefined when it is not one. */
export function isoFromTmx(d: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(d)
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z` : undefined
}
