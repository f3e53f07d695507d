import { type ArticleCoverage, COUNTS_PER_TARGET, type PendingJson, type Store } from '../store/types.js'
import { type ReportOptions, reportRows } from './build-report.js'

/** Live units above which an article's lists are read a stretch at a time (see reportJson). */
export const REPORT_STRETCH = 5000

/**
 * The report's JSON text (`{"articles": [...]}`, one article a line) in chunks of about
 * `chunkSize` characters: what `tolk report --format json` writes, and GET /api/report streams.
 * A listing holds one article's segments at a time, and an article of more than `stretch` live
 * units has its lists read and written `stretch` units at a time, so even one very large article
 * streams in bounded memory.
 */
export async function* reportJson(
  store: Store,
  opts: ReportOptions = {},
  chunkSize = 1 << 20,
  stretch = REPORT_STRETCH,
): AsyncGenerator<string> {
  let chunk = '{"articles": ['
  let first = true
  const pendingOf = (a: ArticleCoverage, langs: string[]) => (a.units > stretch ? Promise.resolve(null) : store.pendingUnitsJson(a.id, langs))
  for await (const { article, langs, pending } of reportRows(store, opts, pendingOf)) {
    chunk += first ? '\n' : ',\n'
    first = false
    if (pending !== null) chunk += articleReportJson(article, langs, pending)
    else {
      for await (const piece of largeArticleJson(store, article, langs, stretch)) {
        chunk += piece
        if (chunk.length >= chunkSize) {
          yield chunk
          chunk = ''
        }
      }
    }
    if (chunk.length >= chunkSize) {
      yield chunk
      chunk = ''
    }
  }
  yield `${chunk}${first ? ']}' : '\n]}'}\n`
}

const q = JSON.stringify

/** An article's JSON with its lists read a stretch of units at a time: articleReportJson in pieces. */
async function* largeArticleJson(store: Store, a: ArticleCoverage, langs: readonly string[], stretch: number): AsyncGenerator<string> {
  yield articleHead(a, langs)
  for (let i = 0; i < langs.length; i++) {
    const lang = langs[i] as string
    if (langs.indexOf(lang) < i) continue
    yield `${i > 0 ? ',' : ''}${languageHead(a, lang)}`
    for (const list of ['untranslated', 'stale', 'rejected'] as const) {
      yield `,${q(list)}:[`
      let sep = ''
      let after: number | null = 0
      while (after !== null) {
        const page: { json: string; next: number | null } = await store.pendingUnitsJsonPage(a.id, lang, list, after, stretch)
        if (page.json !== '') {
          yield sep + page.json
          sep = ','
        }
        after = page.next
      }
      yield ']'
    }
    yield '}'
  }
  yield '}}'
}

/** An article's fields up to the opening of its `languages` object. */
function articleHead(a: ArticleCoverage, langs: readonly string[]): string {
  const some = langs.length > 0
  const plurals = a.plurals ? `"plurals":${q(a.plurals)},` : ''
  return `{"id":${q(a.id)},"tag":${q(a.tag)},"lang":${q(a.lang)},"title":${q(a.title)},"revision":${a.revision},"units":${some ? a.units : 0},"words":${some ? a.words : 0},${plurals}"languages":{`
}

/** One language's key and counters, its object left open for the lists. */
function languageHead(a: ArticleCoverage, lang: string): string {
  const k = a.targets.indexOf(lang)
  const at = k * COUNTS_PER_TARGET
  const c = a.counts
  // Plural forms the language lacks are none of its units (see ArticleCoverage.lacks).
  const units = a.units - (a.lacks?.[k * 2] ?? 0)
  const words = a.words - (a.lacks?.[k * 2 + 1] ?? 0)
  const tu = c[at] ?? 0
  const tw = c[at + 1] ?? 0
  const ru = c[at + 2] ?? 0
  const rw = c[at + 3] ?? 0
  const fu = c[at + 4] ?? 0
  const fw = c[at + 5] ?? 0
  const su = c[at + 6] ?? 0
  const sw = c[at + 7] ?? 0
  const ju = c[at + 8] ?? 0
  const jw = c[at + 9] ?? 0
  const iw = words - tw - rw - fw - jw
  const total = iw + tw + rw + fw + jw
  const coverage = total === 0 ? 1 : Math.max(0, tw + rw + fw - sw) / total
  const head = `${q(lang)}:{"coverage":${coverage},"units":{"initial":${units - tu - ru - fu - ju},"translated":${tu},"reviewed":${ru},"final":${fu},"rejected":${ju},"stale":${su}},"words":{"initial":${iw},"translated":${tw},"reviewed":${rw},"final":${fw},"rejected":${jw},"stale":${sw}}`
  const o = a.origins
  const byOrigin = o ? `,"wordsByOrigin":{"human":${o[k * 4] ?? 0},"memory":${o[k * 4 + 1] ?? 0},"mt":${o[k * 4 + 2] ?? 0},"aligned":${o[k * 4 + 3] ?? 0}}` : ''
  const open = a.openQueries ? `,"openQueries":${a.openQueries[k] ?? 0}` : ''
  return `${head}${byOrigin}${open}`
}

/**
 * `JSON.stringify(toArticleReport(a, langs, pending))`, character for character, written from the
 * counters without the report's objects: a summary of 25,000 articles would otherwise build
 * and collect some 400,000 of them.
 */
export function articleReportJson(a: ArticleCoverage, langs: readonly string[], pending?: PendingJson[]): string {
  let s = articleHead(a, langs)
  for (let i = 0; i < langs.length; i++) {
    const lang = langs[i] as string
    // A language asked for twice is one key of the object, as JSON.stringify writes it.
    if (langs.indexOf(lang) < i) continue
    s += `${i > 0 ? ',' : ''}${languageHead(a, lang)}`
    const list = pending?.[i]
    if (list) s += `,"untranslated":[${list.untranslated}],"stale":[${list.stale}],"rejected":[${list.rejected}]`
    s += '}'
  }
  return `${s}}}`
}
