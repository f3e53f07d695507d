/**
 * A memory to test, on either backend, with the few workbench writes its tests need: an article
 * of English sentences, and translations of its units (the history the memory follows).
 */
import pg from 'pg'
import { importText } from '../../src/import/import-text.js'
import { migratePg } from '../../src/store/pg/migrate.js'
import { createPgMemory } from '../../src/store/pg/memory.js'
import { createPgPool } from '../../src/store/pg/pool.js'
import { sourceHash } from '../../src/store/sqlite/source-hash.js'
import type { TranslationMemory } from '../../src/tm/types.js'
import { freshStore } from './_setup.js'

export interface MemoryFixture {
  memory: TranslationMemory
  /** Add an article of `sentences` (text language en, targets sv and de); its unit ids in order. */
  addArticle(id: string, sentences: string[], tag?: string): Promise<string[]>
  /**
   * Write a translation as `anna` (state `initial` with an empty text takes it back); with
   * `engine`, a machine's text taken unedited.
   */
  write(articleId: string, unitId: string, lang: string, text: string, state: 'initial' | 'translated' | 'reviewed' | 'final', engine?: string): Promise<void>
  close(): Promise<void>
}

export type MakeMemory = () => Promise<MemoryFixture>

export const sqliteMemory: MakeMemory = async () => {
  const store = freshStore()
  return {
    memory: store.memory,
    async addArticle(id, sentences, tag = 'sv-general') {
      await importText(store, { id, tag, lang: 'en', targets: ['sv', 'de'], text: sentences.join(' ') + '\n' })
      return (await store.listUnits(id)).map((u) => u.id)
    },
    async write(articleId, unitId, lang, text, state, engine) {
      const origin = engine === undefined ? undefined : { kind: 'mt' as const, engine }
      await store.writeTranslation({ articleId, unitId, lang, text, state, author: 'anna', origin })
    },
    close: () => store.close(),
  }
}

const TIME = '2026-12-04T16:00:00.000Z'

/**
 * The PostgreSQL memory on a migrated schema of its own. Articles and translations are written
 * with plain SQL in schema 1's shape (the PostgreSQL store's own writes are pg-core's), one
 * transaction per write with its history entry, as the store writes them.
 */
export function pgMemory(url: () => Promise<string>): MakeMemory {
  return async () => {
    const u = await url()
    const pool = createPgPool(u)
    await migratePg(pool, u)
    const memory = createPgMemory(pool, () => TIME)
    return pgFixture(pool, memory)
  }
}

/** The fixture's writes on `pool`, for a memory over it. */
export function pgFixture(pool: pg.Pool, memory: TranslationMemory): MemoryFixture {
  return {
    memory,
    async addArticle(id, sentences, tag = 'sv-general') {
      await pool.query(
        `INSERT INTO articles (id, tag, lang, title, revision, targets, created_at, updated_at, lead, source)
         VALUES ($1, $2, 'en', $1, 1, '["sv","de"]', $3, $3, '', $4)`,
        [id, tag, TIME, sentences.join(' ')],
      )
      const ids = sentences.map((_, i) => `u${i + 1}`)
      for (const [i, s] of sentences.entries()) {
        await pool.query(
          `INSERT INTO units (article_id, id, position, block, kind, source, "trailing", words, hash)
           VALUES ($1, $2, $3, 1, 'paragraph', $4, ' ', $5, $6)`,
          [id, ids[i], i + 1, s, s.split(' ').length, sourceHash(s)],
        )
      }
      return ids
    },
    async write(articleId, unitId, lang, text, state, engine) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const { rows } = await client.query<{ version: number; state: string; seq: number | null }>(
          'SELECT version, state, history_seq AS seq FROM translations WHERE article_id = $1 AND unit_id = $2 AND lang = $3 FOR UPDATE',
          [articleId, unitId, lang],
        )
        const version = (rows[0]?.version ?? 0) + 1
        const { rows: h } = await client.query<{ seq: number }>(
          `INSERT INTO history (article_id, unit_id, lang, version, new_text, old_state, new_state, author, at, prev_seq, mt_engine)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'anna', $8, $9, $10) RETURNING seq`,
          [articleId, unitId, lang, version, text, rows[0]?.state ?? 'initial', state, TIME, rows[0]?.seq ?? null, engine ?? null],
        )
        await client.query(
          `INSERT INTO translations (article_id, unit_id, lang, text, state, version, author, updated_at, history_seq)
           VALUES ($1, $2, $3, $4, $5, $6, 'anna', $7, $8)
           ON CONFLICT (article_id, unit_id, lang) DO UPDATE SET text = excluded.text, state = excluded.state,
             version = excluded.version, updated_at = excluded.updated_at, history_seq = excluded.history_seq`,
          [articleId, unitId, lang, text, state, version, TIME, h[0]!.seq],
        )
        await client.query('COMMIT')
      } catch (err) {
        await client.query('ROLLBACK')
        throw err
      } finally {
        client.release()
      }
    },
    close: () => pool.end(),
  }
}
