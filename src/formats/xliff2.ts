/**
 * XLIFF 2.0 (OASIS core): one `<unit>` per unit, the segment's state as XLIFF 2.0 has it (our
 * states are XLIFF 2.0's), stale as `subState="tolk:stale"`, rejected as `state="translated"`
 * with `subState="tolk:rejected"`, and notes for the tag, the position and the
 * version the translation had at export (which a re-import checks).
 */
import { InvalidInput } from '../model/errors.js'
import { STATES, type State } from '../model/translation.js'
import { CodeNumbers, readInline } from './inline-read.js'
import { originalData, writeInline } from './inline-codes.js'
import { NOTE_POSITION, NOTE_TAG, NOTE_VERSION, parseVersionNote } from './notes.js'
import { writeWhole, type ExportData, type ExportedFile, type ExportFormatWriter, type FileUnit, type ReadOptions, type TranslationFile } from './types.js'
import {
  childElements,
  escapeAttr,
  escapeText,
  firstChild,
  parseXml,
  refuseControl,
  xliffFiles,
  type XmlElement,
} from './xml.js'

/** The XLIFF 2.0 core namespace. */
export const XLIFF2_NS = 'urn:oasis:names:tc:xliff:document:2.0'

/** The subState that marks a translation whose source changed after it was made. */
export const STALE_SUBSTATE = 'tolk:stale'

/** The subState that marks a translation a reviewer rejected (its state is `translated`). */
export const REJECTED_SUBSTATE = 'tolk:rejected'

/** The states an XLIFF 2.0 segment may have: ours but `rejected`, which is a subState there. */
const XLIFF_STATES: readonly State[] = STATES.filter((s) => s !== 'rejected')

