import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { runCli, seededDb } from './run-cli.js'

let dir: string
let db: string
const tolk = (args: string[], input?: string) => runCli([...args, '--db', db], input === undefined ? {} : { input })

/** en-news-01 with three units in sv: the first translated, then its sentence edited (stale). */
async function setUp(): Promise<string[]> {
  const file = join(dir, 'en-news-01.txt')
  writeFileSync(file, 'Rain fell in Lund on Monday. It was very cold.\n\nThe end came soon.\n')
  expect(tolk(['import', file, '--targets', 'sv']).status).toBe(0)
  const r = JSON.parse(tolk(['report', 'en-news-01', '--format', 'json']).stdout)
  const ids = r.articles[0].languages.sv.untranslated.map((u: { id: string }) => u.id) as string[]
  for (const id of ids) expect(tolk(['translate', 'en-news-01', id, '--lang', 'sv', '--as', 'ann', `sv ${id}`]).status).toBe(0)
  writeFileSync(file, 'Rain fell in Lund on Tuesday. It was very cold.\n\nThe end came soon.\n')
  expect(tolk(['import', file]).status).toBe(0)
  return ids
}

const svReport = () => JSON.parse(tolk(['report', 'en-news-01', '--format', 'json']).stdout).articles[0].languages.sv

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tolk-cli-review-'))
  db = await seededDb(join(dir, 'tolk.sqlite'))
})

describe('tolk translate --confirm', () => {
  it('confirms a stale translation keeping its text, and refuses one that is not stale (exit 2)', async () => {
    const ids = await setUp()
    expect(svReport().units.stale).toBe(1)
    const stale = svReport().stale[0].id as string
    const r = tolk(['translate', 'en-news-01', stale, '--lang', 'sv', '--confirm', '--as', 'bo'])
    expect(r).toMatchObject({ status: 0, stdout: `en-news-01 ${stale} sv: version 2, translated, confirmed\n` })
    expect(svReport().units.stale).toBe(0)
    const again = tolk(['translate', 'en-news-01', stale, '--lang', 'sv', '--confirm'])
    expect(again.status).toBe(2)
    expect(again.stderr).toMatch(/not stale/)
    const other = ids.find((id) => id !== stale) as string
    const differs = tolk(['translate', 'en-news-01', other, '--lang', 'sv', '--confirm', 'another text'])
    expect(differs.status).toBe(2)
    const late = tolk(['translate', 'en-news-01', stale, '--lang', 'sv', '--confirm', '--if-version', '1'])
    expect(late.status).toBe(1)
  })
})

describe('tolk translate --state rejected --reason', () => {
  it('rejects with a reason, lists the unit as rejected in the report, and an edit moves it back', async () => {
    const ids = await setUp()
    const unit = ids[2] as string
    const r = tolk(['translate', 'en-news-01', unit, '--lang', 'sv', '--state', 'rejected', '--reason', 'Too literal', '--as', 'rita'])
    expect(r).toMatchObject({ status: 0, stdout: `en-news-01 ${unit} sv: version 2, rejected\n` })
    const sv = svReport()
    expect(sv.units.rejected).toBe(1)
    expect(sv.rejected.map((u: { id: string }) => u.id)).toEqual([unit])
    expect(sv.untranslated).toEqual([])
    const text = tolk(['report', 'en-news-01'])
    expect(text.stdout).toMatch(/rejected/)
    expect(tolk(['translate', 'en-news-01', unit, '--lang', 'sv', 'Slutet kom snart.']).status).toBe(0)
    expect(svReport().units.rejected).toBe(0)
  })

  it.each([
    ['no reason', ['--state', 'rejected'], /needs --reason/],
    ['a reason without rejecting', ['--reason', 'x', 'text'], /--reason goes with --state rejected/],
    ['a reason over 2,000 characters', ['--state', 'rejected', '--reason', 'x'.repeat(2001)], /at most 2000/],
    ['confirm and reject together', ['--state', 'rejected', '--reason', 'x', '--confirm'], /does not go with/],
  ])('refuses %s with exit 2', async (_name, extra, message) => {
    const ids = await setUp()
    const r = tolk(['translate', 'en-news-01', ids[2] as string, '--lang', 'sv', ...extra])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(message)
  })
})
