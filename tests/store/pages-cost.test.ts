import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPgStore } from '../../src/store/pg/create-pg-store.js'
import { createPgPool } from '../../src/store/pg/pool.js'
import { pgUnitPageSql } from '../../src/store/pg/unit-pages.js'
import { describeWith } from '../tools/need.js'
import { freshPgUrl } from './_pg.js'
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js'
import { openDatabase } from '../../src/store/sqlite/open-database.js'
import { createUnitPageOps, unitPageSql } from '../../src/store/sqlite/unit-pages.js'
import { UNIT_PAGE_SCAN } from '../../src/store/types.js'
import { manySentences } from './_contract-pages.js'
import { article } from './fixtures/articles.js'

/**
 * A page costs its own rows, never the article's: the query plans search the position index from
 * the cursor (no scan, no sort), and a page of 50 from a 20,000-unit article hands over 50-odd
 * rows in a few statements. A full scan (the listing of old) fails both.
 */
const UNITS = 20_000
const ID = 'en-long-01'
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-pages-'))
const file = path.join(dir, 'tolk.sqlite')
let ids: string[] = []

beforeAll(async () => {
  const store = createSqliteStore({ file })
  await store.importArticle(article(ID, manySentences(UNITS), { targets: ['sv'] }))
  ids = (await store.listUnits(ID)).map((u) => u.id)
  for (const i of [10, 10_010, 19_990]) {
    await store.writeTranslation({ articleId: ID, unitId: ids[i]!, lang: 'sv', text: 'x', state: 'final', author: 'a' })
  }
  await store.close()
}, 60_000)
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** A connection whose statements count the runs and the rows they hand over. */
function counting(db: Database.Database) {
  const tally = { statements: 0, rows: 0 }
  const wrap = (stmt: Database.Statement): Database.Statement => {
    const proxy: Database.Statement = new Proxy(stmt, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown
        if (typeof value !== 'function') return value
        return (...args: unknown[]) => {
          const out = (value as (...a: unknown[]) => unknown).apply(target, args)
          if (out === target) return proxy
          if (prop === 'all') {
            tally.statements++
            tally.rows += (out as unknown[]).length
          } else if (prop === 'get') {
            tally.statements++
            if (out !== undefined) tally.rows++
          } else if (prop === 'iterate' || prop === 'run') tally.statements++
          return out
        }
      },
    })
    return proxy
  }
  const proxy = new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return (sql: string) => wrap(target.prepare(sql))
      const value = Reflect.get(target, prop, target) as unknown
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
    },
  })
  return { db: proxy, tally }
}

describe('SQLite (query plans, statement counts): a unit page reads its own rows only', () => {
  it('searches the live-position index from the cursor, in index order, for every direction and filter', () => {
    const db = openDatabase({ file })
    try {
      for (const dir of ['after', 'before'] as const) {
        for (const filter of ['all', 'own', 'initial', 'final', 'stale']) {
          const plan = db
            .prepare(`EXPLAIN QUERY PLAN ${unitPageSql(dir, filter)}`)
            .all({ id: ID, lang: 'sv', at: 100, limit: 51, scan: UNIT_PAGE_SCAN }) as { detail: string }[]
          const steps = plan.map((p) => p.detail)
          const where = `${dir} ${filter}: ${steps.join(' | ')}`
          const op = dir === 'after' ? '>' : '<'
          expect(steps.some((s) => s.includes(`USING ${filter === 'all' ? '' : 'COVERING '}INDEX units_live_position (article_id=? AND position${op}?)`)), where).toBe(true)
          expect(steps.filter((s) => /^SCAN (units|translations|u|t)\b/.test(s)), where).toEqual([])
          expect(steps.filter((s) => s.includes('TEMP B-TREE')), where).toEqual([])
          expect(steps.some((s) => s.startsWith('SEARCH t USING PRIMARY KEY (article_id=? AND unit_id=? AND lang=?)')), where).toBe(true)
        }
      }
    } finally {
      db.close()
    }
  })

  it('hands over the page and one more, in three statements at most, wherever the page is', () => {
    const raw = openDatabase({ file })
    const { db, tally } = counting(raw)
    try {
      const pages = createUnitPageOps(db)
      for (const after of [0, 10_000, 19_950]) {
        tally.statements = 0
        tally.rows = 0
        const page = pages.unitPage(ID, { lang: 'sv', limit: 50, after })
        expect(page.rows.map((r) => r.unit.id)).toEqual(ids.slice(after, after + 50))
        // The article's row, then the page's 50 units and the one after them.
        expect(tally).toEqual({ statements: 2, rows: 1 + 51 - (after === 19_950 ? 1 : 0) })
      }
      // A filtered page hands over its matches only, however many units it examined.
      tally.statements = 0
      tally.rows = 0
      const finals = pages.unitPage(ID, { lang: 'sv', state: 'final', limit: 50, after: 9_000 })
      expect(finals.rows.map((r) => r.unit.id)).toEqual([ids[10_010]])
      expect(finals.next).toBe(9_000 + UNIT_PAGE_SCAN)
      expect(tally.statements).toBeLessThanOrEqual(3)
      expect(tally.rows).toBeLessThanOrEqual(3)
    } finally {
      raw.close()
    }
  })
})

