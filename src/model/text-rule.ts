/**
 * The one text rule every stored text follows, whichever path wrote it (API, editor form,
 * saveMissing, file imports, CLI): well-formed Unicode (no lone surrogate half, which UTF-8 cannot
 * carry and SQLite would store as U+FFFD), no C0 control character other than tab, line feed and
 * carriage return (XML 1.0 cannot carry them, and they have no place in prose), and a length
 * limit in UTF-16 code units. The SQLite store checks it inside its write functions, so no new
 * path can skip it; readers check it first to name the file and line.
 */
import { InvalidInput } from './errors.js'

/** Longest texts, in UTF-16 code units, by what they are. */
export const TEXT_LIMITS = {
  /** A translation, a resource-set string, a memory entry's source or target. */
  translation: 100_000,
  /** The fallback value of an i18next saveMissing post. */
  missingValue: 10_000,
  /** An article's title. */
  title: 500,
  /** An article's whole source text. */
  article: 64 << 20,
} as const

// C0 controls other than tab, line feed and carriage return, and DEL.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
// A surrogate half without its partner (lib ES2023 lacks String.prototype.isWellFormed).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** What is wrong with `s` under the rule (with where in `s`, when it is a character), else undefined. */
export function textProblem(s: string, max: number): string | undefined {
  if (s.length > max) return `is ${s.length} characters long; at most ${max} are accepted`
  const control = CONTROL.exec(s)
  if (control) return `holds a control character ${codePoint(control[0])} (only tab and line breaks are accepted), at ${position(s, control.index)}`
  const half = LONE_SURROGATE.exec(s)
  if (half) return `holds an unpaired surrogate ${codePoint(half[0])} (send well-formed Unicode text), at ${position(s, half.index)}`
  return undefined
}

function codePoint(c: string): string {
  return `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
}

/** `line L, column C` (1-based, in characters) of index `i` of `s`. */
function position(s: string, i: number): string {
  let line = 1
  let start = 0
  for (let k = s.indexOf('\n'); k !== -1 && k < i; k = s.indexOf('\n', k + 1)) {
    line++
    start = k + 1
  }
  return `line ${line}, column ${i - start + 1}`
}

/** The error for a text that breaks the rule: 400 / exit 2, naming where the text came from. */
export class TextRuleError extends InvalidInput {
  constructor(where: string, problem: string) {
    super(`${where} ${problem}`, 'invalid-text')
  }
}

/**
 * Refuse `s` unless it follows the rule; `where` names it ("the translation of u1 in sv",
 * "po/sv.po: line 12: the target"). Returns `s` for chaining.
 */
export function checkText(s: unknown, max: number, where: string): string {
  if (typeof s !== 'string') throw new InvalidInput(`${where} is not text`, 'invalid-text')
  const problem = textProblem(s, max)
  if (problem !== undefined) throw new TextRuleError(where, problem)
  return s
}
