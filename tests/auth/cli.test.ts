import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { authenticate } from '../../src/auth/tokens.js'
import { openSqliteAccounts } from '../../src/store/sqlite/accounts.js'
import { runCli } from '../cli/run-cli.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-auth-cli-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('tolk user and tolk token', () => {
  const db = path.join(dir, 'tolk.sqlite')

  it('adds a translator, grants a review role, creates, lists and revokes a token', async () => {
    const add = runCli(['user', 'add', 'ana', '--role', 'translator', '--lang', 'sv,de', '--db', db])
    expect(add.stderr).toBe('')
    expect(add.status).toBe(0)
    expect(add.stdout).toContain('translator:de,sv')
    const grant = runCli(['user', 'grant', 'ana', 'reviewer', '--lang', 'sv', '--db', db])
    expect(grant.status).toBe(0)
    expect(grant.stdout).toContain('reviewer:sv')

    const created = runCli(['token', 'create', 'ana', '--expires', '30d', '--db', db])
    expect(created.status).toBe(0)
    const lines = created.stdout.trimEnd().split('\n')
    const token = lines[lines.length - 1] as string
    expect(token).toMatch(/^tolk_[A-Za-z0-9_-]{43}$/)
    const accounts = openSqliteAccounts({ file: db })
    try {
      expect((await authenticate(accounts, token))?.account).toBe('ana')
      const list = runCli(['token', 'list', '--db', db])
      expect(list.stdout).not.toContain(token)
      const id = /^(\d+)\s+ana/m.exec(list.stdout)?.[1] as string
      expect(id).toBeTruthy()
      expect(runCli(['token', 'revoke', id, '--db', db]).status).toBe(0)
      expect(await authenticate(accounts, token)).toBeUndefined()
      expect(runCli(['token', 'list', 'ana', '--db', db]).stdout).toContain('revoked')
    } finally {
      await accounts.close()
    }
  })

  it('refuses bad usage with exit 2 and one line', () => {
    for (const args of [
      ['user', 'add', 'bo', '--role', 'translator'],
      ['user', 'add', 'bo', '--role', 'boss'],
      ['user', 'add', '../bo', '--role', 'viewer'],
      ['user', 'grant', 'nobody', 'viewer'],
      ['token', 'create', 'nobody'],
      ['token', 'create', 'ana', '--expires', 'soon'],
      ['token', 'revoke', 'x'],
      ['token'],
    ]) {
      const r = runCli([...args, '--db', db])
      expect(r.status, args.join(' ')).toBe(2)
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1)
    }
  })
})
