import { randomBytes } from 'node:crypto'
import { afterEach, expect, it, vi } from 'vitest'
import { authenticate, issueToken } from '../../src/auth/tokens.js'
import { createPgAccounts, PG_TOKEN_CACHE_TTL_MS, type PgAccounts } from '../../src/store/pg/accounts.js'
import { migratePg } from '../../src/store/pg/migrate.js'
import { createPgPool } from '../../src/store/pg/pool.js'
import { createPgWebAuth } from '../../src/store/pg/web-auth.js'
import { authVersionMoves } from './_contract-accounts.js'
import { freshPgUrl } from './_pg.js'
import { describeWith } from '../tools/need.js'

// The auth change signal on PostgreSQL, seen from a server whose database another process writes
// to: that process is a plain pool that knows nothing of this one (as `tolk token revoke` run on
// another machine, or an admin's psql), so only the NOTIFY can tell this server.
describeWith(['postgres'], 'PostgreSQL auth changes reach every server', () => {
  const ends: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const end of ends.splice(0).reverse()) await end()
  })

  /** A server (its pool, named for pg_stat_activity, and accounts) and another process's pool. */
  const setUp = async (url?: string) => {
    url ??= await freshPgUrl()
    const name = `t-${randomBytes(4).toString('hex')}`
    const pool = createPgPool(url, { applicationName: name })
    await migratePg(pool, url)
    const accounts = createPgAccounts(pool)
    const other = createPgPool(url)
    ends.push(() => pool.end(), () => accounts.close(), () => other.end())
    await accounts.add('ana', [{ role: 'translator', langs: ['sv'] }, { role: 'viewer', langs: [] }])
    const { token, info } = await issueToken(accounts, 'ana')
    await accounts.authSettled() // the listener opens with the first question
    return { url, name, pool, accounts, other, token, tokenId: info.id }
  }

  /** Authenticate twice (the second from the cache), let `change` run elsewhere, wait for it here. */
  const seenWithinASecond = async (accounts: PgAccounts, token: string, change: () => Promise<unknown>) => {
    expect(await authenticate(accounts, token)).toBeDefined()
    expect(await authenticate(accounts, token)).toBe(await authenticate(accounts, token)) // cached
    await accounts.authSettled()
    const before = await accounts.authVersion()
    await change()
    await authVersionMoves(accounts, before)
  }

  it('a token revoked by another process is refused within a second, though it was cached', async () => {
    const s = await setUp()
    await seenWithinASecond(s.accounts, s.token, () => s.other.query('UPDATE tokens SET revoked_at = now() WHERE id = $1', [s.tokenId]))
    expect(await authenticate(s.accounts, s.token)).toBeUndefined()
  })

  it('a grant taken by another process is gone within a second', async () => {
    const s = await setUp()
    await seenWithinASecond(s.accounts, s.token, () => s.other.query(`DELETE FROM grants WHERE role = 'translator'`))
    expect((await authenticate(s.accounts, s.token))?.grants).toEqual([{ role: 'viewer', langs: [] }])
  })

  it('an account removed by another process is refused within a second', async () => {
    const s = await setUp()
    await seenWithinASecond(s.accounts, s.token, () => s.other.query(`UPDATE accounts SET disabled_at = now() WHERE name = 'ana'`))
    expect(await authenticate(s.accounts, s.token)).toBeUndefined()
  })

  it('a password changed or a session ended by another process moves the version within a second', async () => {
    const s = await setUp()
    const web = createPgWebAuth(s.pool, s.accounts)
    const { id } = await web.sessions.create('ana')
    await seenWithinASecond(s.accounts, s.token, () =>
      s.other.query(`INSERT INTO passwords (account_id, hash, updated_at) SELECT id, 'x', now() FROM accounts`),
    )
    await seenWithinASecond(s.accounts, s.token, () => s.other.query('DELETE FROM sessions'))
    expect(await web.sessions.find(id)).toBeUndefined()
  })

  it('hears only its own schema: changes to another Tolk schema on the same database leave it alone', async () => {
    const here = await setUp()
    const there = await setUp()
    await here.accounts.authSettled()
    const before = await here.accounts.authVersion()
    await there.other.query('UPDATE tokens SET revoked_at = now()')
    await there.other.query(`DELETE FROM grants`)
    await there.accounts.authSettled() // heard there, so sent before here's own NOTIFY below
    await here.accounts.authSettled()
    expect(await here.accounts.authVersion()).toBe(before)
  })

  it('opens one LISTEN connection per pool, at the first question, and ends it with the last Accounts on the pool', async () => {
    const url = await freshPgUrl()
    const name = `t-${randomBytes(4).toString('hex')}`
    const pool = createPgPool(url, { applicationName: name })
    ends.push(() => pool.end())
    await migratePg(pool, url)
    const listeners = async () =>
      (await pool.query('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [`${name} auth-listen`])).rows.length
    const [a, b] = [createPgAccounts(pool), createPgAccounts(pool)]
    await a.add('ana', [])
    expect(await listeners()).toBe(0)
    await a.authVersion()
    await b.authVersion()
    expect(await listeners()).toBe(1)
    await a.close()
    expect(await listeners()).toBe(1)
    await b.close()
    await vi.waitFor(async () => expect(await listeners()).toBe(0), { timeout: 10_000 })
  })

  it('refuses a revoked token within a second even when its signal is lost on the way', async () => {
    const s = await setUp()
    expect(await authenticate(s.accounts, s.token)).toBeDefined()
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      const first = await authenticate(s.accounts, s.token)
      expect(await authenticate(s.accounts, s.token)).toBe(first) // cached
      // Lost: the revocation is committed without its NOTIFY, so only the cache time can end it.
      const c = await s.other.connect()
      try {
        await c.query('BEGIN')
        await c.query('ALTER TABLE tokens DISABLE TRIGGER tokens_update_signal')
        await c.query('UPDATE tokens SET revoked_at = now() WHERE id = $1', [s.tokenId])
        await c.query('ALTER TABLE tokens ENABLE TRIGGER tokens_update_signal')
        await c.query('COMMIT')
      } finally {
        c.release()
      }
      await s.accounts.authSettled()
      expect(await authenticate(s.accounts, s.token)).toBe(first) // still cached: nothing was heard
      vi.advanceTimersByTime(PG_TOKEN_CACHE_TTL_MS + 1)
      expect(await authenticate(s.accounts, s.token)).toBeUndefined()
    } finally {
      vi.useRealTimers()
    }
  })

  it('trusts nothing while it cannot listen: every question answers a new version', async () => {
    // A server nobody answers on: the LISTEN connection keeps failing (and being tried again).
    const pool = createPgPool('postgres://postgres@127.0.0.1:1/tolk')
    const accounts = createPgAccounts(pool)
    ends.push(() => pool.end(), () => accounts.close())
    const seen = new Set<number>()
    for (let i = 0; i < 5; i++) seen.add(await accounts.authVersion())
    expect(seen.size).toBe(5)
  })

  it('a dropped LISTEN connection counts as a change, comes back, and hears again', async () => {
    const s = await setUp()
    const listener = async () =>
      (
        await s.other.query<{ pid: number; query: string; state: string }>(
          'SELECT pid, query, state FROM pg_stat_activity WHERE application_name = $1',
          [`${s.name} auth-listen`],
        )
      ).rows
    const [first] = await listener()
    expect(first).toMatchObject({ query: 'LISTEN tolk_auth', state: 'idle' })
    expect(await authenticate(s.accounts, s.token)).toBeDefined()
    await s.accounts.authSettled()
    const before = await s.accounts.authVersion()

    await s.other.query('SELECT pg_terminate_backend($1)', [first?.pid])
    await authVersionMoves(s.accounts, before)
    // Back, on a new connection that listens again; then nothing moves the version any more.
    await vi.waitFor(
      async () => {
        const [again] = await listener()
        expect(again).toMatchObject({ query: 'LISTEN tolk_auth', state: 'idle' })
        expect(again?.pid).not.toBe(first?.pid)
      },
      { timeout: 10_000, interval: 20 },
    )
    await vi.waitFor(async () => expect(await s.accounts.authVersion()).toBe(await s.accounts.authVersion()), { timeout: 10_000 })
    await s.accounts.authSettled()
    const settled = await s.accounts.authVersion()
    expect(await authenticate(s.accounts, s.token)).toBeDefined()
    expect(await s.accounts.authVersion()).toBe(settled)

    await seenWithinASecond(s.accounts, s.token, () => s.other.query('UPDATE tokens SET revoked_at = now() WHERE id = $1', [s.tokenId]))
    expect(await authenticate(s.accounts, s.token)).toBeUndefined()
  })

  it('requests in flight on one token send one lookup between them, and each still gets its principal', async () => {
    // When the remembered entry lapses (every second), the 50 requests in flight on a token each
    // sent the lookup: a tenth of a write bench's statements. Now they wait for the first one.
    const s = await setUp()
    const before = s.pool.totalCount
    const found = await Promise.all(Array.from({ length: 30 }, () => authenticate(s.accounts, s.token)))
    // Thirty lookups at once would have opened the pool's ten connections.
    expect(s.pool.totalCount).toBeLessThanOrEqual(Math.max(before, 1))
    expect(new Set(found).size).toBe(1)
    expect(found[0]?.account).toBe('ana')
    // A token refused is asked about by each (a refusal is never shared or remembered).
    await s.other.query('UPDATE tokens SET revoked_at = now() WHERE id = $1', [s.tokenId])
    await s.accounts.authSettled()
    expect(await Promise.all([authenticate(s.accounts, s.token), authenticate(s.accounts, s.token)])).toEqual([undefined, undefined])
  })
})
