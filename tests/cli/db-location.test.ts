import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-dbloc-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('--db names a SQLite file or a PostgreSQL database', () => {
  it.each([
    [['report', '--db', 'mysql://root@127.0.0.1/tolk'], /unknown database kind; give a SQLite file, sqlite:PATH or a postgres:\/\/ URL/],
    [['import', 'seeds/sv-general-01.txt', '--db', 'sqlite:'], /names no file; write sqlite:PATH/],
    [['report', '--db', 'postgres://tolk:hunter2@[nope'], /is not a valid postgres:\/\/ URL/],
  ])('refuses %j in one line, exit 2, creating nothing', (args, message) => {
    const r = runCli(args, { env: { TOLK_DB: '' } })
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).not.toContain('hunter2')
    expect(fs.existsSync(path.join(process.cwd(), 'mysql:'))).toBe(false)
  })

  it('sqlite:PATH is the file at PATH', async () => {
    const file = path.join(dir, 'via-prefix', 'tolk.sqlite')
    const r = runCli(['import', 'seeds/sv-general-01.txt', '--id', 'sv-general-01', '--db', `sqlite:${file}`])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(fs.existsSync(file)).toBe(true)
    const report = runCli(['report', '--format', 'json', '--db', file])
    expect(report.status).toBe(0)
    expect(JSON.parse(report.stdout).articles.map((a: { id: string }) => a.id)).toContain('sv-general-01')
  })

  it('tolk backup of a PostgreSQL database names pg_dump, without the password, and writes nothing', () => {
    const target = path.join(dir, 'backup.sqlite')
    const r = runCli(['backup', target, '--db', 'postgres://tolk:hunter2@127.0.0.1:5432/tolk'])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain(`pg_dump --format=custom --file ${target} 'postgres://tolk:***@127.0.0.1:5432/tolk'`)
    expect(r.stderr).not.toContain('hunter2')
    expect(fs.existsSync(target)).toBe(false)
  })
})
