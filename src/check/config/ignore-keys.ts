/**
 * Keys left out of the check on purpose (`ignore` in the config): dotted patterns where `*`
 * matches within one level and `**` any number of levels (`legacy.**`, `*.beta`, `promo_*`). A
 * plural form is matched by its group's base as well (`items` ignores `items_one`, `items_other`).
 */
import { isBranch } from '../key-shapes.js'
import { splitPluralKey } from '../plural-rules.js'

/** What leaves keys out: compiled patterns (one regular expression over the dotted key), or any such test. */
export interface KeyFilter {
  test(key: string): boolean
}

/** A filter that leaves out what either leaves out; null when neither is given. */
export function eitherFilter(a: KeyFilter | null, b: KeyFilter | null): KeyFilter | null {
  if (a === null || b === null) return a ?? b
  return { test: (key) => a.test(key) || b.test(key) }
}

/** Every leaf (string) key path of a parsed file, dotted, arrays by index. */
export function leafKeys(value: Record<string, unknown>, prefix = '', into: string[] = []): string[] {
  for (const key in value) {
    const v = value[key]
    if (typeof v === 'string') into.push(prefix + key)
    else if (isBranch(v)) leafKeys(v, `${prefix}${key}.`, into)
  }
  return into
}

/** One expression for a list of patterns; null for none. */
export function keyFilter(patterns: readonly string[]): RegExp | null {
  if (patterns.length === 0) return null
  const one = (p: string) =>
    p
      .split('.')
      .map((seg) => (seg === '**' ? '\u0000' : seg.split('*').map(escape).join('[^.]*')))
      .join('\\.')
      // `a.**.b` may skip every level between; `a.**` takes anything below.
      .replace(/\\\.\u0000/g, '(?:\\.[^]*)?')
      .replace(/\u0000(?:\\\.)?/g, '(?:[^]*\\.)?')
  return new RegExp(`^(?:${patterns.map(one).join('|')})$`)
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Whether `key` (a dotted path) is ignored, itself or as a form of a plural group. */
export function ignored(filter: KeyFilter, key: string): boolean {
  if (filter.test(key)) return true
  const dot = key.lastIndexOf('.')
  const split = splitPluralKey(key.slice(dot + 1))
  return split !== undefined && filter.test(key.slice(0, dot + 1) + split.base)
}

/** A parsed file without its ignored keys (a copy; the same object when nothing is ignored). */
export function withoutIgnored(value: Record<string, unknown>, filter: KeyFilter, prefix = ''): Record<string, unknown> {
  let out: Record<string, unknown> | null = null
  for (const key in value) {
    const v = value[key]
    const path = prefix + key
    let keep: unknown = v
    if (ignored(filter, path)) keep = undefined
    else if (isBranch(v)) keep = withoutIgnored(v, filter, `${path}.`)
    if (keep === v) continue
    out ??= { ...value }
    if (keep === undefined) delete out[key]
    else Object.defineProperty(out, key, { value: keep, enumerable: true, writable: true, configurable: true })
  }
  return out ?? value
}
