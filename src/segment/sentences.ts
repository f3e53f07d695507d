/**
 * The rule-based sentence splitter: one linear pass over a block that stops only at candidate
 * boundaries (`.`, `?`, `!`, `…`, bullets, inline list markers) and decides each with a few
 * bounded lookups of the token before and the word after. No regex over the text, no
 * backtracking, no string building beyond the short token being looked up.
 */
import {
  isBullet,
  isCloser,
  isDash,
  isDigit,
  isLetter,
  isLower,
  isMark,
  isOpener,
  isSpace,
  isUpper,
} from './chars.js'
import { Candidates } from './candidates.js'
import type { LanguageRules } from './rules/index.js'
import { listMarkerEnd } from './list-markers.js'
import {
  classifyBefore,
  continuesUrl,
  dayNumberBefore,
  isStarterAt,
  type TokenBefore,
  type TokenTable,
  tableFor,
} from './tokens.js'

/** Receives one piece of a block, `[start, end)`, which may still carry white space at its ends. */
export type Emit = (start: number, end: number) => void

/**
 * Splits the blocks of one text into sentences, block after block in order, calling `emit` for
 * each sentence. One splitter serves the whole text, so nothing is allocated per block.
 */
export class SentenceSplitter {
  private start = 0
  private end = 0
  /** Start of the piece being built. */
  private piece = 0
  /** The marker an inline list item would carry next (`2`, `b`), or '' outside a list. */
  private listNext = ''
  /** The token before the full stop being decided (reused: no allocation per decision). */
  private readonly token: TokenBefore = { start: 0, url: false }
  /** The text's candidate cursor, shared by its blocks. */
  private readonly candidates: Candidates
  private readonly table: TokenTable

  constructor(
    private readonly text: string,
    private readonly rules: LanguageRules,
    private readonly emit: Emit,
  ) {
    this.candidates = new Candidates(text)
    this.table = tableFor(rules)
  }

  /** Split the block `text[start, end)`; blocks must come in order. */
  split(start: number, end: number): void {
    this.start = start
    this.end = end
    this.piece = start
    this.listNext = ''
    let i = this.startUnit(start)
    while (i < this.end) {
      // Inside an open list every space may precede the next marker: walk char by char.
      if (this.listNext !== '') {
        i = this.step(i)
        continue
      }
      const k = this.candidates.next(i)
      if (k >= this.end) break
      i = this.decide(k)
    }
    this.cut(this.end)
  }

  /** One character of the slow walk inside a list. */
  private step(i: number): number {
    const c = this.text.charCodeAt(i)
    if (isSpace(c) && this.maybeList(i)) return this.startUnit(i + 1)
    if (c === 46 || c === 33 || c === 63 || c === 58 || c === 0x2026 || c >= 0x2022) {
      return this.decide(i)
    }
    return i + 1
  }

  /** Decide the candidate character at `i`; returns where scanning resumes. */
  private decide(i: number): number {
    const c = this.text.charCodeAt(i)
    if (c === 46 || c === 33 || c === 63 || c === 0x2026 || isMark(c)) return this.endMark(i)
    if (c === 58) {
      return isSpace(this.at(i + 1)) && this.maybeList(i + 1) ? this.startUnit(i + 2) : i + 1
    }
    if (isBullet(c) && i > this.piece && isSpace(this.text.charCodeAt(i - 1))) {
      this.cut(i)
      return this.startUnit(i)
    }
    return i + 1
  }

  /** Character code at `k` inside the block, or -1 outside it. */
  private at(k: number): number {
    return k >= this.start && k < this.end ? this.text.charCodeAt(k) : -1
  }

  private cut(p: number): void {
    if (p > this.piece) this.emit(this.piece, p)
    this.piece = p
  }

  /** Skip white space and a list marker (`1.`, `2)`, `a.`, `• 9.`) at the start of a unit. */
  private startUnit(p: number): number {
    let q = p
    while (q < this.end && isSpace(this.text.charCodeAt(q))) q++
    if (isBullet(this.at(q))) {
      q++
      while (q < this.end && isSpace(this.text.charCodeAt(q))) q++
    }
    const m = listMarkerEnd(this.text, q, this.end)
    if (m === undefined) return q
    this.listNext = m.next
    return m.end
  }

  /**
   * At white space `i`: does the next inline list item start after it? The next marker of a
   * list already open (`2.` after `1.`), or a first marker right after a colon.
   */
  private maybeList(i: number): boolean {
    const afterColon = this.at(i - 1) === 58
    if (this.listNext === '' && !afterColon) return false
    const m = listMarkerEnd(this.text, i + 1, this.end)
    if (m === undefined) return false
    const label = this.text.slice(i + 1, m.labelEnd)
    if (label !== this.listNext && !(afterColon && (label === '1' || label === 'a'))) return false
    this.cut(i + 1)
    return true
  }

