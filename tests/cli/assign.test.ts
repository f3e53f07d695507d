import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli, seededDb } from './run-cli.js'

const dir = mkdtempSync(join(tmpdir(), 'tolk-assign-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let n = 0
const freshDb = () => seededDb(join(dir, `db-${++n}`, 'tolk.sqlite'))

describe('tolk assign', () => {
  it('grants the coordinator role, splits the seed article between two translators by words, and lists what is left', async () => {
    const db = await freshDb()
    for (const [name, role] of [['ana', 'translator'], ['bo', 'reviewer'], ['cole', 'translator']]) {
      expect(runCli(['user', 'add', name!, '--role', role!, '--lang', 'sv', '--db', db]).status).toBe(0)
    }
    expect(runCli(['user', 'grant', 'cole', 'coordinator', '--lang', 'sv,de', '--db', db]).status).toBe(0)
    expect(runCli(['user', 'list', '--db', db]).stdout).toMatch(/^cole  .*coordinator:(sv,de|de,sv)/m)
    const split = runCli(['assign', 'sv-general-01', '--lang', 'sv', '--to', 'ana,bo', '--split', 'words', '--due', '2026-12-24', '--as', 'cole', '--db', db])
    expect(split.stderr).toBe('')
    expect(split.status).toBe(0)
    const lines = split.stdout.trim().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^assigned sv-general-01 sv to ana: segments 1-\d+, \d+ words \(due 2026-12-24\) \[#1\]$/)
    expect(lines[1]).toMatch(/^assigned sv-general-01 sv to bo: segments \d+-\d+, \d+ words \(due 2026-12-24\) \[#2\]$/)
    const json = JSON.parse(runCli(['assign', '--list', '--user', 'ana', '--format', 'json', '--db', db]).stdout)
    expect(json).toHaveLength(1)
    expect(json[0]).toMatchObject({ user: 'ana', lang: 'sv', by: 'cole', due: '2026-12-24', wordsLeft: json[0].words })
    const list = runCli(['assign', '--list', 'sv-general-01', '--db', db])
    expect(list.stdout).toMatch(/^#2 sv-general-01 sv bo: segments \d+-\d+, (\d+) of \1 words left, due 2026-12-24\n#1 /)
  })

  it('refuses, with one line and exit 2, what cannot be assigned', async () => {
    const db = await freshDb()
    expect(runCli(['user', 'add', 'vic', '--role', 'viewer', '--db', db]).status).toBe(0)
    expect(runCli(['user', 'add', 'ana', '--role', 'translator', '--lang', 'sv', '--db', db]).status).toBe(0)
    const cases: [string[], RegExp][] = [
      [['sv-general-01', '--lang', 'sv', '--to', 'vic'], /vic has no translator or reviewer grant for sv/],
      [['sv-general-01', '--lang', 'sv', '--to', 'nobody'], /no account nobody/],
      [['sv-general-01', '--lang', 'sv', '--to', 'ana,vic'], /add split "words"/],
      [['sv-general-01', '--lang', 'sv', '--to', 'ana', '--segments', '5-2'], /not a range/],
      [['sv-general-01', '--lang', 'sv', '--to', 'ana', '--due', '2026-13-01'], /not a date/],
      [['sv-general-01', '--lang', 'sv', '--to', 'ana', '--note', 'a\u0007b'], /control character/],
      [['sv-general-01', '--lang', 'fi', '--to', 'ana'], /fi is not a target language/],
      [['sv-general-99', '--lang', 'sv', '--to', 'ana'], /no article sv-general-99/],
      [['sv-general-01', '--to', 'ana'], /--lang sv/],
      [['sv-general-01', '--lang', 'sv'], /--to NAME/],
      [['sv-general-01', '--lang', 'sv', '--to', 'ana', '--split', 'units'], /--split takes words/],
      [['--list', '--to', 'ana'], /--list takes/],
    ]
    for (const [args, message] of cases) {
      const r = runCli(['assign', ...args, '--db', db])
      expect(r.status, args.join(' ')).toBe(2)
      expect(r.stderr, args.join(' ')).toMatch(message)
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1)
    }
    expect(runCli(['assign', '--list', '--db', db]).stdout).toBe('no assignments\n')
    expect(runCli(['assign', '--list', '--db', join(dir, 'missing.sqlite')]).status).toBe(2)
  })

  it('withdraws an assignment by its id, once: listed as withdrawn, gone from my work; bad ids are one line and exit 2', async () => {
    const db = await freshDb()
    expect(runCli(['user', 'add', 'ana', '--role', 'translator', '--lang', 'sv', '--db', db]).status).toBe(0)
    expect(runCli(['assign', 'sv-general-01', '--lang', 'sv', '--to', 'ana', '--segments', '1-2', '--db', db]).status).toBe(0)
    expect(runCli(['assign', 'sv-general-01', '--lang', 'sv', '--to', 'ana', '--segments', '3', '--db', db]).status).toBe(0)
    const done = runCli(['assign', '--withdraw', '1', '--as', 'cole', '--db', db])
    expect(done.stderr).toBe('')
    expect(done.status).toBe(0)
    expect(done.stdout).toMatch(/^withdrew #1 sv-general-01 sv ana: segments 1-2, \d+ of \d+ words left \[withdrawn by cole \d{4}-\d\d-\d\d\]\n$/)
    expect(runCli(['assign', '--list', '--db', db]).stdout).toMatch(/^#2 [^\n]*left\n#1 [^\n]*\[withdrawn by cole [^\n]*\]\n$/)
    const json = JSON.parse(runCli(['assign', '--list', '--format', 'json', '--db', db]).stdout)
    expect(json.map((a: { id: number; withdrawn: { by: string } | null }) => [a.id, a.withdrawn?.by ?? null])).toEqual([[2, null], [1, 'cole']])
    const cases: [string[], RegExp][] = [
      [['--withdraw', '1'], /assignment 1 was withdrawn already, by cole/],
      [['--withdraw', '99'], /no assignment 99/],
      [['--withdraw', '0'], /--withdraw takes an assignment id/],
      [['--withdraw', '1x'], /--withdraw takes an assignment id/],
      [['--withdraw', '1\nwithdrew #2'], /--withdraw takes an assignment id/],
      [['--withdraw', '2', '--lang', 'sv'], /--withdraw takes the assignment ID/],
      [['sv-general-01', '--withdraw', '2'], /--withdraw takes the assignment ID/],
    ]
    for (const [args, message] of cases) {
      const r = runCli(['assign', ...args, '--db', db])
      expect(r.status, args.join(' ')).toBe(2)
      expect(r.stderr, args.join(' ')).toMatch(message)
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1)
    }
    // Nothing the refusals touched: #2 stands.
    expect(JSON.parse(runCli(['assign', '--list', '--format', 'json', '--db', db]).stdout)[0].withdrawn).toBeNull()
  })
})
