import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { authenticate, hashToken, issueToken } from '../../src/auth/tokens.js'
import { createPgAccounts } from '../../src/store/pg/accounts.js'
import { migratePg } from '../../src/store/pg/migrate.js'
import { createPgPool } from '../../src/store/pg/pool.js'
import { openSqliteAccounts } from '../../src/store/sqlite/accounts.js'
import { testAccounts } from '../store/_contract-accounts.js'
import { freshPgUrl } from '../store/_pg.js'
import { describeWith } from '../tools/need.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-accounts-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
let n = 0
const fresh = () => {
  const file = path.join(dir, `${++n}.sqlite`)
  return { file, accounts: openSqliteAccounts({ file }) }
}

describe('SQLite accounts', () => {
  it('stores only the hash of a token, and finds the account by it', async () => {
    const { file, accounts } = fresh()
    await accounts.add('ana', [{ role: 'viewer', langs: [] }])
    const { token, info } = await issueToken(accounts, 'ana')
    expect(await authenticate(accounts, token)).toMatchObject({ account: 'ana', tokenId: info.id })
    expect(await authenticate(accounts, `${token}x`)).toBeUndefined()
    await accounts.close()
    const raw = new Database(file, { readonly: true })
    const dump = JSON.stringify(raw.prepare('SELECT * FROM tokens').all())
    raw.close()
    expect(dump).not.toContain(token)
    expect(dump).toContain(hashToken(token))
  })
})

describe('SQLite accounts: the Accounts contract', () => {
  testAccounts(async () => {
    const file = path.join(dir, `${++n}.sqlite`)
    const first = openSqliteAccounts({ file })
    const second = openSqliteAccounts({ file })
    return {
      first,
      second,
      close: async () => {
        await first.close()
        await second.close()
      },
    }
  })
})

describeWith(['postgres'], 'PostgreSQL accounts: the Accounts contract', () => {
  // Two pools on one schema stand for two servers on one database.
  testAccounts(async () => {
    const url = await freshPgUrl()
    const pools = [createPgPool(url), createPgPool(url)] as const
    await migratePg(pools[0], url)
    const [first, second] = pools.map((p) => createPgAccounts(p)) as [ReturnType<typeof createPgAccounts>, ReturnType<typeof createPgAccounts>]
    return {
      first,
      second,
      settled: async () => {
        await first.authSettled()
        await second.authSettled()
      },
      close: async () => {
        await first.close()
        await second.close()
        await Promise.all(pools.map((p) => p.end()))
      },
    }
  })
})
