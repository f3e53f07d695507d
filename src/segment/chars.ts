/**
 * Character classes the segmenter decides with. Everything works on UTF-16 code units (or code
 * points where case matters) so the hot loops never build strings or run a regex per character.
 */

/** Exactly the characters JavaScript's `\s` matches, so "whitespace-only gaps" means what tests mean. */
export function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13)
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  )
}

/** A line terminator as JavaScript knows it: LF, CR, LINE SEPARATOR, PARAGRAPH SEPARATOR. */
export function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029
}

const UPPER = /\p{Lu}|\p{Lt}/u
const LOWER = /\p{Ll}/u
const LETTER = /\p{L}/u

/** Upper- or title-case letter at code point `cp`. */
export function isUpper(cp: number): boolean {
  if (cp < 128) return cp >= 65 && cp <= 90
  return UPPER.test(String.fromCodePoint(cp))
}

/** Lower-case letter at code point `cp`. */
export function isLower(cp: number): boolean {
  if (cp < 128) return cp >= 97 && cp <= 122
  return LOWER.test(String.fromCodePoint(cp))
}

/** Any letter (cased or not) at code point `cp`. */
export function isLetter(cp: number): boolean {
  if (cp < 128) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122)
  return LETTER.test(String.fromCodePoint(cp))
}

/** ASCII digit. */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

/** Sentence-ending marks other than the full stop and the ellipsis: ? ! and their combined forms. */
export function isMark(c: number): boolean {
  return (
    c === 33 || c === 63 || c === 0x203c || c === 0x203d || (c >= 0x2047 && c <= 0x2049)
  )
}

/** What may close a sentence after its end mark and still belong to it: quotes and brackets. */
export function isCloser(c: number): boolean {
  switch (c) {
    case 0x22: // "
    case 0x27: // '
    case 0x29: // )
    case 0x5d: // ]
    case 0x7d: // }
    case 0xbb: // »
    case 0x2018: // ‘ (closes in German)
    case 0x2019: // ’
    case 0x201c: // “ (closes in German)
    case 0x201d: // ”
    case 0x203a: // ›
    case 0x300d: // 」
    case 0x300f: // 』
    case 0xff09: // ）
      return true
    default:
      return false
  }
}

/** What may open a token before its first letter: quotes, brackets, inverted marks. */
export function isOpener(c: number): boolean {
  switch (c) {
    case 0x22:
    case 0x27:
    case 0x28: // (
    case 0x5b: // [
    case 0x7b: // {
    case 0xab: // «
    case 0xbb: // » (opens in Swedish, Danish and German)
    case 0xa1: // ¡
    case 0xbf: // ¿
    case 0x2018: // ‘
    case 0x2019: // ’ (opens in Swedish)
    case 0x201a: // ‚
    case 0x201c: // “
    case 0x201d: // ” (opens in Swedish)
    case 0x201e: // „
    case 0x2039: // ‹
      return true
    default:
      return false
  }
}

/** En and em dashes, which open a quoted line in Nordic news text (`– We had a conviction …`). */
export function isDash(c: number): boolean {
  return c === 0x2013 || c === 0x2014
}

/** Bullets that start a list item wherever they stand after white space. */
export function isBullet(c: number): boolean {
  return (
    c === 0x2022 || // •
    c === 0x2023 || // ‣
    c === 0x2043 || // ⁃
    c === 0x25aa || // ▪
    c === 0x25cf || // ●
    c === 0x25e6 // ◦
  )
}
