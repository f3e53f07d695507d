/**
 * `tolk check --db FILE` and `--server URL`: the workbench's own report (buildReport, or
 * `GET /api/report`) turned into check counts: untranslated and stale units are the problems.
 */
import { InvalidInput } from '../model/errors.js'
import type { Report, StateCounts } from '../report/build-report.js'
import { emptyCounts, type LanguageCounts } from './compare-file.js'
import type { CheckedSource } from './check-locales.js'
import type { Problem } from './types.js'

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
      c.units.total += article.units
      c.units.translated += done(r.units)
      c.words.total += article.words
      c.words.translated += done(r.words)
      c.missing += r.units.initial
      c.missingStrings += r.units.initial
      c.stale += r.units.stale
      for (const u of r.untranslated ?? []) {
        problems.push(unitProblem(lang, article.id, u, 'untranslated', `${u.id} is untranslated: ${excerpt(u.source)}`))
      }
      for (const u of r.stale ?? []) {
        problems.push(unitProblem(lang, article.id, u, 'stale', `${u.id} is stale: its source changed since it was translated`))
      }
    }
  }
  return { checked: { files: report.articles.length, languages: languages.size, strings }, languages, problems }
}

/** Units or words done and not stale (a stale unit counts in its state and again in `stale`). */
function done(c: StateCounts): number {
  return Math.max(0, c.translated + c.reviewed + c.final - c.stale)
}

function unitProblem(lang: string, article: string, u: { id: string; position: number }, kind: 'untranslated' | 'stale', message: string): Problem {
  return { lang, file: null, line: null, key: u.id, kind, severity: 'error', message, article, position: u.position }
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
  let body: unknown
  try {
    body = await res.json()
  } catch {
    throw new InvalidInput(`${url} did not answer JSON`, 'server-error')
  }
  if (!isReport(body)) throw new InvalidInput(`${url} did not answer a report ({"articles": [...]})`, 'server-error')
  return body
}

function isReport(v: unknown): v is Report {
  const r = v as Report
  return typeof r === 'object' && r !== null && Array.isArray(r.articles) &&
    r.articles.every((a) => typeof a?.id === 'string' && typeof a.units === 'number' && typeof a.words === 'number' && typeof a.languages === 'object' && a.languages !== null)
}
