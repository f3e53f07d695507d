/**
 * The notes Tolk writes into XLIFF so that a re-import can tell whether a unit moved on since the
 * export. Standard fields only: XLIFF 1.2's strict schema allows no attributes of our own.
 */
import { textContent, type XmlElement } from './xml.js'

/** XLIFF 2.0 note category (and XLIFF 1.2 note `from`) for the unit's collection tag. */
export const NOTE_TAG = 'tolk-tag'
/** … for the unit's 1-based position in the article. */
export const NOTE_POSITION = 'tolk-position'
/** … for the version the translation had when it was exported. */
export const NOTE_VERSION = 'tolk-version'

/** The version a note carries; undefined when the note is missing or was edited into nonsense. */
export function parseVersionNote(note: XmlElement | undefined): number | undefined {
  return note ? parseVersion(textContent(note)) : undefined
}

/** A version written as a whole number (surrounding space allowed), else undefined. */
export function parseVersion(s: string): number | undefined {
  const t = s.trim()
  return /^\d{1,9}$/.test(t) ? Number(t) : undefined
}

/** XLIFF 1.2 and PO: the version travels as the text `tolk-version: N`. */
export const VERSION_LINE = /^\s*tolk-version:\s*(\d{1,9})\s*$/
