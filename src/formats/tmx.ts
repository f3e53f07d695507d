/**
 * TMX 1.4b: a translation memory of every translated unit (stale ones too, paired with the source
 * they were made from, which is what a memory should hold). Valid against the TMX 1.4 DTD.
 */
import { isTranslated, type ExportData, type ExportedFile } from './types.js'
import { escapeAttr } from './xml.js'
import { xmlText } from './xliff12.js'

/** The DOCTYPE TMX 1.4 documents carry; readers resolve `tmx14.dtd` locally, never fetch it. */
export const TMX_DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'

/** Write the translated units of an article in one language as a TMX 1.4b memory. */
export function writeTmx(data: ExportData): ExportedFile {
  const { article, lang } = data
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    TMX_DOCTYPE,
    '<tmx version="1.4">',
    `  <header creationtool="Tolk" creationtoolversion="1" segtype="sentence" o-tmf="tolk"` +
      ` adminlang="en" srclang="${escapeAttr(article.lang)}" datatype="plaintext"` +
      ` creationdate="${tmxDate(data.exportedAt)}">`,
    `    <prop type="x-tolk-article">${xmlText(article.id, article.id)}</prop>`,
    '  </header>',
    '  <body>',
  ]
  for (const { unit, translation: t } of data.units) {
    if (!isTranslated(t)) continue
    const who = t.author === null ? '' : ` changeid="${escapeAttr(t.author)}"`
    const when = t.updatedAt === null ? '' : ` changedate="${tmxDate(t.updatedAt)}"`
    // A stale translation was made from the old source: that is the pair a memory should keep.
    const source = t.stale && t.madeFrom !== null ? t.madeFrom : unit.source
    out.push(
      `    <tu tuid="${escapeAttr(unit.id)}"${who}${when}>`,
      `      <prop type="x-tolk-state">${t.state}${t.stale ? ' stale' : ''}</prop>`,
      `      <tuv xml:lang="${escapeAttr(article.lang)}"><seg>${xmlText(source, unit.id)}</seg></tuv>`,
      `      <tuv xml:lang="${escapeAttr(lang)}"><seg>${xmlText(t.text, unit.id)}</seg></tuv>`,
      '    </tu>',
    )
  }
  out.push('  </body>', '</tmx>', '')
  return {
    body: out.join('\n'),
    mediaType: 'application/x-tmx+xml; charset=utf-8',
    extension: 'tmx',
  }
}

/** TMX dates are ISO 8601 basic format in UTC: 20261125T155513Z. */
function tmxDate(iso: string): string {
  return iso.replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '')
}
