import { expect, it } from 'vitest'
import { segmentDocument } from '../../src/documents/index.js'
import { openPgStore } from '../../src/store/pg/create-pg-store.js'
import { createPgPool } from '../../src/store/pg/pool.js'
import { migratePg } from '../../src/store/pg/migrate.js'
import { describeWith } from '../tools/need.js'
import { freshPgUrl } from './_pg.js'
import { PG_MIGRATIONS } from '../../src/store/pg/migrations/index.js'

/** The version a database had before schema 5 (the migrations before it may come in any number). */
const BEFORE_5 = Math.max(...PG_MIGRATIONS.filter((m) => m.version < 5).map((m) => m.version))

// PostgreSQL-only: schema 5 on a database that schemas 1–2 wrote (its SQLite twin: sqlite.test.ts).
describeWith(['postgres'], 'PostgreSQL schema 005-main-followups', () => {
  it('gives the units of documents imported before schema 5 their roles from the skeleton', async () => {
    const url = await freshPgUrl()
    const s = await openPgStore({ url })
    const md = '# Title\n\n| A |\n| --- |\n| b |\n\n![A cat](cat.png)\n'
    const doc = segmentDocument(md, 'md', { articleId: 'en-docs-01', tag: 'en-docs', lang: 'en' })
    await s.importArticle({
      id: 'en-docs-01', tag: 'en-docs', lang: 'en', title: 'Title', source: md, format: 'md', targets: ['sv'],
      segmented: { lead: doc.lead, units: doc.units }, ...(doc.skeleton ? { skeleton: doc.skeleton } : {}),
    })
    // A re-import that moves a unit: roles go by live position, not by id.
    const moved = '![A cat](cat.png)\n\n# Title\n\n| A |\n| --- |\n| b |\n'
    const again = segmentDocument(moved, 'md', { articleId: 'en-docs-01', tag: 'en-docs', lang: 'en' })
    await s.importArticle({
      id: 'en-docs-01', tag: 'en-docs', lang: 'en', title: 'Title', source: moved, format: 'md', targets: ['sv'],
      segmented: { lead: again.lead, units: again.units }, ...(again.skeleton ? { skeleton: again.skeleton } : {}),
    })
    await s.close()
    // Back to schema 4 for what schema 5 made (the column and the index gone, as a database of
    // then had them), then schema 5 alone run again: the later schemas' parts stay as they are,
    // and the version goes back to the newest, so no other migration runs twice.
    const pool = createPgPool(url)
    try {
      await pool.query('ALTER TABLE units DROP COLUMN role; DROP INDEX history_by_document; UPDATE tolk_schema SET version = ' + BEFORE_5)
      await migratePg(pool, url, { migrations: PG_MIGRATIONS.filter((m) => m.version <= 5) })
      await pool.query(`UPDATE tolk_schema SET version = ${PG_MIGRATIONS.at(-1)!.version}`)
    } finally {
      await pool.end()
    }
    const reopened = await openPgStore({ url })
    try {
      const page = await reopened.unitPage('en-docs-01', { limit: 10 })
      expect(page.rows.map((r) => [r.unit.source, r.unit.role])).toEqual([
        ['A cat', 'alt'],
        ['Title', 'heading'],
        ['A', 'table-cell'],
        ['b', 'table-cell'],
      ])
    } finally {
      await reopened.close()
    }
  })
})
