import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { verifyPassword } from '../../src/auth/passwords.js'
import { hashSessionId } from '../../src/auth/sessions.js'
import { openStore } from '../../src/store/open-store.js'
import { openSqliteWebAuth } from '../../src/store/sqlite/sessions.js'
import { runCli } from '../cli/run-cli.js'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})
const tempDb = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-webauth-'))
  dirs.push(dir)
  return path.join(dir, 'tolk.sqlite')
}

describe('tolk user passwd', () => {
  it('reads the password from standard input when it is not a terminal, and stores only a hash', async () => {
    const db = tempDb()
    expect(
      runCli(['user', 'add', 'ana', '--role', 'translator', '--lang', 'sv', '--db', db]).status,
    ).toBe(0)
    const res = runCli(['user', 'passwd', 'ana', '--db', db], { input: 'correct horse battery\n' })
    expect(res.stderr).toBe('')
    expect(res.status).toBe(0)
    const store = await openStore(db)
    const web = openSqliteWebAuth({ file: db }, store.accounts)
    try {
      const hash = (await web.passwords.get('ana')) as string
      expect(hash).toMatch(/^scrypt\$/)
      expect(hash).not.toContain('correct horse')
      expect(await verifyPassword('correct horse battery', hash)).toBe(true)
    } finally {
      await web.close()
      await store.close()
    }
  })

  it('refuses a short password and an unknown account with exit 2 and a hint', () => {
    const db = tempDb()
    runCli(['user', 'add', 'ana', '--role', 'viewer', '--db', db])
    const short = runCli(['user', 'passwd', 'ana', '--db', db], { input: 'short\n' })
    expect(short.status).toBe(2)
    expect(short.stderr).toContain('at least 10 characters')
    const unknown = runCli(['user', 'passwd', 'nobody', '--db', db], {
      input: 'correct horse battery\n',
    })
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toContain('no account nobody')
  })
})

describe('sessions', () => {
  it('keeps only a hash of the session id, slides expiry, and ends on sign-out', async () => {
    const db = tempDb()
    const store = await openStore(db)
    const web = openSqliteWebAuth({ file: db }, store.accounts)
    try {
      await store.accounts.add('ana', [{ role: 'translator', langs: ['sv'] }])
      const t0 = new Date('2026-01-01T00:00:00Z')
      const { id, session } = await web.sessions.create('ana', t0)
      expect(session.principal).toEqual({
        account: 'ana',
        grants: [{ role: 'translator', langs: ['sv'] }],
      })
      expect(hashSessionId(id)).toMatch(/^[0-9a-f]{64}$/)
      const later = new Date(t0.getTime() + 11 * 3600_000)
      expect((await web.sessions.find(id, later))?.expiresAt).toBe('2026-01-01T23:00:00.000Z')
      // Past the first expiry (12:00), within the slid one.
      expect(await web.sessions.find(id, new Date('2026-01-01T22:00:00Z'))).toBeDefined()
      expect(await web.sessions.find(id, new Date('2026-01-03T00:00:00Z'))).toBeUndefined()
      const again = await web.sessions.create('ana')
      await web.sessions.end(again.id)
      expect(await web.sessions.find(again.id)).toBeUndefined()
      expect(await web.sessions.find('not a session')).toBeUndefined()
    } finally {
      await web.close()
      await store.close()
    }
  })
})
