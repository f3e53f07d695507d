import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

const dir = mkdtempSync(join(tmpdir(), 'tolk-align-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let n = 0
const freshDb = () => join(dir, `db-${++n}`, 'tolk.sqlite')

const EN = 'Storm leaves homes without power\n\nA storm with winds of up to 32 metres per second swept across the east coast on Sunday night. On Monday morning, about 40,000 households were still without electricity. Most of them are in Uppsala and Gävleborg.\n'
const SV = 'Stormen lämnar hushåll utan ström\n\nEn storm med vindar på upp till 32 meter per sekund drog in över ostkusten natten mot måndag. På måndagsmorgonen var omkring 40 000 hushåll fortfarande utan el. De flesta finns i Uppsala och Gävleborg.\n'
const files = () => {
  const en = join(dir, `en-${n}.txt`)
  const sv = join(dir, `sv-${n}.txt`)
  writeFileSync(en, EN)
  writeFileSync(sv, SV)
  return { en, sv }
}

describe('tolk align', () => {
  it('prints the pairs on a dry run, then stores them, then skips what is translated', () => {
    const db = freshDb()
    const { en, sv } = files()
    expect(runCli(['import', en, '--id', 'en-news-01', '--tag', 'en-news', '--lang', 'en', '--targets', 'sv', '--db', db]).status).toBe(0)
    const dry = runCli(['align', 'en-news-01', '--lang', 'sv', sv, '--dry-run', '--db', db])
    expect(dry.stderr).toBe('')
    const lines = dry.stdout.trim().split('\n')
    expect(lines).toHaveLength(5)
    expect(lines[1]).toMatch(/^1-1\t\d\.\d\d\t[0-9a-f]+\tEn storm med vindar på upp till 32 meter/)
    expect(lines[4]).toBe('en-news-01 sv: 4 pairs; would write 4 units (4 as translated, the rest as drafts), 0 skipped, 0 units and 0 sentences unpaired')
    const report = () => JSON.parse(runCli(['report', 'en-news-01', '--format', 'json', '--db', db]).stdout)
    expect(report().articles[0].languages.sv.units.translated).toBe(0)
    const stored = runCli(['align', 'en-news-01', '--lang', 'sv', sv, '--as', 'bo', '--db', db])
    expect(stored.stdout).toBe('en-news-01 sv: 4 pairs; wrote 4 units (4 as translated, the rest as drafts), 0 skipped, 0 units and 0 sentences unpaired\n')
    const sv1 = report().articles[0].languages.sv
    expect(sv1.units.translated).toBe(4)
    expect(sv1.wordsByOrigin.aligned).toBe(sv1.words.translated)
    const dryAgain = runCli(['align', 'en-news-01', '--lang', 'sv', sv, '--dry-run', '--db', db])
    expect(dryAgain.stdout).toContain('would write 0 units')
    expect(dryAgain.stdout.split('\n').filter((l) => l.startsWith('would skip '))).toHaveLength(4)
    const again = runCli(['align', 'en-news-01', '--lang', 'sv', sv, '--db', db])
    expect(again.stdout).toContain('wrote 0 units')
    expect(again.stdout).toContain(', 4 skipped,')
    expect(again.stdout.split('\n').filter((l) => l.startsWith('skipped '))).toHaveLength(4)
  })

  it('exits 2 with one line for bad usage and bad input, writing nothing', () => {
    const db = freshDb()
    const { en, sv } = files()
    runCli(['import', en, '--id', 'en-news-01', '--tag', 'en-news', '--lang', 'en', '--targets', 'sv', '--db', db])
    const bin = join(dir, 'bin.txt')
    writeFileSync(bin, Buffer.from([0xff, 0xfe, 0x00, 0x41]))
    for (const args of [
      ['align', 'en-news-01', sv],
      ['align', 'en-news-01', '--lang', 'sv'],
      ['align', 'en-news-01', '--lang', 'sv', join(dir, 'nope.txt')],
      ['align', 'en-news-99', '--lang', 'sv', sv],
      ['align', 'en-news-01', '--lang', 'de', sv],
      ['align', 'en-news-01', '--lang', 'xx-!!', sv],
      ['align', 'bad id!', '--lang', 'sv', sv],
      ['align', 'en-news-01', '--lang', 'sv', bin],
    ]) {
      const r = runCli([...args, '--db', db])
      expect(r.status, args.join(' ')).toBe(2)
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1)
    }
    expect(JSON.parse(runCli(['report', 'en-news-01', '--format', 'json', '--db', db]).stdout).articles[0].languages.sv.units.initial).toBe(4)
  })

  it('refuses an i18next namespace, whose units are keys', () => {
    const db = freshDb()
    const { sv } = files()
    const tree = join(dir, `tree-${n}`)
    mkdirSync(join(tree, 'en'), { recursive: true })
    mkdirSync(join(tree, 'sv'), { recursive: true })
    writeFileSync(join(tree, 'en', 'common.json'), '{"title": "Storm leaves homes without power"}\n')
    writeFileSync(join(tree, 'sv', 'common.json'), '{}\n')
    expect(runCli(['import-locales', tree, '--source', 'en', '--db', db]).status).toBe(0)
    const r = runCli(['align', 'common', '--lang', 'sv', sv, '--db', db])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('is an i18next namespace, not an article')
  })
})

describe('tolk tm align', () => {
  it('fills the memory from a document and its translation, the source language detected', () => {
    const db = freshDb()
    const { en, sv } = files()
    const r = runCli(['tm', 'align', en, sv, '--lang', 'sv', '--db', db])
    expect(r.stderr).toBe('')
    expect(r.stdout).toMatch(/^.*en-\d+\.txt \(en\) \+ .*sv-\d+\.txt \(sv\): 4 pairs at 0\.8 or more sure, 4 entries added, 0 already held, 0 left out\n$/)
    const hits = JSON.parse(runCli(['tm', 'search', 'Uppsala', '--lang', 'sv', '--format', 'json', '--db', db]).stdout).hits
    expect(hits.map((h: { source: string; target: string }) => [h.source, h.target])).toEqual([
      ['Most of them are in Uppsala and Gävleborg.', 'De flesta finns i Uppsala och Gävleborg.'],
    ])
    expect(runCli(['tm', 'align', en, sv, '--lang', 'sv', '--source-lang', 'en', '--db', db]).stdout).toContain('0 entries added, 4 already held')
  })

  it('exits 2 for a missing language, a bad confidence, a missing file', () => {
    const db = freshDb()
    const { en, sv } = files()
    for (const args of [
      ['tm', 'align', en, sv],
      ['tm', 'align', en, '--lang', 'sv'],
      ['tm', 'align', en, sv, '--lang', 'sv', '--min-confidence', '1.5'],
      ['tm', 'align', en, sv, '--lang', 'sv', '--min-confidence', 'high'],
      ['tm', 'align', en, join(dir, 'nope.txt'), '--lang', 'sv'],
    ]) {
      const r = runCli([...args, '--db', db])
      expect(r.status, args.join(' ')).toBe(2)
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1)
    }
  })
})
