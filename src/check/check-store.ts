/**
 * `tolk check --db FILE` and `--server URL`: the workbench's own report (buildReport, or
 * `GET /api/report`) turned into check counts: untranslated and stale units are the problems.
 */
import { InvalidInput } from '../model/errors.js'
import type { Report, ReportedUnit, StateCounts } from '../report/build-report.js'
import { pluralForms, type PluralType } from './plural-rules.js'
import { emptyCounts, type LanguageCounts } from './compare-file.js'
import type { CheckedSource } from './check-locales.js'
import type { Problem } from './types.js'
import type { QaReport } from '../qa/types.js'

/** Counts and problems per target language, summed over the report's articles. */
export function checkReport(report: Report): CheckedSource {
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
      c.words.total += total(r.words)
      c.words.translated += done(r.words)
      c.missing += r.units.initial
      c.missingStrings += r.units.initial
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

function total(c: StateCounts): number {
  return c.initial + c.translated + c.reviewed + c.final
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
