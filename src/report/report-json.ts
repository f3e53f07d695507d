import type { ArticleCoverage, PendingJson, Store } from '../store/types.js'
import { type ReportOptions, reportRows } from './build-report.js'

/**
 * The report's JSON text (`{"articles": [...]}`, one article a line) in chunks of about
 * `chunkSize` characters: what `tolk report --format json` writes. A listing holds one article's
 * segments at a time, so a large database streams in bounded memory.
 */
export async function* reportJson(store: Store, opts: ReportOptions = {}, chunkSize = 1 << 20): AsyncGenerator<string> {
  let chunk = '{"articles": ['
  let first = true
  for await (const { article, langs, pending } of reportRows(store, opts, (id, ls) => store.pendingUnitsJson(id, ls))) {
    chunk += `${first ? '\n' : ',\n'}${articleReportJson(article, langs, pending)}`
    first = false
    if (chunk.length >= chunkSize) {
      yield chunk
      chunk = ''
    }
  }
  yield `${chunk}${first ? ']}' : '\n]}'}\n`
}

const q = JSON.stringify

/**
 * `JSON.stringify(toArticleReport(a, langs, pending))`, character for character, written from the
 * counters without the report's objects: a summary of 25,000 articles would otherwise build
 * and collect some 400,000 of them.
 */
export function articleReportJson(a: ArticleCoverage, langs: readonly string[], pending?: PendingJson[]): string {
  const some = langs.length > 0
  let s = `{"id":${q(a.id)},"tag":${q(a.tag)},"lang":${q(a.lang)},"title":${q(a.title)},"revision":${a.revision},"units":${some ? a.units : 0},"words":${some ? a.words : 0},"languages":{`
  for (let i = 0; i < langs.length; i++) {
    const lang = langs[i] as string
    // A language asked for twice is one key of the object, as JSON.stringify writes it.
    if (langs.indexOf(lang) < i) continue
    const k = a.targets.indexOf(lang)
    const at = k * 8
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
    const iw = words - tw - rw - fw
    const total = iw + tw + rw + fw
    const coverage = total === 0 ? 1 : Math.max(0, tw + rw + fw - sw) / total
    s += `${i > 0 ? ',' : ''}${q(lang)}:{"coverage":${coverage},"units":{"initial":${units - tu - ru - fu},"translated":${tu},"reviewed":${ru},"final":${fu},"stale":${su}},"words":{"initial":${iw},"translated":${tw},"reviewed":${rw},"final":${fw},"stale":${sw}}`
    const o = a.origins
    if (o) s += `,"wordsByOrigin":{"human":${o[k * 4] ?? 0},"memory":${o[k * 4 + 1] ?? 0},"mt":${o[k * 4 + 2] ?? 0},"aligned":${o[k * 4 + 3] ?? 0}}`
    const list = pending?.[i]
    if (list) s += `,"untranslated":[${list.untranslated}],"stale":[${list.stale}]`
    s += '}'
  }
  return `${s}}}`
}
