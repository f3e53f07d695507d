/**
 * The `check` section of Tolk's config file (tolk.config.json or .tolkrc.json; see
 * schema/tolk.config.schema.json): validated by hand against the published schema (a test holds
 * the two together), so a bad field exits 2 naming it. Paths are relative to the file's folder.
 */
import { dirname, resolve } from 'node:path'
import { InvalidInput } from '../../model/errors.js'
import { parseLanguage } from '../../model/tags.js'
import { CATEGORIES } from '../plural-rules.js'
import type { ProblemKind } from '../types.js'

/** How a kind of problem is treated: fails (error), listed and never fails (warn), or not listed (off). */
export type KindSeverity = 'error' | 'warn' | 'off'

/** The kinds `severity` takes (the workbench's untranslated and stale are the check's gaps too). */
export const CONFIGURABLE_KINDS = ['missing', 'empty', 'plural', 'placeholder', 'nesting', 'formatter', 'tags', 'extra'] as const

/** The `check` section, read: every field optional, paths absolute, tags canonical. */
export interface CheckConfig {
  /** The file it came from (named in messages). */
  file: string
  locales?: string
  source?: string
  map?: Map<string, string>
  lang?: string[]
  /** As `--min` spells it. */
  min?: string
  by?: 'words' | 'units'
  baseline?: string
  graceDays?: number
  optionalPlurals?: string
  annotations?: number
  severity?: Partial<Record<ProblemKind, KindSeverity>>
  /** Patterns by language tag, `*` for every language. */
  ignore?: Map<string, string[]>
}

/** The fields the `check` section takes (the schema's properties, in its order). */
export const CHECK_FIELDS = ['locales', 'source', 'map', 'lang', 'min', 'by', 'baseline', 'graceDays', 'optionalPlurals', 'annotations', 'severity', 'ignore'] as const

/** Validate a parsed config file's `check` section; anything wrong exits 2 naming the field. */
export function readCheckSection(file: string, data: Record<string, unknown>): CheckConfig {
  const out: CheckConfig = { file }
  const section = data.check
  if (section === undefined) return out
  const bad = (field: string, want: string): never => {
    throw new InvalidInput(`${file}: check${field === '' ? '' : `.${field}`} ${want}`, 'invalid-config')
  }
  if (!isPlain(section)) return bad('', 'must be an object')
  const here = dirname(file)
  for (const [field, v] of Object.entries(section)) {
    switch (field) {
      case 'locales':
      case 'baseline':
        if (typeof v !== 'string' || v === '') bad(field, 'must be a path (a non-empty string)')
        out[field] = resolve(here, v as string)
        break
      case 'source':
        if (typeof v !== 'string') bad(field, 'must be a language tag such as en')
        out.source = tag(v as string, () => bad(field, `names no language: "${v}"`))
        break
      case 'map':
        if (!isPlain(v)) bad(field, 'must be an object of folder names and tags: {"zhtw": "zh-TW"}')
        out.map = new Map(Object.entries(v as object).map(([k, t]) => [k, typeof t === 'string' ? tag(t, () => bad(`map.${k}`, `names no language: "${t}"`)) : bad(`map.${k}`, 'must be a language tag')]))
        break
      case 'lang':
        if (!Array.isArray(v) || !v.every((l) => typeof l === 'string')) bad(field, 'must be a list of language tags')
        out.lang = (v as string[]).map((l, i) => tag(l, () => bad(`lang[${i}]`, `names no language: "${l}"`)))
        break
      case 'min':
        out.min = minSpec(v, bad)
        break
      case 'by':
        if (v !== 'words' && v !== 'units') bad(field, 'must be "words" or "units"')
        out.by = v as 'words' | 'units'
        break
      case 'optionalPlurals':
        if (!Array.isArray(v) || !v.every((c) => (CATEGORIES as readonly unknown[]).includes(c))) bad(field, `must be a list of CLDR categories (${CATEGORIES.join(', ')})`)
        out.optionalPlurals = (v as string[]).join(',')
        break
      case 'annotations':
      case 'graceDays':
        if (!Number.isInteger(v) || (v as number) < 0) bad(field, 'must be a whole number')
        out[field] = v as number
        break
      case 'severity':
        out.severity = severities(v, bad)
        break
      case 'ignore':
        out.ignore = ignores(v, bad)
        break
      default:
        bad(field, `is not a setting of tolk check (${CHECK_FIELDS.join(', ')})`)
    }
  }
  return out
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function tag(v: string, fail: () => never): string {
  try {
    return parseLanguage(v)
  } catch {
    return fail()
  }
}

type Bad = (field: string, want: string) => never

/** `min` as `--min` spells it: 95, "90,sv=100" or {"default": 90, "sv": 100}. */
function minSpec(v: unknown, bad: Bad): string {
  const pct = (x: unknown, field: string) => (typeof x === 'number' && x >= 0 && x <= 100 ? String(x) : bad(field, 'must be a percentage 0–100'))
  if (typeof v === 'number') return pct(v, 'min')
  if (typeof v === 'string') return v
  if (!isPlain(v)) return bad('min', 'must be a number, a string such as "90,sv=100", or an object {"default": 90, "sv": 100}')
  return Object.entries(v)
    .map(([k, x]) => (k === 'default' ? pct(x, 'min.default') : `${k}=${pct(x, `min.${k}`)}`))
    .join(',')
}

function severities(v: unknown, bad: Bad): Partial<Record<ProblemKind, KindSeverity>> {
  if (!isPlain(v)) bad('severity', 'must be an object such as {"extra": "off", "tags": "warn"}')
  const out: Partial<Record<ProblemKind, KindSeverity>> = {}
  for (const [kind, s] of Object.entries(v as object)) {
    if (!(CONFIGURABLE_KINDS as readonly string[]).includes(kind)) bad(`severity.${kind}`, `is no kind of problem (${CONFIGURABLE_KINDS.join(', ')})`)
    if (s !== 'error' && s !== 'warn' && s !== 'off') bad(`severity.${kind}`, 'must be "error", "warn" or "off"')
    out[kind as ProblemKind] = s as KindSeverity
  }
  return out
}

function ignores(v: unknown, bad: Bad): Map<string, string[]> {
  if (!isPlain(v)) bad('ignore', 'must be an object of pattern lists: {"*": ["legacy.**"], "de": ["promo.*"]}')
  const out = new Map<string, string[]>()
  for (const [lang, list] of Object.entries(v as object)) {
    if (!Array.isArray(list) || !list.every((p) => typeof p === 'string' && p !== '')) bad(`ignore.${lang}`, 'must be a list of key patterns')
    out.set(lang === '*' ? '*' : tag(lang, () => bad(`ignore.${lang}`, `names no language: "${lang}"`)), list as string[])
  }
  return out
}
