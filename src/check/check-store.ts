/**
 * `tolk check --db FILE` and `--server URL`: the workbench's own report (buildReport, or
 * `GET /api/report`) turned into check counts: untranslated, rejected and stale units are the
 * problems. A rejected unit (a reviewer sent it back) counts as untranslated.
 */
import { InvalidInput } from '../model/errors.js'
import type { Report, ReportedUnit, StateCounts } from '../report/build-report.js'
import { cldrForms, pluralForms, type PluralType } from './plural-rules.js'
import { emptyCounts, type LanguageCounts } from './compare-file.js'
import type { CheckedSource } from './check-locales.js'
import type { Problem } from './types.js'
import type { QaReport } from '../qa/types.js'

/**
 * Per document id, its live plural units by form (`one`, `other`, `ordinal_few`): what turns the
 * workbench's units (each plural form one) into keys (a plural group as one), as `--locales`
 * counts them. Every group has an `other` (or `ordinal_other`) unit, and every language that form.
 */
export type PluralShapes = ReadonlyMap<string, Readonly<Record<string, number>>>

/**
 * Counts and problems per target language, summed over the report's articles. The plural shape
 * of each document comes from `shapes`, else from the report (`plurals`, in a full report); with
 * neither, keys are counted as units.
 */
export function checkReport(report: Report, shapes?: PluralShapes): CheckedSource {
  const languages = new Map<string, LanguageCounts>()
  const problems: Problem[] = []
  let strings = 0
  for (const article of report.articles) {
    strings += article.units
    for (const [lang, r] of Object.entries(article.languages)) {
      let c = languages.get(lang)
      if (!c) languages.set(lang, (c = emptyCounts()))
      // A language's own total: plural forms its CLDR rules lack are not among its units.
      c.units.total += total(r.units)
      c.units.translated += done(r.units)
      // Forms: the language's units (plural forms it lacks are none of them). Keys: its plural
      // units folded into their groups; a key is done when none of its units is pending.
      c.forms.total += total(r.units)
      c.forms.translated += done(r.units)
      const keys = keyCounts(total(r.units), shapes?.get(article.id) ?? article.plurals, lang, [...(r.untranslated ?? []), ...(r.stale ?? [])])
      c.keys.total += keys.total
      c.keys.translated += keys.translated
      c.words.total += total(r.words)
      c.words.translated += done(r.words)
      // Reports from servers before the rejected state have no such field.
      const rejected = r.units.rejected ?? 0
      c.missing += r.units.initial + rejected
      c.missingStrings += r.units.initial + rejected
      c.stale += r.units.stale
      const groups = new Map<string, ReportedUnit[]>()
      const open: Problem[] = []
      for (const u of r.untranslated ?? []) {
        if (u.plural) {
          const k = u.key ?? u.id
          const base = k.slice(0, k.length - u.plural.length - 1)
          const key = `${base}\u0000${u.plural.startsWith('ordinal_') ? 'ordinal' : 'cardinal'}`
          groups.set(key, [...(groups.get(key) ?? []), u])
          continue
        }
        open.push(unitProblem(lang, article.id, u, 'untranslated', `${u.key ?? u.id} is untranslated: ${excerpt(u.source)}`))
      }
      // Plural forms count as `tolk check --locales` counts them: a group with none of the
      // language's forms translated is one missing key; otherwise each form left is a plural problem.
      for (const [key, forms] of groups) {
        const [base, type] = key.split('\u0000') as [string, PluralType]
        const needed = pluralForms(lang, type, NONE).required
        const what = type === 'ordinal' ? 'ordinal' : 'plural'
        c.missing -= forms.length
        if (forms.length >= needed.length) {
          c.missing++
          open.push(unitProblem(lang, article.id, forms[0]!, 'untranslated', `${base} is untranslated (${what}: ${needed.join(', ')}): ${excerpt(forms[0]!.source)}`, base))
        } else {
          c.plurals += forms.length
          open.push(unitProblem(lang, article.id, forms[0]!, 'plural', `${base} lacks the ${what} form${forms.length > 1 ? 's' : ''} ${forms.map((f) => f.key ?? f.id).join(', ')} (${lang} needs ${needed.join(', ')})`, base))
        }
      }
      for (const u of r.rejected ?? []) {
        open.push(unitProblem(lang, article.id, u, 'untranslated', `${u.key ?? u.id} was rejected by a reviewer and is untranslated until fixed: ${excerpt(u.source)}`))
      }
      open.sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
      for (const p of open) problems.push(p)
      for (const u of r.stale ?? []) {
        problems.push(unitProblem(lang, article.id, u, 'stale', `${u.key ?? u.id} is stale: its source changed since it was translated`))
      }
    }
  }
  return { checked: { files: report.articles.length, languages: languages.size, strings }, languages, problems }
}

