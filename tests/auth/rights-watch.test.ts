import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { watchRights } from '../../src/auth/rights-watch.js'
import { openSqliteAccounts } from '../../src/store/sqlite/accounts.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-rights-watch-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** Whether `ok()` holds within 1 s. */
async function within1s(ok: () => boolean): Promise<boolean> {
  for (const end = Date.now() + 1000; !ok() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 10))
  return ok()
}

describe('the rights watch', () => {
  it('tells its listeners of a change made through another connection, and no one after they stop', async () => {
    const file = path.join(dir, 'a.sqlite')
    const server = openSqliteAccounts({ file })
    const cli = openSqliteAccounts({ file })
    await cli.add('ana', [{ role: 'translator', langs: ['sv'] }])
    const watch = watchRights(server, { pollMs: 20 })
    let told = 0
    const stop = watch.onChange(() => told++)
    // Polls that see nothing new tell nothing.
    await new Promise((r) => setTimeout(r, 100))
    expect(told).toBe(0)
    await cli.revoke('ana', { role: 'translator', langs: ['sv'] })
    expect(await within1s(() => told === 1)).toBe(true)
    stop()
    await cli.grant('ana', { role: 'viewer', langs: [] })
    await new Promise((r) => setTimeout(r, 100))
    expect(told).toBe(1)
    await cli.close()
    await server.close()
  })
})
