// What archiving costs the reads that skip archived articles (schema 15): the article listing
// and the whole-database coverage read, over 25,000 articles with 2 KB of source each, 250 of
// them archived, against the same queries without the archive probe, in the same run.
//
//   npm run bench -- archive        (or: node bench/archive.mjs after npm run build)
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSqliteStore } from '../dist/store/sqlite/create-sqlite-store.js'
import { openDatabase } from '../dist/store/sqlite/open-database.js'

const ARTICLES = 25_000
const ARCHIVED = 250
const ROUNDS = 7

const dir = mkdtempSync(join(tmpdir(), 'tolk-bench-archive-'))
const file = join(dir, 'tolk.sqlite')
try {
  const db = openDatabase({ file })
  const source = 'The river runs past the old mill. '.repeat(60)
  const insert = db.prepare(`INSERT INTO articles (id, tag, lang, title, source, lead, revision, targets,
    live_units, live_words, created_at, updated_at) VALUES (?, 'en-general', 'en', ?, ?, '', 1, '["sv","de"]', 0, 0, 'x', 'x')`)
  db.transaction(() => {
    for (let i = 0; i < ARTICLES; i++) insert.run(`en-general-${String(i).padStart(5, '0')}`, `Article ${i}`, source)
  })()
  db.close()
  const store = createSqliteStore({ file })
  for (let i = 0; i < ARCHIVED; i++) await store.archiveArticle(`en-general-${String(i * 100).padStart(5, '0')}`, { by: 'bench' })

  // The same reads as they were before schema 15, on their own connection to the same file.
  const raw = openDatabase({ file })
  const oldList = raw.prepare(`SELECT id, tag, lang, title, revision, targets, live_units, live_words, created_at, updated_at
    FROM articles INDEXED BY articles_listing ORDER BY id`)
  const newList = raw.prepare(`SELECT id, tag, lang, title, revision, targets, live_units, live_words, created_at, updated_at
    FROM articles a INDEXED BY articles_listing
    WHERE NOT EXISTS (SELECT 1 FROM archived_articles x WHERE x.article_id = a.id) ORDER BY id`)

  const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1]
  const time = async (fn) => {
    const ms = []
    for (let r = 0; r < ROUNDS; r++) {
      const t = performance.now()
      await fn()
      ms.push(performance.now() - t)
    }
    return median(ms)
  }
  const listStore = await time(() => store.listArticles())
  const listOld = await time(() => oldList.all())
  const listNew = await time(() => newList.all())
  const sheetNew = await time(() => store.articleCoverage())
  const listed = (await store.listArticles()).length
  console.log(`archive: ${ARTICLES} articles, ${ARCHIVED} archived; median of ${ROUNDS}`)
  console.log(`  listing query         ${listNew.toFixed(1)} ms with the archive probe, ${listOld.toFixed(1)} ms without: ratio ${(listNew / listOld).toFixed(2)}`)
  console.log(`  store.listArticles()  ${listStore.toFixed(1)} ms (${listed} listed)`)
  console.log(`  articleCoverage()     ${sheetNew.toFixed(1)} ms`)
  raw.close()
  await store.close()
} finally {
  rmSync(dir, { recursive: true, force: true })
}
