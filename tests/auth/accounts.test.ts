import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { ensureFirstAdmin } from '../../src/auth/bootstrap.js'
import { authenticate, hashToken, issueToken } from '../../src/auth/tokens.js'
import { InvalidInput, NotFound } from '../../src/model/errors.js'
import { openSqliteAccounts } from '../../src/store/sqlite/accounts.js'
import { testAccounts } from '../store/_contract-accounts.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-accounts-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
let n = 0
const fresh = () => {
  const file = path.join(dir, `${++n}.sqlite`)
  return { file, accounts: openSqliteAccounts({ file }) }
}

describe('SQLite accounts', () => {
  it('adds accounts with grants and refuses a taken or invalid name', async () => {
    const { accounts } = fresh()
    const ana = await accounts.add('ana', [{ role: 'translator', langs: ['sv', 'de'] }])
    expect(ana.grants).toEqual([{ role: 'translator', langs: ['de', 'sv'] }])
    await expect(accounts.add('ana', [])).rejects.toThrow(InvalidInput)
    await expect(accounts.add('../x', [])).rejects.toThrow(InvalidInput)
    const more = await accounts.grant('ana', { role: 'reviewer', langs: ['sv'] })
    expect(more.grants).toContainEqual({ role: 'reviewer', langs: ['sv'] })
    await expect(accounts.grant('nobody', { role: 'viewer', langs: [] })).rejects.toThrow(NotFound)
    await accounts.close()
  })

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

  it('revokes tokens and lets them expire', async () => {
    const { accounts } = fresh()
    await accounts.add('ci', [{ role: 'viewer', langs: [] }])
    const { token, info } = await issueToken(accounts, 'ci')
    const revoked = await accounts.revokeToken(info.id)
    expect(revoked.revokedAt).not.toBeNull()
    expect(await authenticate(accounts, token)).toBeUndefined()
    await expect(accounts.revokeToken(999)).rejects.toThrow(NotFound)
    const soon = await issueToken(accounts, 'ci', { expiresAt: new Date(Date.now() + 60_000) })
    expect(await authenticate(accounts, soon.token)).toBeDefined()
    expect(await authenticate(accounts, soon.token, new Date(Date.now() + 120_000))).toBeUndefined()
    await expect(issueToken(accounts, 'ci', { expiresAt: new Date(Date.now() - 1) })).rejects.toThrow(InvalidInput)
    expect((await accounts.listTokens('ci')).map((t) => t.id)).toEqual([soon.info.id, info.id])
    await accounts.close()
  })

  it('creates the first admin only on a database without accounts', async () => {
    const { accounts } = fresh()
    const token = await ensureFirstAdmin(accounts)
    expect(token).toMatch(/^tolk_/)
    expect((await authenticate(accounts, token as string))?.grants).toEqual([{ role: 'admin', langs: [] }])
    expect(await ensureFirstAdmin(accounts)).toBeUndefined()
    await accounts.close()
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
