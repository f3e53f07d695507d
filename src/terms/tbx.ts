/**
 * TBX, the TermBase eXchange format. Reads TBX-Basic in its 2008 form (`<martif>`, TBX v2, with
 * `tig` or `ntig/termGrp`) and the 2019 form (`<tbx>`, v3, `conceptEntry/langSec/termSec`);
 * writes TBX-Basic 2008, which translate-toolkit's tbx2po reads. Pure: text in, entries out.
 *
 * Statuses: TBX-Basic's `administrativeStatus` picklist has preferred, admitted, notRecommended
 * and obsolete terms; ISO 12620's `deprecatedTerm` is a term rejected outright. So Tolk writes
 * deprecated as notRecommendedTerm and forbidden as deprecatedTerm, and reads each back.
 */
import { InvalidInput } from '../model/errors.js'
import { childElements, escapeAttr, escapeText, firstChild, parseXml, textContent, type XmlElement } from '../formats/xml.js'
import { PARTS_OF_SPEECH, type EntryInput, type PartOfSpeech, type TermEntry, type TermInput, type TermStatus } from './types.js'

const READ_STATUS: Readonly<Record<string, TermStatus>> = {
  'preferredTerm-admn-sts': 'preferred',
  'standardizedTerm-admn-sts': 'preferred',
  'regulatedTerm-admn-sts': 'preferred',
  'legalTerm-admn-sts': 'preferred',
  'admittedTerm-admn-sts': 'admitted',
  'notRecommendedTerm-admn-sts': 'deprecated',
  'obsoleteTerm-admn-sts': 'deprecated',
  'supersededTerm-admn-sts': 'deprecated',
  'deprecatedTerm-admn-sts': 'forbidden',
}
const WRITE_STATUS: Readonly<Record<TermStatus, string>> = {
  preferred: 'preferredTerm-admn-sts',
  admitted: 'admittedTerm-admn-sts',
  deprecated: 'notRecommendedTerm-admn-sts',
  forbidden: 'deprecatedTerm-admn-sts',
}
// Tolk's own data category for case sensitivity (TBX allows private types starting with x-).
const CASE_NOTE = 'x-caseSensitive'

/** Read a TBX file's entries; languages are as written (`xx` too): the caller maps and checks them. */
export function readTbx(text: string, name: string): EntryInput[] {
  const root = parseXml(text, name, undefined, { namedDtd: true })
  const bad = (why: string) => new InvalidInput(`${name}: ${why}`, 'not-tbx')
  if (root.name !== 'martif' && root.name !== 'tbx') throw bad(`the root element is <${root.name}>, not <martif> (TBX 2008) or <tbx> (TBX 2019)`)
  const body = firstChild(firstChild(root, 'text') ?? root, 'body')
  if (!body) throw bad('no <text><body>: not a TBX file')
  const v3 = root.name === 'tbx'
  return childElements(body, v3 ? 'conceptEntry' : 'termEntry').map((concept) => {
    const entry: EntryInput = { terms: [] }
    const note = conceptNote(concept)
    if (note) entry.note = note
    for (const langSet of childElements(concept, v3 ? 'langSec' : 'langSet')) {
      const lang = langSet.attrs['xml:lang']
      if (!lang) throw bad(`line ${langSet.line}: a ${langSet.name} without xml:lang`)
      for (const group of termGroups(langSet, v3)) entry.terms.push(readTerm(group, lang, name))
    }
    return entry
  })
}

function termGroups(langSet: XmlElement, v3: boolean): XmlElement[] {
  if (v3) return childElements(langSet, 'termSec')
  const groups: XmlElement[] = []
  for (const c of childElements(langSet)) {
    if (c.name === 'tig') groups.push(c)
    else if (c.name === 'ntig') groups.push(firstChild(c, 'termGrp') ?? c)
  }
  return groups
}

function conceptNote(concept: XmlElement): string | undefined {
  const parts: string[] = []
  for (const c of childElements(concept)) {
    if (c.name === 'note' || (c.name === 'descrip' && c.attrs.type === 'definition')) parts.push(textContent(c).trim())
    if (c.name === 'descripGrp') {
      const d = firstChild(c, 'descrip')
      if (d?.attrs.type === 'definition') parts.push(textContent(d).trim())
    }
  }
  const note = parts.filter(Boolean).join('\n')
  return note === '' ? undefined : note
}

function readTerm(group: XmlElement, lang: string, name: string): TermInput {
  const termEl = firstChild(group, 'term')
  if (!termEl) throw new InvalidInput(`${name}: line ${group.line}: a <${group.name}> without <term>`, 'not-tbx')
  const term: TermInput = { lang, text: textContent(termEl) }
  const notes: string[] = []
  for (const c of childElements(group)) {
    const value = textContent(c).trim()
    if (c.name === 'termNote' && c.attrs.type === 'administrativeStatus') {
      const status = READ_STATUS[value]
      if (status) term.status = status
    } else if (c.name === 'termNote' && c.attrs.type === 'partOfSpeech') {
      term.pos = PARTS_OF_SPEECH.includes(value as PartOfSpeech) ? (value as PartOfSpeech) : 'other'
    } else if (c.name === 'termNote' && c.attrs.type === CASE_NOTE) {
      term.caseSensitive = value === 'true'
    } else if (c.name === 'note' && value !== '') notes.push(value)
  }
  if (notes.length > 0) term.note = notes.join('\n')
  return term
}

/** Write entries as TBX-Basic 2008 (`<martif type="TBX-Basic">`), `sourceLang` on the root. */
export function writeTbx(entries: readonly TermEntry[], sourceLang: string): string {
  let out = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">
<martif type="TBX-Basic" xml:lang="${escapeAttr(sourceLang)}">
  <martifHeader>
    <fileDesc><sourceDesc><p>Tolk</p></sourceDesc></fileDesc>
    <encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc>
  </martifHeader>
  <text>
    <body>
`
  for (const e of entries) {
    out += `      <termEntry id="c${e.id}">\n`
    if (e.note !== undefined) out += `        <descrip type="definition">${escapeText(e.note)}</descrip>\n`
    const langs = [...new Set(e.terms.map((t) => t.lang))]
    for (const lang of langs) {
      out += `        <langSet xml:lang="${escapeAttr(lang)}">\n`
      for (const t of e.terms.filter((x) => x.lang === lang)) {
        out += `          <tig>\n            <term>${escapeText(t.text)}</term>\n`
        if (t.pos) out += `            <termNote type="partOfSpeech">${t.pos}</termNote>\n`
        out += `            <termNote type="administrativeStatus">${WRITE_STATUS[t.status]}</termNote>\n`
        if (t.caseSensitive) out += `            <termNote type="${CASE_NOTE}">true</termNote>\n`
        if (t.note !== undefined) out += `            <note>${escapeText(t.note)}</note>\n`
        out += '          </tig>\n'
      }
      out += '        </langSet>\n'
    }
    out += '      </termEntry>\n'
  }
  return `${out}    </body>\n  </text>\n</martif>\n`
}
