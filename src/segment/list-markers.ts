/** Inline list markers: `1.`, `2)`, `3.)`, `a.`, `b)`, `C)`. */
import { isDigit, isSpace } from './chars.js'

/** A list marker found in the text. */
export interface ListMarker {
  /** End of the marker's label (`12` in `12.)`). */
  labelEnd: number
  /** End of the whole marker, before the white space that must follow it. */
  end: number
  /** The label the next item of the same list carries ('' after `z`). */
  next: string
}

/**
 * The list marker at `q`, if one stands there: one to three digits or one letter, then `.`, `)`
 * or `.)`, then white space. An upper-case letter counts only with `)`: `A.` is an initial.
 * Four digits (`2019.`) are a year, not an item number.
 */
export function listMarkerEnd(text: string, q: number, end: number): ListMarker | undefined {
  const c = q < end ? text.charCodeAt(q) : -1
  let k = q
  let next: string
  if (isDigit(c)) {
    while (k < end && k - q < 3 && isDigit(text.charCodeAt(k))) k++
    if (k < end && isDigit(text.charCodeAt(k))) return undefined
    next = String(Number(text.slice(q, k)) + 1)
  } else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
    k++
    if (c <= 90 && text.charCodeAt(k) !== 41) return undefined
    next = c === 122 || c === 90 ? '' : String.fromCharCode(c + 1)
  } else {
    return undefined
  }
  const labelEnd = k
  if (k < end && text.charCodeAt(k) === 46) k++
  if (k < end && text.charCodeAt(k) === 41) k++
  if (k === labelEnd || k >= end || !isSpace(text.charCodeAt(k))) return undefined
  return { labelEnd, end: k, next }
}
