/**
 * Splitting a segment into the tokens the memory compares: words, numbers (and dates, times,
 * amounts), inline tags and placeholders, and punctuation. Numbers and tags compare by kind, not
 * by value, so that "5 cats" and "7 cats" differ only in a value the memory can substitute.
 */
import { normalizeForCompare } from '../model/text.js'

/** What a token is; numbers and tags are "values" that auto-fixing may substitute. */
export type TokenKind = 'word' | 'char' | 'number' | 'tag' | 'punct' | 'code'

/** One token of a segment: its kind, its text as written, and the key it compares by. */
export interface Token {
  kind: TokenKind
  text: string
  /**
   * Lower-cased word (or character, in scripts written without spaces), the punctuation itself,
   * or `\u0000N` / `\u0000T` for any number or tag; a code of tagged text (`⟦1⟧`, `⟦/1⟧`, `⟦2/⟧`)
   * is keyed by itself but is neither a word nor punctuation: the memory scores words alone.
   */
  key: string
}

// Order matters: the codes of tagged text first (`⟦1⟧`, `⟦/1⟧`, `⟦2/⟧`; `⟦⟦` is a literal `⟦`,
// punctuation), then tags and placeholders ({{name}}, {0}, %s, <b>, </b>, <x id="1"/>), then
// numbers with inner separators (1,000.50  2024-05-01  12:30  3/4), then words, then any other
// visible character as punctuation.
const TOKEN =
  /(⟦\/?[1-9][0-9]{0,5}\/?⟧)|(\{\{[^{}]{0,100}\}\}|\{[^{}\s]{0,100}\}|%(?:\d+\$)?[sdif@]|<\/?[A-Za-z][^<>]{0,200}>|\$\{[^{}]{0,100}\})|(\p{N}+(?:[.,:/\-]\p{N}+)*)|([\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*)|(⟦⟦|\S)/gu

const NUMBER_KEY = '\u0000N'
const TAG_KEY = '\u0000T'

/** The tokens of `text`, after NFC and white-space folding. */
export function tokenize(text: string): Token[] {
  return tokenizeNormalized(normalizeForCompare(text))
}

/** The tokens of a text already through `normalizeForCompare`. */
export function tokenizeNormalized(s: string): Token[] {
  const out: Token[] = []
  TOKEN.lastIndex = 0
  for (let m = TOKEN.exec(s); m !== null; m = TOKEN.exec(s)) {
    if (m[1] !== undefined) out.push({ kind: 'code', text: m[1], key: m[1] })
    else if (m[2] !== undefined) out.push({ kind: 'tag', text: m[2], key: TAG_KEY })
    else if (m[3] !== undefined) out.push({ kind: 'number', text: m[3], key: NUMBER_KEY })
    else if (m[4] !== undefined) pushWord(out, m[4])
    else out.push({ kind: 'punct', text: m[5]!, key: m[5]! })
  }
  return out
}

// Scripts written without spaces between words: each character (with its combining marks) is a
// token of its own, so their sentences compare character by character, as CAT tools do for them.
const UNSPACED_SCRIPT =
  /\p{sc=Han}|\p{sc=Hiragana}|\p{sc=Katakana}|\p{sc=Thai}|\p{sc=Lao}|\p{sc=Khmer}|\p{sc=Myanmar}|\p{sc=Tibetan}/u
const UNSPACED_PIECE =
  /(?:\p{sc=Han}|\p{sc=Hiragana}|\p{sc=Katakana}|\p{sc=Thai}|\p{sc=Lao}|\p{sc=Khmer}|\p{sc=Myanmar}|\p{sc=Tibetan}|ー)\p{M}*|(?:(?!\p{sc=Han}|\p{sc=Hiragana}|\p{sc=Katakana}|\p{sc=Thai}|\p{sc=Lao}|\p{sc=Khmer}|\p{sc=Myanmar}|\p{sc=Tibetan}|ー)[\s\S])+/gu

/** A word token, or one `char` token per character when it is written in an unspaced script. */
function pushWord(out: Token[], word: string): void {
  if (!UNSPACED_SCRIPT.test(word)) {
    out.push({ kind: 'word', text: word, key: word.toLowerCase() })
    return
  }
  for (const [piece] of word.matchAll(UNSPACED_PIECE)) {
    const kind = UNSPACED_SCRIPT.test(piece) ? 'char' : 'word'
    out.push({ kind, text: piece, key: piece.toLowerCase() })
  }
}

/** Whether a token carries a value (number, date, tag) rather than a word. */
export function isValue(t: Token): boolean {
  return t.kind === 'number' || t.kind === 'tag'
}

/** The distinct lower-cased words of a token list: what the word index is asked about. */
export function indexWords(tokens: readonly Token[]): string[] {
  const seen = new Set<string>()
  for (const t of tokens) if (t.kind === 'word') seen.add(t.key)
  return [...seen]
}

/**
 * `text` with every number or tag token whose text is a key of `map` replaced by its value; the
 * rest of the text, white space included, stays as it was. Also returns which keys were seen.
 */
export function replaceValues(
  text: string,
  map: ReadonlyMap<string, string>,
): { text: string; seen: Set<string> } {
  const seen = new Set<string>()
  let out = ''
  let last = 0
  TOKEN.lastIndex = 0
  const s = text.normalize('NFC')
  for (let m = TOKEN.exec(s); m !== null; m = TOKEN.exec(s)) {
    // A code's number (`⟦1⟧`) is not a value: m[1] is skipped.
    const value = m[2] ?? m[3]
    if (value === undefined) continue
    const to = map.get(value)
    if (to === undefined) continue
    seen.add(value)
    out += s.slice(last, m.index) + to
    last = m.index + value.length
  }
  return { text: out + s.slice(last), seen }
}
