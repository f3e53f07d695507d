/**
 * TMX 1.4b: a translation memory of every translated unit (stale ones too, paired with the source
 * they were made from, which is what a memory should hold). Valid against the TMX 1.4 DTD.
 */
import { isTranslated, writeWhole, type ExportData, type ExportedFile, type ExportFormatWriter } from './types.js'
import { writeInline } from './inline-codes.js'
import { escapeAttr } from './xml.js'
import { xmlText } from './xliff12.js'

/** The DOCTYPE TMX 1.4 documents carry; readers resolve `tmx14.dtd` locally, never fetch it. */
export const TMX_DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'

/** TMX 1.4b a piece at a time: one `<tu>` per translated unit. */
export const TMX_WRITER: ExportFormatWriter = {
  mediaType: 'application/x-tmx+xml; charset=utf-8',
  extension: 'tmx',
  start(data) {
    const { article, lang } = data
    const head = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      TMX_DOCTYPE,
      '<tmx version="1.4">',
      `  <header creationtool="Tolk" creationtoolversion="1" segtype="sentence" o-tmf="tolk"` +
        ` adminlang="en" srclang="${escapeAttr(article.lang)}" datatype="plaintext"` +
        ` creationdate="${tmxDate(data.exportedAt)}">`,
      `    <prop type="x-tolk-article">${xmlText(article.id, article.id)}</prop>`,
      '  </header>',
      '  <body>',
      '',
    ]
    return {
      head: head.join('\n'),
      unit({ unit, translation: t }) {
        // A rejected text is no pair a memory should keep (the memory leaves it out too).
        if (!isTranslated(t) || t.state === 'rejected') return ''
        const who = t.author === null ? '' : ` changeid="${escapeAttr(t.author)}"`
        const when = t.updatedAt === null ? '' : ` changedate="${tmxDate(t.updatedAt)}"`
        // A stale translation was made from the old source: that is the pair a memory should keep.
        const source = t.stale && t.madeFrom !== null ? t.madeFrom : unit.source
        const seg = (s: string) => writeInline(s, unit.codes, 'tmx', (x) => xmlText(x, unit.id))
        return [
          `    <tu tuid="${escapeAttr(unit.id)}"${who}${when}>`,
          `      <prop type="x-tolk-state">${t.state}${t.stale ? ' stale' : ''}</prop>`,
          `      <tuv xml:lang="${escapeAttr(article.lang)}"><seg>${seg(source)}</seg></tuv>`,
          `      <tuv xml:lang="${escapeAttr(lang)}"><seg>${seg(t.text)}</seg></tuv>`,
          '    </tu>',
          '',
        ].join('\n')
      },
      end: () => '  </body>\n</tmx>\n',
    }
  },
}

/** Write the translated units of an article in one language as a TMX 1.4b memory. */
export function writeTmx(data: ExportData): ExportedFile {
  return writeWhole(TMX_WRITER, data)
}

/** TMX dates are ISO 8601 basic format in UTC: 20261125T155513Z. */
function tmxDate(iso: string): string {
  return iso.replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '')
}
