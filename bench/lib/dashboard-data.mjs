// The dashboard benches' data set (bench/dashboard.mjs, bench/pg-dashboard.mjs): `articles`
// articles with 2 KB of source, targets sv and de, a translated counter in each, one a minute.
import { openDatabase } from '../../dist/store/sqlite/open-database.js'

export const SOURCE = 'The river runs past the old mill. '.repeat(60)

/** Article i of `articles`: its id, tag, title, time and translated units per language. */
export function dashboardArticle(i, articles) {
  return {
    id: `en-general-${String(i).padStart(5, '0')}`,
    tag: i % 10 === 0 ? 'en-news' : 'en-general',
    title: `Article ${(i * 7919) % articles}`,
    at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    translated: [['sv', i % 60], ['de', (i * 3) % 60]],
  }
}

/** Write the data set into a new SQLite workbench at `file` (7 words a unit). */
export function fillSqliteDashboard(file, articles) {
  const db = openDatabase({ file })
  const insert = db.prepare(`INSERT INTO articles (id, tag, lang, title, source, lead, revision, targets,
    live_units, live_words, created_at, updated_at) VALUES (?, ?, 'en', ?, ?, '', 1, '["sv","de"]', 60, 420, ?, ?)`)
  const counter = db.prepare(`INSERT INTO coverage_counts (article_id, lang, state, units, words, stale_units, stale_words)
    VALUES (?, ?, 'translated', ?, ?, 0, 0)`)
  db.transaction(() => {
    for (let i = 0; i < articles; i++) {
      const a = dashboardArticle(i, articles)
      insert.run(a.id, a.tag, a.title, SOURCE, a.at, a.at)
      for (const [lang, n] of a.translated) counter.run(a.id, lang, n, n * 7)
    }
  })()
  db.close()
}
