/**
 * XLIFF 1.2, valid against the strict schema: one `<trans-unit>` per unit. States map as
 * translate-toolkit and the CAT tools read them: every finished unit is `approved="yes"` (which
 * translate-toolkit, Pootle, Virtaal and Weblate need to count a unit as translated rather than
 * fuzzy), `state` tells translated, signed-off and final apart; stale and rejected are
 * `needs-review-translation` without `approved`.
 * The strict schema allows no attributes of our own, so the article id travels in `original` and
 * the version at export in a `<note from="tolk">`.
 */
import { InvalidInput } from '../model/errors.js'
import type { State, Translation } from '../model/translation.js'
import { CodeNumbers, readInline } from './inline-read.js'
import { writeInline } from './inline-codes.js'
import { VERSION_LINE } from './notes.js'
import {
  isTranslated,
  writeWhole,
  type ExportData,
  type ExportedFile,
  type ExportFormatWriter,
  type FileUnit,
  type ReadOptions,
  type TranslationFile,
} from './types.js'
import {
  childElements,
  escapeAttr,
  escapeText,
  firstChild,
  hasNonXmlChar,
  refuseControl,
  parseXml,
  xliffFiles,
  textContent,
  type XmlElement,
} from './xml.js'

/** The XLIFF 1.2 namespace. */
export const XLIFF12_NS = 'urn:oasis:names:tc:xliff:document:1.2'

/** `state` and `approved` of a target, from a translation. */
export function xliff12State(t: Translation): { state: string; approved: boolean } {
  // Stale or rejected: pending, not done.
  if (t.stale || t.state === 'rejected') return { state: 'needs-review-translation', approved: false }
  if (t.state === 'final') return { state: 'final', approved: true }
  if (t.state === 'reviewed') return { state: 'signed-off', approved: true }
  return { state: 'translated', approved: true }
}

