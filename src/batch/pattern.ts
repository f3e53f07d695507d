/** Find and replace's pattern: plain text or a JavaScript regex, compiled and checked up front. */
import { InvalidInput } from '../model/errors.js'
import type { ReplaceOptions } from './types.js'

/** The longest `find` and `replace` taken. */
export const MAX_PATTERN = 1000

/** A pattern as the worker thread takes it: `new RegExp(source, flags)`, and the replacement. */
export interface Pattern {
  source: string
  flags: string
  /** In `String.prototype.replace`'s language: `$1`, `$<name>` and `$&` for a regex, `$` escaped for plain text. */
  replacement: string
  /** A user's regex, which may backtrack without end: run it in the worker thread, bounded in time. */
  untrusted: boolean
}

// Letters, digits and `_` make a word; a match whose neighbours are neither is a whole word.
const WORD_BEFORE = '(?<![\\p{L}\\p{N}_])'
const WORD_AFTER = '(?![\\p{L}\\p{N}_])'

/**
 * Build the pattern of a find and replace. Regexes are read with the `u` flag (Unicode: `\p{L}`
 * works, and a lone `{` is an error), globally, ignoring case unless asked. Throws InvalidInput
 * (`invalid-regex`) naming the syntax error, or for an empty or oversized `find`.
 */
export function compilePattern(o: ReplaceOptions): Pattern {
  if (o.find === '') throw new InvalidInput('find is empty: give the text or regex to look for', 'invalid-regex')
  if (o.find.length > MAX_PATTERN || o.replace.length > MAX_PATTERN) {
    throw new InvalidInput(`find and replace take at most ${MAX_PATTERN} characters each`, 'invalid-regex')
  }
  const body = o.regex ? o.find : escapeRegex(o.find)
  const source = o.wholeWords ? `${WORD_BEFORE}(?:${body})${WORD_AFTER}` : body
  const flags = `gu${o.caseSensitive ? '' : 'i'}`
  try {
    new RegExp(source, flags)
  } catch (err) {
    // V8's message names the problem: "Invalid regular expression: /(/gu: Unterminated group".
    throw new InvalidInput(`find is not a valid regular expression: ${(err as Error).message}`, 'invalid-regex')
  }
  return { source, flags, replacement: o.regex ? o.replace : o.replace.replaceAll('$', '$$$$'), untrusted: o.regex === true }
}

/** `text` as a regex that matches exactly it. */
export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')
}
