import { InvalidInput } from '../model/errors.js'
import { parseLanguage, printable } from '../model/tags.js'
import { PARTS_OF_SPEECH, TERM_STATUSES, type EntryInput, type Term } from './types.js'

/** Longest term, in characters. */
export const MAX_TERM_LENGTH = 300
/** Longest note, in characters. */
export const MAX_NOTE_LENGTH = 2000
/** Most terms in one entry. */
export const MAX_TERMS = 100

// Control characters other than none: a term or note is one line of plain text (a note may break lines).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/u

/**
 * Check an entry as a caller wrote it and give it in stored form: languages canonical, texts
 * trimmed, defaults filled in (status `admitted`, case ignored). Throws InvalidInput
 * (`invalid-term-entry`) naming the first thing wrong, and `which` entry (`entry 3` of a file).
 */
export function checkEntry(input: EntryInput, which = 'term entry'): { terms: Term[]; note?: string } {
  const bad = (why: string) => new InvalidInput(`invalid ${which}: ${why}`, 'invalid-term-entry')
  if (!Array.isArray(input.terms) || input.terms.length === 0) throw bad('an entry needs at least one term')
  if (input.terms.length > MAX_TERMS) throw bad(`an entry holds at most ${MAX_TERMS} terms`)
  const seen = new Set<string>()
  const terms = input.terms.map((t): Term => {
    const lang = parseLanguage(t.lang)
    const text = typeof t.text === 'string' ? t.text.trim().normalize('NFC') : ''
    if (text === '') throw bad(`a ${lang} term is empty`)
    if (text.length > MAX_TERM_LENGTH) throw bad(`the ${lang} term "${printable(text)}" is longer than ${MAX_TERM_LENGTH} characters`)
    if (CONTROL.test(text) || /[\n\r\t]/.test(text)) throw bad(`the ${lang} term "${printable(text)}" holds a control character`)
    const key = `${lang}\u0000${text}`
    if (seen.has(key)) throw bad(`the ${lang} term "${printable(text)}" is given twice`)
    seen.add(key)
    const status = t.status ?? 'admitted'
    if (!TERM_STATUSES.includes(status)) throw bad(`status "${printable(String(status))}": use ${TERM_STATUSES.join(', ')}`)
    if (t.pos !== undefined && !PARTS_OF_SPEECH.includes(t.pos)) {
      throw bad(`part of speech "${printable(String(t.pos))}": use ${PARTS_OF_SPEECH.join(', ')}`)
    }
    const term: Term = { lang, text, status, caseSensitive: t.caseSensitive === true }
    if (t.pos !== undefined) term.pos = t.pos
    const note = checkNote(t.note, bad)
    if (note !== undefined) term.note = note
    return term
  })
  const note = checkNote(input.note, bad)
  return note === undefined ? { terms } : { terms, note }
}

function checkNote(note: unknown, bad: (why: string) => Error): string | undefined {
  if (note === undefined || note === null) return undefined
  if (typeof note !== 'string') throw bad('a note is text')
  const trimmed = note.trim()
  if (trimmed === '') return undefined
  if (trimmed.length > MAX_NOTE_LENGTH) throw bad(`a note is at most ${MAX_NOTE_LENGTH} characters`)
  if (CONTROL.test(trimmed)) throw bad('a note holds a control character')
  return trimmed
}
