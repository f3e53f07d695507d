import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js'
import { runCli, seededDb } from './run-cli.js'

const dir = mkdtempSync(join(tmpdir(), 'tolk-comment-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let n = 0

/** A seeded database and the seed article's first two unit ids. */
async function seeded(): Promise<{ db: string; article: string; units: string[] }> {
  const db = await seededDb(join(dir, `db-${++n}`, 'tolk.sqlite'))
  const store = createSqliteStore({ file: db })
  try {
    const [a] = await store.listArticles()
    return { db, article: a!.id, units: (await store.listUnits(a!.id)).map((u) => u.id) }
  } finally {
    await store.close()
  }
}

describe('tolk comment', () => {
  it('asks a query, lists it open, replies, resolves it, and lists it as JSON', async () => {
    const { db, article, units } = await seeded()
    const env = { TOLK_USER: 'ana' }
    const add = runCli(['comment', 'add', article, units[0]!, '--query', '- which summit?', '--db', db], { env })
    expect(add.stderr).toBe('')
    expect(add.stdout).toBe(`added query 1 on ${units[0]} (source)\n`)
    expect(runCli(['comment', 'add', article, units[1]!, '--lang', 'SV', 'Keep the name', '--db', db], { env }).stdout).toBe(`added comment 2 on ${units[1]} (sv)\n`)
    expect(runCli(['comment', 'list', article, '--open', '--db', db]).stdout).toBe(`1\t${units[0]}\tsource\tquery, open\tana: - which summit?\n`)
    expect(runCli(['comment', 'reply', '1', 'The HTS one', '--as', 'rev', '--db', db]).stdout).toBe('added reply 3 to 1\n')
    const resolved = runCli(['comment', 'resolve', '1', '--as', 'rev', '--db', db])
    expect(resolved.stdout).toMatch(/^resolved 1 \(by rev, \d{4}-/)
    expect(runCli(['comment', 'list', article, '--open', '--db', db]).stdout).toBe('no open queries\n')
    const json = JSON.parse(runCli(['comment', 'list', article, '--format', 'json', '--db', db]).stdout)
    expect(json.threads.map((t: { id: number; replies: unknown[] }) => [t.id, t.replies.length])).toEqual([[1, 1], [2, 0]])
    expect(json.threads[0].resolved.by).toBe('rev')
  })

  it('refuses bad input with one line and exit 2', async () => {
    const { db, article, units } = await seeded()
    const cases: string[][] = [
      ['comment', 'add', article, units[0]!, 'x'.repeat(10_001)],
      ['comment', 'add', article, 'nope', 'hi'],
      ['comment', 'add', 'nope-01', units[0]!, 'hi'],
      ['comment', 'add', article, units[0]!, '--lang', 'xx-notalang', 'hi'],
      ['comment', 'add', article, units[0]!, 'a\u0007b'],
      ['comment', 'add', article],
      ['comment', 'resolve', 'x'],
      ['comment', 'resolve', '99'],
      ['comment', 'list', article, '--format', 'xml'],
      ['comment', 'frobnicate'],
    ]
    for (const args of cases) {
      const r = runCli([...args, '--db', db])
      expect(r.status, args.join(' ').slice(0, 60)).toBe(2)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
      expect(r.stderr).toMatch(/^tolk comment: /)
    }
    runCli(['comment', 'add', article, units[0]!, 'a remark', '--db', db])
    expect(runCli(['comment', 'resolve', '1', '--db', db]).stderr).toMatch(/is a remark, not a query/)
  })
})