  /** Decide the run of end marks starting at `i`; returns where scanning resumes. */
  private endMark(i: number): number {
    const text = this.text
    // The common case first: one full stop and one space, then a letter of ASCII.
    if (text.charCodeAt(i) === 46 && this.at(i + 1) === 32) {
      const d = this.at(i + 2)
      if (d >= 97 && d <= 122) return i + 1
      if (d >= 65 && d <= 90) return this.stopEnds(i, i + 2, d) ? this.cutAt(i + 1, i + 1) : i + 1
    }
    let j = i
    let dots = 0
    let marks = 0
    let ellipsis = false
    for (;;) {
      const c = this.at(j)
      if (c === 46) dots++
      else if (c === 0x2026) ellipsis = true
      else if (isMark(c)) marks++
      else if (!(c === 32 && this.spacedDotFollows(j, dots))) break
      j++
    }
    const runEnd = j
    while (isCloser(this.at(j))) j++
    if (dots >= 2) ellipsis = true
    const before = this.at(i - 1)
    // `[...]` and `(...)` mark an omission, never the end of a sentence.
    if (ellipsis && (before === 91 || before === 40)) return j
    if (j >= this.end) return j
    if (!isSpace(text.charCodeAt(j))) {
      if (!ellipsis && marks === 0 && j === runEnd && this.gluedStop(i)) return this.cutAt(j, j)
      return j
    }
    let n = j + 1
    while (n < this.end && isSpace(text.charCodeAt(n))) n++
    if (n >= this.end) return j
    const cp = text.codePointAt(n) ?? 0
    if (ellipsis) {
      if (!this.opensAfterEllipsis(n, cp)) return j
      // `compounds. . . . The`: the first stop ends the sentence, the ellipsis opens the next.
      const attached = dots > 1 && text.charCodeAt(i + 1) === 32 && before !== -1 && !isSpace(before)
      return this.cutAt(attached ? i + 1 : j, j)
    }
    if (dots === 0 || marks > 0) return opensSentence(cp) ? this.cutAt(j, j) : j
    return this.stopEnds(i, n, cp) ? this.cutAt(j, j) : j
  }

  /** A space inside a spaced ellipsis (`. . .`): a stop after it, and three stops in all. */
  private spacedDotFollows(j: number, dots: number): boolean {
    if (this.at(j - 1) !== 46 || this.at(j + 1) !== 46) return false
    return dots >= 2 || (this.at(j + 2) === 32 && this.at(j + 3) === 46)
  }

  private cutAt(p: number, resume: number): number {
    this.cut(p)
    return Math.max(this.startUnit(p), resume)
  }

  /** Whether a single full stop at `i`, followed by the character `cp` at `n`, ends a sentence. */
  private stopEnds(i: number, n: number, cp: number): boolean {
    const tok = this.token
    switch (classifyBefore(this.text, this.start, i, this.table, tok)) {
      case 'prefix':
        return false
      case 'number-prefix':
        return !isDigit(cp) && opensSentence(cp)
      case 'final':
        return opensWithCapital(cp)
      case 'abbreviation':
        // `den 31 jan.`: after a day number the date is whole, so a capital opens a sentence.
        if (this.rules.months.size > 0 && isUpper(cp) && dayNumberBefore(this.text, this.start, tok.start)) {
          if (this.rules.months.has(this.text.slice(tok.start, i))) return true
        }
        return isStarterAt(this.text, n, this.end, this.rules) || isQuoteOrDash(cp)
      case 'number': {
        // German `am 12. Juni`: an ordinal before a capitalised noun.
        const ordinal = i - tok.start <= 2 && isDigit(this.text.charCodeAt(tok.start))
        if (this.rules.ordinalDates && ordinal && isUpper(cp)) {
          return isStarterAt(this.text, n, this.end, this.rules)
        }
        return opensSentence(cp)
      }
      case 'word':
        return opensSentence(cp)
    }
  }

  /** `world.Today`, `1,000.That`: a stop glued to a capitalised word after a real word. */
  private gluedStop(i: number): boolean {
    const text = this.text
    const cp = text.codePointAt(i + 1) ?? 0
    if (!isUpper(cp)) return false
    const k = i + (cp > 0xffff ? 3 : 2)
    const after = this.at(k)
    if (!(after === 32 || (after !== -1 && isLower(text.codePointAt(k) ?? 0)))) return false
    const tok = this.token
    const cls = classifyBefore(text, this.start, i, this.table, tok)
    if (i - tok.start < 2 || tok.url || continuesUrl(text, i + 1, this.end)) return false
    if (text.startsWith('www.', tok.start)) return false
    return cls === 'word' || cls === 'number'
  }

  /** After an ellipsis a capital usually opens a sentence; the pronoun I is the exception. */
  private opensAfterEllipsis(n: number, cp: number): boolean {
    if (cp === 73 && this.rules.pronounI) return isLetter(this.at(n + 1))
    if (isUpper(cp) || isOpener(cp) || isDash(cp)) return true
    return isLetter(cp) && !isLower(cp)
  }
}

/** What may start a sentence: anything but a lower-case letter or punctuation that continues. */
function opensSentence(cp: number): boolean {
  if (isLower(cp)) return false
  return !(cp === 44 || cp === 59 || cp === 58 || cp === 41 || cp === 93 || cp === 125)
}

/**
 * What opens a sentence after an abbreviation that usually ends one: a capital letter, a quote or
 * a dash. Not a digit: `Inc. 2019` and `m.m. 2 000` are more often one phrase than two sentences.
 */
function opensWithCapital(cp: number): boolean {
  return (isLetter(cp) && !isLower(cp)) || isQuoteOrDash(cp)
}

function isQuoteOrDash(cp: number): boolean {
  return isDash(cp) || (isOpener(cp) && cp !== 40 && cp !== 91 && cp !== 123)
}