/** XLIFF 1.2 a piece at a time: one `<trans-unit>` per unit. */
export const XLIFF12_WRITER: ExportFormatWriter = {
  mediaType: 'application/xliff+xml; charset=utf-8',
  extension: 'xlf',
  start(data) {
    const { article, lang } = data
    const head = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<xliff xmlns="${XLIFF12_NS}" version="1.2">`,
      `  <file original="${escapeAttr(article.id)}" source-language="${escapeAttr(article.lang)}"` +
        ` target-language="${escapeAttr(lang)}" datatype="plaintext"` +
        ` date="${data.exportedAt.replace(/\.\d+Z$/, 'Z')}">`,
      '    <header>',
      '      <tool tool-id="tolk" tool-name="Tolk"/>',
      '    </header>',
      '    <body>',
      '',
    ]
    return {
      head: head.join('\n'),
      unit({ unit, translation: t }) {
        const done = isTranslated(t)
        const text = (s: string) => xmlText(s, unit.id)
        const { state, approved } = xliff12State(t)
        const out = [
          `      <trans-unit id="${escapeAttr(unit.id)}"${done && approved ? ' approved="yes"' : ''}` +
            ' xml:space="preserve">',
          `        <source>${writeInline(unit.source, unit.codes, 'xliff12', text)}</source>`,
        ]
        if (done) out.push(`        <target state="${state}">${writeInline(t.text, unit.codes, 'xliff12', text)}</target>`)
        out.push(
          '        <note from="tolk" priority="10">' +
            `tag: ${escapeText(unit.tag)}, position: ${unit.position}</note>`,
          `        <note from="tolk" priority="10">tolk-version: ${t.version}</note>`,
          '      </trans-unit>',
          '',
        )
        return out.join('\n')
      },
      end: () => '    </body>\n  </file>\n</xliff>\n',
    }
  },
}

/** Write an article's units and translations as an XLIFF 1.2 document. */
export function writeXliff12(data: ExportData): ExportedFile {
  return writeWhole(XLIFF12_WRITER, data)
}

/** Escaped text, or InvalidInput for a character XLIFF 1.2 has no way to carry. */
export function xmlText(s: string, unitId: string): string {
  refuseControl(s, unitId)
  if (hasNonXmlChar(s)) {
    throw new InvalidInput(
      `unit ${unitId} holds a character that XML 1.0 cannot carry (U+FFFE or U+FFFF); export it as xliff2 or po`,
      'unexportable-character',
    )
  }
  return escapeText(s)
}

/** Read an XLIFF 1.2 document (as Tolk wrote it, or as a CAT tool saved it). */
export function readXliff12(text: string, name: string, opts: ReadOptions = {}): TranslationFile {
  const root = parseXml(text, name)
  if (root.uri !== XLIFF12_NS || root.name !== 'xliff') {
    throw new InvalidInput(
      `${name} is not XLIFF 1.2 (root element <${root.name}> in "${root.uri}")`,
      'unknown-format',
    )
  }
  const { files, articleId } = xliffFiles(root, name, opts.anyFile)
  const first = files[0] as XmlElement
  const lang = first.attrs['target-language']
  if (!lang) throw new InvalidInput(`${name}: line ${first.line}: <file> has no target-language`, 'malformed-xliff')
  const units: FileUnit[] = []
  for (const file of files) {
    if (file.attrs['target-language'] !== lang) {
      throw new InvalidInput(`${name}: line ${file.line}: <file> is in ${file.attrs['target-language'] ?? 'no language'}, not ${lang}; keep one target language per document`, 'malformed-xliff')
    }
    const body = firstChild(file, 'body')
    if (body) collect(body, units, name)
  }
  const sourceLang = first.attrs['source-language']
  return { format: 'xliff12', articleId, lang, ...(sourceLang ? { sourceLang } : {}), units }
}

function collect(parent: XmlElement, units: FileUnit[], name: string): void {
  for (const el of childElements(parent)) {
    if (el.name === 'group') collect(el, units, name)
    if (el.name !== 'trans-unit') continue
    const id = el.attrs.id
    if (!id)
      throw new InvalidInput(`${name}: line ${el.line}: <trans-unit> has no id`, 'malformed-xliff')
    const source = firstChild(el, 'source')
    const target = firstChild(el, 'target')
    const numbers = new CodeNumbers()
    const shown = new Map<number, string>()
    const sourceText = source ? readInline(source, numbers, shown) : ''
    numbers.rewind()
    const text = target ? readInline(target, numbers) : undefined
    let version: number | undefined
    for (const note of childElements(el, 'note')) {
      const m = note.attrs.from === 'tolk' ? VERSION_LINE.exec(textContent(note)) : null
      if (m) version = Number(m[1])
    }
    units.push({
      unitId: id,
      source: sourceText,
      text: text === '' ? undefined : text,
      ...(target
        ? importState(target.attrs.state)
        : { state: undefined, needsReview: false }),
      version,
      ...(shown.size > 0 ? { codeInterpolations: [...shown] } : {}),
      ...(el.attrs.translate === 'no' ? { notForTranslation: true as const } : {}),
      line: el.line,
    })
  }
}

/**
 * Our state from a target's XLIFF 1.2 `state` (`approved` says only "finished", which a target is).
 * "Needs review" states give none: an unchanged text keeps ours, a changed one becomes translated.
 * "Needs translation" states (translate-toolkit's fuzzy) make a changed text a draft.
 */
function importState(state: string | undefined): { state: State | undefined; needsReview: boolean } {
  if (state === 'final') return { state: 'final', needsReview: false }
  if (state === 'signed-off') return { state: 'reviewed', needsReview: false }
  if (state === 'translated') return { state: 'translated', needsReview: false }
  if (state?.startsWith('needs-review-')) return { state: undefined, needsReview: true }
  if (state?.startsWith('needs-')) return { state: 'initial', needsReview: true }
  // No state, `new`, or a tool's own `x-` state: a target someone wrote. `approved="yes"` alone is
  // no review: translate-toolkit and Tolk put it on every finished unit.
  return { state: 'translated', needsReview: false }
}