/** XLIFF 2.0 a piece at a time: one `<unit>` per unit. */
export const XLIFF2_WRITER: ExportFormatWriter = {
  mediaType: 'application/xliff+xml; charset=utf-8',
  extension: 'xlf',
  start(data) {
    const { article, lang } = data
    const head = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<xliff xmlns="${XLIFF2_NS}" version="2.0"` +
        ` srcLang="${escapeAttr(article.lang)}" trgLang="${escapeAttr(lang)}">`,
      `  <file id="f1" original="${escapeAttr(article.id)}">`,
      '',
    ]
    return {
      head: head.join('\n'),
      unit({ unit, translation: t }) {
        // Rejected is XLIFF 2.0's `translated` with our subState (which wins over stale).
        const rejected = t.state === 'rejected'
        const state = t.state === 'initial' && t.text === '' ? '' : ` state="${rejected ? 'translated' : t.state}"`
        const sub = rejected ? ` subState="${REJECTED_SUBSTATE}"` : t.stale && state ? ` subState="${STALE_SUBSTATE}"` : ''
        const out = [
          `    <unit id="${escapeAttr(unit.id)}" xml:space="preserve">`,
          `      <notes>`,
          `        <note category="${NOTE_TAG}">${escapeText(unit.tag)}</note>`,
          `        <note category="${NOTE_POSITION}">${unit.position}</note>`,
          `        <note category="${NOTE_VERSION}">${t.version}</note>`,
          `      </notes>`,
        ]
        const text = (s: string) => inline(s, unit.id)
        const data = originalData(unit.codes, text)
        if (data) out.push(data)
        out.push(`      <segment${state}${sub}>`, `        <source>${writeInline(unit.source, unit.codes, 'xliff2', text)}</source>`)
        if (t.text !== '') out.push(`        <target>${writeInline(t.text, unit.codes, 'xliff2', text)}</target>`)
        out.push('      </segment>', '    </unit>', '')
        return out.join('\n')
      },
      end: () => '  </file>\n</xliff>\n',
    }
  },
}

/** Write an article's units and translations as an XLIFF 2.0 document. */
export function writeXliff2(data: ExportData): ExportedFile {
  return writeWhole(XLIFF2_WRITER, data)
}

// XLIFF 2.0 carries characters XML cannot as <cp hex="…"/>: U+FFFE and U+FFFF. The C0 controls it
// could carry too are refused: the text rule keeps them out of the store, and one stored before
// it is named (a file that carried it would be refused when it came back).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

function inline(s: string, unitId: string): string {
  refuseControl(s, unitId)
  return escapeText(s).replace(
    CONTROL,
    (c) => `<cp hex="${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}"/>`,
  )
}

/** Read an XLIFF 2.0 document (as Tolk wrote it, or as a CAT tool saved it). */
export function readXliff2(text: string, name: string, opts: ReadOptions = {}): TranslationFile {
  const root = parseXml(text, name)
  if (root.uri !== XLIFF2_NS || root.name !== 'xliff') {
    throw new InvalidInput(
      `${name} is not XLIFF 2.0 (root element <${root.name}> in "${root.uri}")`,
      'unknown-format',
    )
  }
  const lang = root.attrs.trgLang
  if (!lang)
    throw new InvalidInput(
      `${name}: <xliff> has no trgLang; which language is it?`,
      'malformed-xliff',
    )
  const { files, articleId } = xliffFiles(root, name, opts.anyFile)
  const units: FileUnit[] = []
  for (const file of files) collectUnits(file, units, name)
  const sourceLang = root.attrs.srcLang
  return { format: 'xliff2', articleId, lang, ...(sourceLang ? { sourceLang } : {}), units }
}

function collectUnits(parent: XmlElement, units: FileUnit[], name: string): void {
  for (const el of childElements(parent)) {
    if (el.name === 'group') collectUnits(el, units, name)
    if (el.name !== 'unit') continue
    const id = el.attrs.id
    if (!id) throw new InvalidInput(`${name}: line ${el.line}: <unit> has no id`, 'malformed-xliff')
    // A CAT tool may split a unit into segments and ignorables; its text is all of them in order.
    const parts = childElements(el).filter((p) => p.name === 'segment' || p.name === 'ignorable')
    // Every source before any target, so a target's codes are numbered as the source's.
    const numbers = new CodeNumbers()
    const shown = new Map<number, string>()
    const sources = parts.map((p) => {
      const src = firstChild(p, 'source')
      return src ? readInline(src, numbers, shown) : ''
    })
    numbers.rewind()
    let state: State | undefined
    let needsReview = false
    let rejected = false
    for (const part of parts) {
      if (part.name !== 'segment') continue
      state = lowestState(state, readState(part, name))
      if (part.attrs.subState === STALE_SUBSTATE) needsReview = true
      if (part.attrs.subState === REJECTED_SUBSTATE) needsReview = rejected = true
    }
    const joined = joinTargets(parts, sources, numbers, name)
    units.push({
      unitId: id,
      source: sources.join(''),
      text: joined?.text,
      // A unit not wholly translated is a draft, whatever its translated segments say.
      state: joined?.missing.length ? 'initial' : state,
      needsReview,
      ...(joined?.missing.length ? { missing: joined.missing } : {}),
      version: parseVersionNote(versionNoteOf(el)),
      ...(shown.size > 0 ? { codeInterpolations: [...shown] } : {}),
      ...(el.attrs.translate === 'no' ? { notForTranslation: true as const } : {}),
      ...(rejected ? { rejected: true as const } : {}),
      line: el.line,
    })
  }
}

function versionNoteOf(unit: XmlElement): XmlElement | undefined {
  const notes = firstChild(unit, 'notes')
  return notes
    ? childElements(notes, 'note').find((n) => n.attrs.category === NOTE_VERSION)
    : undefined
}

/**
 * A unit's target: each part's target at the place its `order` names (its own place without one).
 * An ignorable without a target is its source, as XLIFF 2.0 says; a segment without one is a
 * missing part, kept as its source in `[[…]]` (with its codes, so the draft still fits the source)
 * and named in `missing` by its id, else as `segment N`. Undefined when no segment has a target.
 */
function joinTargets(
  parts: XmlElement[],
  sources: string[],
  numbers: CodeNumbers,
  name: string,
): { text: string; missing: string[] } | undefined {
  const slots: (string | undefined)[] = parts.map(() => undefined)
  let translated = false
  for (const [i, part] of parts.entries()) {
    const trg = firstChild(part, 'target')
    if (!trg) continue
    const text = readInline(trg, numbers)
    // An empty target of a segment with text is no translation of it.
    if (part.name === 'segment' && text === '' && sources[i] !== '') continue
    const at = trg.attrs.order === undefined ? i : Number(trg.attrs.order) - 1
    if (!Number.isInteger(at) || at < 0 || at >= parts.length || slots[at] !== undefined) {
      throw new InvalidInput(
        `${name}: line ${trg.line}: <target order="${trg.attrs.order}"> names no free place among the unit's ${parts.length} segments and ignorables`,
        'malformed-xliff',
      )
    }
    slots[at] = text
    if (part.name === 'segment') translated = true
  }
  if (!translated) return undefined
  const missing: string[] = []
  let segment = 0
  const text = parts
    .map((part, i) => {
      if (part.name === 'segment') segment++
      const slot = slots[i]
      if (slot !== undefined) return slot
      if (part.name === 'ignorable' || sources[i] === '') return sources[i]
      missing.push(part.attrs.id ?? `segment ${segment}`)
      return `[[${sources[i]}]]`
    })
    .join('')
  return { text, missing }
}

function readState(segment: XmlElement, name: string): State {
  const s = segment.attrs.state ?? 'initial'
  if (!(XLIFF_STATES as readonly string[]).includes(s)) {
    throw new InvalidInput(
      `${name}: line ${segment.line}: unknown segment state "${s}"`,
      'malformed-xliff',
    )
  }
  return s as State
}

function lowestState(a: State | undefined, b: State | undefined): State | undefined {
  if (a === undefined || b === undefined) return a ?? b
  return XLIFF_STATES.indexOf(a) <= XLIFF_STATES.indexOf(b) ? a : b
}
