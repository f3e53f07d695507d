import { expect, it } from 'vitest'
import { migratePg } from '../../src/store/pg/migrate.js'
import { createPgPool } from '../../src/store/pg/pool.js'
import { describeWith } from '../tools/need.js'
import { freshPgUrl } from './_pg.js'

// PostgreSQL-only: the schema itself refuses what the store never does, whoever connects.
describeWith(['postgres'], 'PostgreSQL schema 001-core', () => {
  it('refuses deleting articles, units or translations and rewriting history, even in plain SQL', async () => {
    const url = await freshPgUrl()
    const pool = createPgPool(url)
    try {
      await migratePg(pool, url)
      await pool.query(`
        INSERT INTO articles (id, tag, lang, title, revision, targets, created_at, updated_at, lead, source)
          VALUES ('en-general-01', 'en-general', 'en', 'T', 1, '["sv"]', now(), now(), '', 'One.');
        INSERT INTO units (article_id, id, position, block, kind, source, "trailing", words, hash)
          VALUES ('en-general-01', 'u1', 1, 1, 'paragraph', 'One.', '', 1, 'h1');
        INSERT INTO translations (article_id, unit_id, lang, text, state, version, author, updated_at)
          VALUES ('en-general-01', 'u1', 'sv', 'Ett', 'translated', 1, 'ann', now());
        INSERT INTO history (article_id, unit_id, lang, version, new_text, old_state, new_state, author, at)
          VALUES ('en-general-01', 'u1', 'sv', 1, 'Ett', 'initial', 'translated', 'ann', now());`)
      for (const sql of [
        'DELETE FROM units',
        'DELETE FROM translations',
        'DELETE FROM articles',
        'DELETE FROM history',
        "UPDATE history SET new_text = 'forged'",
      ]) {
        await expect(pool.query(sql), sql).rejects.toThrow(/never deleted|append-only/)
      }
      expect((await pool.query('SELECT count(*) AS n FROM history')).rows).toEqual([{ n: 1 }])
      // The counters followed the plain-SQL insert, by trigger.
      expect((await pool.query('SELECT lang, state, units, words FROM coverage_counts')).rows).toEqual([
        { lang: 'sv', state: 'translated', units: 1, words: 1 },
      ])
      await pool.query("UPDATE translations SET state = 'final', stale = true")
      expect((await pool.query('SELECT state, units, stale_units FROM coverage_counts ORDER BY state')).rows).toEqual([
        { state: 'final', units: 1, stale_units: 1 },
        { state: 'translated', units: 0, stale_units: 0 },
      ])
      await pool.query('UPDATE units SET obsolete = true')
      expect((await pool.query('SELECT sum(units) AS n FROM coverage_counts')).rows).toEqual([{ n: 0 }])
    } finally {
      await pool.end()
    }
  })
})
