import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { InvalidInput } from '../../src/model/errors.js'
import { locateStore, redact } from '../../src/store/locate.js'
import { migratePg } from '../../src/store/pg/migrate.js'
import { createPgPool, unreachable } from '../../src/store/pg/pool.js'
import { describeWith } from '../tools/need.js'
import { freshPgUrl } from './_pg.js'

describe('where --db points', () => {
  it.each([
    ['postgres://tolk@db:5432/tolk', { kind: 'postgres', url: 'postgres://tolk@db:5432/tolk' }],
    ['postgresql://tolk:pw@db/tolk?sslmode=require', { kind: 'postgres', url: 'postgresql://tolk:pw@db/tolk?sslmode=require' }],
    ['POSTGRES://db/x', { kind: 'postgres', url: 'POSTGRES://db/x' }],
    ['data/tolk.sqlite', { kind: 'sqlite', file: 'data/tolk.sqlite' }],
    ['/abs/tolk.sqlite', { kind: 'sqlite', file: '/abs/tolk.sqlite' }],
    ['sqlite:data/tolk.sqlite', { kind: 'sqlite', file: 'data/tolk.sqlite' }],
    ['sqlite:/abs/tolk.sqlite', { kind: 'sqlite', file: '/abs/tolk.sqlite' }],
    ['sqlite:///abs/tolk.sqlite', { kind: 'sqlite', file: '/abs/tolk.sqlite' }],
    [':memory:', { kind: 'sqlite', file: ':memory:' }],
  ])('%s', (spec, where) => {
    expect(locateStore(spec)).toEqual(where)
  })

  it.each(['', '  ', 'mysql://root@db/x', 'sqlite:', 'postgres://[bad', 'http://example.org/db'])('refuses %j', (spec) => {
    expect(() => locateStore(spec)).toThrow(InvalidInput)
  })

  it('never shows a password', () => {
    expect(redact('postgres://tolk:s3cret@db/tolk')).toBe('postgres://tolk:***@db/tolk')
    expect(() => locateStore('postgres://tolk:s3cret@[bad')).toThrow(/tolk:\*\*\*@/)
  })
})

describeWith(['postgres'], 'PostgreSQL migrations', () => {
  const steps = [
    { version: 1, name: '001-a', sql: 'CREATE TABLE a (n integer); INSERT INTO a VALUES (1)' },
    { version: 2, name: '002-b', sql: 'INSERT INTO a VALUES (2)' },
  ]

  it('two servers starting at once migrate once, under the advisory lock', async () => {
    const url = await freshPgUrl()
    const pools = [createPgPool(url), createPgPool(url), createPgPool(url)]
    try {
      const versions = await Promise.all(pools.map((p) => migratePg(p, url, { migrations: steps })))
      expect(versions).toEqual([2, 2, 2])
      const { rows } = await pools[0]!.query('SELECT n FROM a ORDER BY n')
      expect(rows).toEqual([{ n: 1 }, { n: 2 }])
    } finally {
      await Promise.all(pools.map((p) => p.end()))
    }
  })

  it('refuses a database written by a newer Tolk, saying so', async () => {
    const url = await freshPgUrl()
    const pool = createPgPool(url)
    try {
      await migratePg(pool, url, { migrations: steps })
      await expect(migratePg(pool, url, { migrations: steps.slice(0, 1) })).rejects.toThrow(
        'was written by a newer Tolk (schema 2, this one knows 1): upgrade Tolk',
      )
    } finally {
      await pool.end()
    }
  })

  it('with mustExist, refuses a database that holds no Tolk schema and writes nothing to it', async () => {
    const url = await freshPgUrl()
    const pool = createPgPool(url)
    try {
      await expect(migratePg(pool, url, { mustExist: true, migrations: steps })).rejects.toThrow('is not a Tolk database')
      const { rows } = await pool.query(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = current_schema()`)
      expect(rows).toEqual([{ n: 0 }])
    } finally {
      await pool.end()
    }
  })

  it('a workbench further along the search path is not this one', async () => {
    const other = await freshPgUrl()
    const otherPool = createPgPool(other)
    const url = await freshPgUrl()
    const pool = createPgPool(url)
    try {
      await migratePg(otherPool, other, { migrations: steps })
      const otherSchema = new URL(other).searchParams.get('options')!.match(/search_path=(\w+)/)![1]!
      // This schema first, the other workbench's after it on the path.
      const both = new URL(url)
      both.searchParams.set('options', `${both.searchParams.get('options')!.replace(',public', '')},${otherSchema},public`)
      const bothPool = createPgPool(both.toString())
      try {
        await expect(migratePg(bothPool, both.toString(), { mustExist: true, migrations: steps })).rejects.toThrow('is not a Tolk database')
        expect(await migratePg(bothPool, both.toString(), { migrations: steps })).toBe(2)
        expect((await bothPool.query(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'a'`)).rows).toEqual([{ n: 1 }])
      } finally {
        await bothPool.end()
      }
    } finally {
      await Promise.all([pool.end(), otherPool.end()])
    }
  })

  it('a failed step leaves the schema at the step before', async () => {
    const url = await freshPgUrl()
    const pool = createPgPool(url)
    try {
      const broken = [...steps, { version: 3, name: '003-broken', sql: 'INSERT INTO a VALUES (3); SELECT * FROM nowhere' }]
      await expect(migratePg(pool, url, { migrations: broken })).rejects.toThrow('003-broken')
      expect((await pool.query('SELECT version FROM tolk_schema')).rows).toEqual([{ version: 2 }])
      expect((await pool.query('SELECT count(*) AS n FROM a')).rows).toEqual([{ n: 2 }])
    } finally {
      await pool.end()
    }
  })

  it('reads bigint as numbers and timestamps as UTC ISO strings, as the SQLite store answers', async () => {
    const url = await freshPgUrl()
    const pool = createPgPool(url)
    try {
      const { rows } = await pool.query(
        `SELECT 9007199254740991::bigint AS big, count(*) AS n, timestamptz '2026-12-04 17:00:00.123+01' AS at, current_setting('TimeZone') AS zone`,
      )
      expect(rows).toEqual([{ big: 9007199254740991, n: 1, at: '2026-12-04T16:00:00.123Z', zone: 'UTC' }])
    } finally {
      await pool.end()
    }
  })

  it('runs its sessions without JIT, even where the server turns it on, and keeps a search_path given in the URL', async () => {
    // The coverage report's keyset pages are costed far above jit_above_cost: compiling each took
    // most of its time (bench/postgres.md). The URL's own options still apply beside Tolk's.
    const url = await freshPgUrl()
    const withPath = new URL(url)
    withPath.searchParams.set('options', '-c search_path=elsewhere,public')
    const pool = createPgPool(withPath.toString())
    try {
      const { rows } = await pool.query(`SELECT current_setting('jit') AS jit, current_setting('search_path') AS path, current_setting('TimeZone') AS zone`)
      expect(rows).toEqual([{ jit: 'off', path: 'elsewhere,public', zone: 'UTC' }])
    } finally {
      await pool.end()
    }
  })

  it('a server that does not answer, or a database that does not exist, is a clear refusal', async () => {
    const gone = 'postgres://tolk:pw@127.0.0.1:1/tolk'
    const pool = new pg.Pool({ connectionString: gone })
    const err = await pool.query('SELECT 1').catch((e: unknown) => e)
    await pool.end()
    const named = unreachable(gone, err)
    expect(named).toBeInstanceOf(InvalidInput)
    expect((named as Error).message).toMatch(/^cannot open the database postgres:\/\/tolk:\*\*\*@127\.0\.0\.1:1\/tolk: /)
  })
})
