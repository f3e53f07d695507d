/** The text a sentence is compared and hashed by, computed fast for the common case. */
import { normalizeForCompare } from '../model/text.js'

/**
 * normalizeForCompare, but returning the text untouched without calling `normalize` or a regex
 * when it is already normal: every code unit below U+0300 (none of those composes under NFC, with
 * or without a neighbour: checked exhaustively for all pairs), no white space but single spaces
 * between other characters. That covers most Latin-script prose and makes re-import checks of
 * large articles several times faster; anything else takes the full path.
 */
export function compareKey(text: string): string {
  const n = text.length
  if (n === 0) return text
  let prevSpace = true // so a leading space fails the check
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0x300 || (c >= 9 && c <= 13) || c === 0xa0) return normalizeForCompare(text)
    const space = c === 32
    if (space && prevSpace) return normalizeForCompare(text)
    prevSpace = space
  }
  return prevSpace ? normalizeForCompare(text) : text
}