/** Every node of an EXPLAIN (FORMAT JSON) plan, depth first. */
function nodesOf(plan: PgPlan): PgPlan[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodesOf)]
}
interface PgPlan {
  'Node Type': string
  'Relation Name'?: string
  'Index Name'?: string
  'Actual Rows'?: number
  'Actual Loops'?: number
  Plans?: PgPlan[]
}

describeWith(['postgres'], 'PostgreSQL (EXPLAIN ANALYZE): a unit page reads its own rows only', () => {
  it('reads the units of the page (and one more) from the live-position index, for every direction and filter, wherever the page is', async () => {
    const url = await freshPgUrl()
    const store = await openPgStore({ url })
    const pool = createPgPool(url)
    try {
      await store.importArticle(article(ID, manySentences(UNITS), { targets: ['sv'] }))
      const pgIds = (await store.listUnits(ID)).map((u) => u.id)
      for (const i of [10, 10_010, 19_990]) {
        await store.writeTranslation({ articleId: ID, unitId: pgIds[i]!, lang: 'sv', text: 'x', state: 'final', author: 'a' })
      }
      // What autovacuum does after a bulk import: the planner then knows the tables' sizes.
      await pool.query('ANALYZE units; ANALYZE translations')
      for (const dir of ['after', 'before'] as const) {
        for (const filter of ['all', 'own', 'initial', 'final', 'stale']) {
          for (const at of [100, 10_000, 19_950]) {
            const params: unknown[] = [ID, 'sv', at, 51]
            if (filter !== 'all') params.push(UNIT_PAGE_SCAN)
            const { rows } = await pool.query<{ 'QUERY PLAN': [{ Plan: PgPlan }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${pgUnitPageSql(dir, filter)}`, params)
            const nodes = nodesOf(rows[0]!['QUERY PLAN'][0].Plan)
            const where = `${dir} ${filter} ${at}: ${nodes.map((n) => `${n['Node Type']} ${n['Relation Name'] ?? ''} ${n['Index Name'] ?? ''}`).join(' | ')}`
            const unitScans = nodes.filter((n) => n['Relation Name'] === 'units')
            expect(unitScans.filter((n) => n['Node Type'] === 'Seq Scan'), where).toEqual([])
            // An unfiltered page comes in index order; a filtered one may sort its few matches.
            if (filter === 'all') expect(nodes.filter((n) => n['Node Type'] === 'Sort'), where).toEqual([])
            expect(unitScans.some((n) => n['Index Name'] === 'units_live_position'), where).toBe(true)
            // The rows handed over by the scans of units: the page and one more, or for a filtered
            // page the units it examines (at most UNIT_PAGE_SCAN) and the matches' own rows.
            const read = unitScans.reduce((sum, n) => sum + (n['Actual Rows'] ?? 0) * (n['Actual Loops'] ?? 1), 0)
            expect(read, where).toBeLessThanOrEqual(filter === 'all' ? 51 : UNIT_PAGE_SCAN + 51)
          }
        }
      }
    } finally {
      await pool.end()
      await store.close()
    }
  }, 120_000)
})
