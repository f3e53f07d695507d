// What a dashboard page costs the store (listArticlesPage: search, filter, sort, keyset page of
// 50) over 25,000 articles with 2 KB of source and counters in two languages, against the
// dashboard's earlier read of the same data (every article listed, then every counter), in the
// same run. The earlier read answered one unsorted, unfiltered list; the page answers any order.
//
//   npm run bench -- dashboard      (or: node bench/dashboard.mjs after npm run build)
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSqliteStore } from '../dist/store/sqlite/create-sqlite-store.js'
import { fillSqliteDashboard } from './lib/dashboard-data.mjs'
import { medianTime } from './lib/timing.mjs'

const ARTICLES = Number(process.env.BENCH_DASHBOARD_ARTICLES) || 25_000
const ROUNDS = 7
const LIMIT = 50

const dir = mkdtempSync(join(tmpdir(), 'tolk-bench-dashboard-'))
const file = join(dir, 'tolk.sqlite')
try {
  fillSqliteDashboard(file, ARTICLES)
  const store = createSqliteStore({ file })

  const time = (fn) => medianTime(fn, ROUNDS)
  const peer = await time(async () => {
    await store.listArticles()
    await store.coverage()
  })
  console.log(`dashboard: ${ARTICLES} articles, 2 languages, pages of ${LIMIT}; median of ${ROUNDS}`)
  console.log(`  earlier read (listArticles + coverage of all)   ${peer.toFixed(1)} ms`)
  const page = (q) => store.listArticlesPage({ limit: LIMIT, ...q })
  for (const [label, q] of [
    ['name, first page', { sort: 'name' }],
    ['progress, first page', { sort: 'progress' }],
    ['words left, first page', { sort: 'left' }],
    ['last change, first page', { sort: 'changed' }],
    ['progress in sv, tag en-news', { sort: 'progress', lang: 'sv', tag: 'en-news' }],
    ['search "article 12"', { sort: 'name', search: 'article 12' }],
    ['my languages first (sv)', { sort: 'left', first: ['sv'] }],
  ]) {
    const ms = await time(() => page(q))
    // A page deep in the list: the cursor of the 100th page, then the page after it.
    let after
    for (let i = 0; i < 100 && after !== null; i++) after = (await page({ ...q, ...(after ? { after } : {}) })).next
    const deep = after ? await time(() => page({ ...q, after })) : NaN
    console.log(`  ${label.padEnd(46)} ${ms.toFixed(1)} ms; page 101: ${deep.toFixed(1)} ms; ratio to the earlier read ${(ms / peer).toFixed(2)}`)
  }
  await store.close()
} finally {
  rmSync(dir, { recursive: true, force: true })
}
