/**
 * The lookups a boundary decision makes: the token before a full stop and the word after it.
 * Each reads a bounded number of characters, so the splitter stays linear on any input.
 */
import { isDigit, isLetter, isOpener, isSpace } from './chars.js'
import type { LanguageRules } from './rules/index.js'

/** How far back a token is read; longer tokens are URLs or junk and are decided as plain words. */
const TOKEN_MAX = 64
/** How far a following word is read for the starter lookup. */
const WORD_MAX = 24

/** What the token before a full stop is, for deciding whether the stop ends the sentence. */
export type TokenClass =
  /** Never ends a sentence (Mr., e.g., t.ex.). */
  | 'prefix'
  /** Ends no sentence before a digit (p. 55, kl. 14.30, No. 5). */
  | 'number-prefix'
  /** Ends a sentence only before a sentence starter (U.S., initials, months). */
  | 'abbreviation'
  /** Usually last in its sentence (etc., osv., Inc.): ends it before a capitalised word. */
  | 'final'
  /** Ends with a digit (2019., $100.00.). */
  | 'number'
  /** An ordinary word, a URL or an e-mail address. */
  | 'word'

// Letters in groups of one or two, separated by full stops: U.S, a.m, Ph.D, t.ex, bl.a, m.fl.
const MULTI_PERIOD = /^\p{L}{1,2}(?:\.\p{L}{1,2})+$/u

/** The token before a full stop, as `classifyBefore` last read it. */
export interface TokenBefore {
  /** Where the token starts, after any opening quotes or brackets. */
  start: number
  /** Whether it holds `@` or `/`: an e-mail address, a URL, a path. */
  url: boolean
}

/**
 * Read back from `end` (exclusive, the full stop) to the white space before the token, no
 * further than `min`, into `out`, and classify the token. Most tokens are decided without
 * building a string: a token longer than any abbreviation, with no full stop inside, is a word.
 */
export function classifyBefore(
  text: string,
  min: number,
  end: number,
  table: TokenTable,
  out: TokenBefore,
): TokenClass {
  const limit = Math.max(min, end - TOKEN_MAX)
  let s = end
  let dot = false
  let url = false
  while (s > limit) {
    const c = text.charCodeAt(s - 1)
    if (c === 46) dot = true
    else if (c === 64 || c === 47) url = true
    else if (isSpace(c)) break
    s--
  }
  while (s < end && isOpener(text.charCodeAt(s))) s++
  out.start = s
  out.url = url
  if (s === end || url) return 'word'
  if (isDigit(text.charCodeAt(end - 1))) return 'number'
  if (!dot) {
    const length = end - s
    if (length > table.maxLength) return 'word'
    // Most tokens before a stop are words no abbreviation starts and is as long as: decided by
    // their first character and length alone, with no string made and looked up.
    const first = text.charCodeAt(s)
    if (length > 1 && first < 128 && (table.shapes[first]! & (1 << Math.min(length, 31))) === 0) return 'word'
    return classifyToken(text.slice(s, end), table)
  }
  return text.startsWith('www.', s) ? 'word' : classifyToken(text.slice(s, end), table)
}

/** Classify the token `tok` that a full stop follows (not a URL, not ending in a digit). */
function classifyToken(tok: string, table: TokenTable): TokenClass {
  const known = table.get(tok)
  if (known) return known
  if (tok.length === 1 || (tok.length === 2 && tok.charCodeAt(0) >= 0xd800)) {
    return isLetter(tok.codePointAt(0) ?? 0) ? 'abbreviation' : 'word'
  }
  const dot = tok.lastIndexOf('.')
  if (dot < 0) return 'word'
  if (MULTI_PERIOD.test(tok)) return 'abbreviation'
  // `Tuesday.Mr` (no space after a full stop): the part after the last stop is the abbreviation.
  return dot < tok.length - 1 ? (table.get(tok.slice(dot + 1)) ?? 'word') : 'word'
}

type Known = Exclude<TokenClass, 'number' | 'word'>

