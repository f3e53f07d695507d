/**
 * Numbers of a text, each written one way whatever the locale: `1,000`, `1 000` and `1.000` are
 * `1000`; `3.5` and `3,5` are `3.5`; `12:30` stays `12:30`.
 *
 * A separator followed by exactly three digits groups thousands (`1,000`), unless it is the last
 * of several different separators (`1.000,500` is 1000.5); one followed by other than three digits
 * is the decimal mark (`3,50`). Spaces (also no-break and narrow no-break) only ever group.
 */
const NUMBER = /\p{Nd}+(?:(?:[.,:'\u00a0\u202f\u2009]| (?=\p{Nd}{3}(?!\p{Nd})))\p{Nd}+)*/gu
/** One number written canonically (see the module's doc). */
export function canonicalNumber(written: string): string {
  const s = written
  if (s.includes(':')) return s.replace(/[^\p{Nd}:]/gu, '')
  const parts = s.split(/([^\p{Nd}])/u)
  // parts: digits, sep, digits, sep, digits …
  const digits = parts.filter((_, i) => i % 2 === 0)
  const seps = parts.filter((_, i) => i % 2 === 1)
  if (seps.length === 0) return s
  const last = seps.at(-1)!
  const tail = digits.at(-1)!
  const spaced = /[ \u00a0\u202f\u2009']/.test(last)
  const decimal =
    !spaced && (tail.length !== 3 || (seps.length > 1 && seps.slice(0, -1).every((x) => x !== last)))
  if (!decimal) return digits.join('')
  return `${digits.slice(0, -1).join('')}.${tail}`
}

/** The numbers of a text, canonical, sorted (repeats kept). */
export function numbersOf(text: string): string[] {
  return [...text.matchAll(NUMBER)].map((m) => canonicalNumber(m[0])).sort()
}