const NONE: ReadonlySet<string> = new Set()

/**
 * One document's keys in `lang`, from its `units` (the language's forms), its plural shape, and
 * its pending units (untranslated and stale): plural units become one key per group.
 */
function keyCounts(units: number, shape: Readonly<Record<string, number>> | undefined, lang: string, pending: readonly ReportedUnit[]): { total: number; translated: number } {
  let total = units
  if (shape) {
    const own = cldrForms(lang)
    const pluralUnits = own.reduce((n, f) => n + (shape[f] ?? 0), 0)
    total = units - pluralUnits + (shape.other ?? 0) + (shape.ordinal_other ?? 0)
  }
  const open = new Set<string>()
  for (const u of pending) {
    const key = u.key ?? u.id
    open.add(u.plural && shape ? `${key.slice(0, key.length - u.plural.length - 1)}\u0000${u.plural.startsWith('ordinal_') ? 'o' : 'c'}` : key)
  }
  return { total, translated: total - open.size }
}

function total(c: StateCounts): number {
  return c.initial + c.translated + c.reviewed + c.final + (c.rejected ?? 0)
}

/** Units or words done and not stale (a stale unit counts in its state and again in `stale`). */
function done(c: StateCounts): number {
  return Math.max(0, c.translated + c.reviewed + c.final - c.stale)
}

function unitProblem(lang: string, article: string, u: { id: string; key?: string; position: number }, kind: 'untranslated' | 'stale' | 'plural', message: string, key = u.key ?? u.id): Problem {
  return { lang, file: null, line: null, key, kind, severity: 'error', message, article, position: u.position }
}

function excerpt(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim()
  return JSON.stringify(one.length > 80 ? `${one.slice(0, 79)}…` : one)
}

/** Fetch `GET URL/api/report` (token from TOLK_TOKEN as a bearer token); failures exit 2. */
export async function fetchReport(base: string, token: string | undefined, langs?: readonly string[], articles?: readonly string[]): Promise<Report> {
  let url: URL
  try {
    url = new URL('api/report', base.endsWith('/') ? base : `${base}/`)
  } catch {
    throw new InvalidInput(`--server takes a URL such as http://127.0.0.1:8787, not "${base}"`, 'invalid-url')
  }
  if (langs && langs.length > 0) url.searchParams.set('lang', langs.join(','))
  if (articles && articles.length > 0) url.searchParams.set('article', articles.join(','))
  const body = await getJson(url, token)
  if (!isReport(body)) throw new InvalidInput(`${url} did not answer a report ({"articles": [...]})`, 'server-error')
  return body
}

/** GET a JSON answer of a running workbench (token from TOLK_TOKEN); failures are InvalidInput (exit 2). */
async function getJson(url: URL, token: string | undefined): Promise<unknown> {
  let res: Response
  try {
    res = await fetch(url, {
      headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      signal: AbortSignal.timeout(60_000),
    })
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message
    throw new InvalidInput(`cannot reach ${url.origin}: ${cause}; is \`tolk serve\` running there?`, 'unreachable-server')
  }
  if (res.status === 401 || res.status === 403) {
    throw new InvalidInput(`${url} answered ${res.status}: set TOLK_TOKEN to a token that may read reports`, 'unauthorized')
  }
  if (!res.ok) throw new InvalidInput(`${url} answered ${res.status} ${res.statusText}`, 'server-error')
  try {
    return await res.json()
  } catch {
    throw new InvalidInput(`${url} did not answer JSON`, 'server-error')
  }
}

/**
 * The QA overview of every article and language of a report, from `GET URL/api/articles/ID/qa`
 * (for `tolk check --server --qa`), one request at a time.
 */
export async function fetchQaReports(base: string, token: string | undefined, report: Report): Promise<QaReport[]> {
  const out: QaReport[] = []
  for (const article of report.articles) {
    for (const lang of Object.keys(article.languages)) {
      const url = new URL(`api/articles/${encodeURIComponent(article.id)}/qa`, base.endsWith('/') ? base : `${base}/`)
      url.searchParams.set('lang', lang)
      const body = (await getJson(url, token)) as QaReport
      if (typeof body !== 'object' || body === null || !Array.isArray(body.findings)) throw new InvalidInput(`${url} did not answer a QA overview ({"findings": [...]})`, 'server-error')
      out.push(body)
    }
  }
  return out
}

function isReport(v: unknown): v is Report {
  const r = v as Report
  return typeof r === 'object' && r !== null && Array.isArray(r.articles) &&
    r.articles.every((a) => typeof a?.id === 'string' && typeof a.units === 'number' && typeof a.words === 'number' && typeof a.languages === 'object' && a.languages !== null)
}