/**
 * A language's abbreviations by class, the length of the longest, and for each ASCII first
 * character a bit mask of the lengths (1 << length, under 32) of the abbreviations it starts.
 */
export type TokenTable = Map<string, Known> & { maxLength: number; shapes: Uint32Array }

const tables = new WeakMap<LanguageRules, TokenTable>()

/**
 * One map from token to class per language, so a decision costs one lookup. Prefixes written in
 * lower case also match with a sentence-initial capital (`T.ex`, `Dvs`, `Kl`), except single
 * letters, whose capitals are initials. Abbreviations that can end a sentence do not: `Jan` is
 * a name, `jan` a month.
 */
export function tableFor(rules: LanguageRules): TokenTable {
  let table = tables.get(rules)
  if (table) return table
  table = Object.assign(new Map<string, Known>(), { maxLength: 0, shapes: new Uint32Array(128) })
  const groups: [ReadonlySet<string>, Known][] = [
    [rules.abbreviations, 'abbreviation'],
    [rules.finals, 'final'],
    [rules.numberPrefixes, 'number-prefix'],
    [rules.prefixes, 'prefix'],
  ]
  for (const [set, cls] of groups) for (const w of set) table.set(w, cls)
  for (const [set, cls] of groups.slice(1)) {
    for (const w of set) {
      const capital = w.charAt(0).toUpperCase() + w.slice(1)
      if (w.length > 1 && !table.has(capital)) table.set(capital, cls)
    }
  }
  for (const w of table.keys()) table.maxLength = Math.max(table.maxLength, w.length)
  // Lengths of 31 and more share the top bit: such tokens are always looked up.
  for (const w of table.keys()) {
    const first = w.charCodeAt(0)
    if (first < 128) table.shapes[first]! |= 1 << Math.min(w.length, 31)
  }
  if (table.maxLength >= 31) for (let c = 0; c < 128; c++) table.shapes[c]! |= 1 << 31
  tables.set(rules, table)
  return table
}

/**
 * Whether a day number stands right before the token at `start` (`31 jan`, `3 Oct`): one or two
 * digits after a space, a dash or the text's start (`min`), then white space.
 */
export function dayNumberBefore(text: string, min: number, start: number): boolean {
  let k = start
  while (k > min && isSpace(text.charCodeAt(k - 1))) k--
  if (k === start) return false
  let digits = 0
  while (k > min && digits < 3 && isDigit(text.charCodeAt(k - 1))) {
    k--
    digits++
  }
  if (digits === 0 || digits > 2) return false
  if (k === min) return true
  const c = text.charCodeAt(k - 1)
  return isSpace(c) || c === 0x2013 || c === 45 || isOpener(c)
}

/** Whether the token running on from `start` (to the next space) is part of a URL or address. */
export function continuesUrl(text: string, start: number, end: number): boolean {
  const limit = Math.min(end, start + TOKEN_MAX)
  for (let k = start; k < limit; k++) {
    const c = text.charCodeAt(k)
    if (isSpace(c)) return false
    if (c === 64 || c === 47) return true // @ or /
  }
  return false
}

/** The word of letters that starts at `start` (empty when it does not start with a letter). */
export function wordAt(text: string, start: number, end: number): string {
  let k = start
  const limit = Math.min(end, start + WORD_MAX)
  while (k < limit) {
    const cp = text.codePointAt(k) ?? 0
    if (!isLetter(cp)) break
    k += cp > 0xffff ? 2 : 1
  }
  return text.slice(start, k)
}

/**
 * Whether the word at `start` opens a sentence per the language's list of starters. A single
 * letter with a full stop (`A.`, `I.`) is an initial, not the article or the pronoun.
 */
export function isStarterAt(text: string, start: number, end: number, rules: LanguageRules): boolean {
  const w = wordAt(text, start, end)
  if (w.length === 1 && start + 1 < end && text.charCodeAt(start + 1) === 46) return false
  return w.length > 0 && rules.starters.has(w)
}
