import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { itWith } from '../tools/need.js'
import { runCli } from './run-cli.js'

const dir = mkdtempSync(join(tmpdir(), 'tolk-terms-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let n = 0
const freshDb = () => join(dir, `db-${++n}`, 'tolk.sqlite')
const fixture = new URL('../terms/fixtures/basic.tbx', import.meta.url).pathname

describe('tolk terms', () => {
  it('imports a TBX-Basic file, searches it, exports it as TBX and CSV, and imports the export again', () => {
    const db = freshDb()
    const imp = runCli(['terms', 'import', fixture, '--tag', 'sv-general', '--db', db])
    expect(imp.stderr).toBe('')
    expect(imp.stdout).toBe(`${fixture}: 2 entries added to sv-general\n`)
    const found = runCli(['terms', 'search', 'ÄLV', '--tag', 'sv-general', '--db', db])
    expect(found.stdout).toBe('1\ten: river (preferred); sv: å (preferred); sv: älv (deprecated); sv: flod (forbidden)\n')
    const json = JSON.parse(runCli(['terms', 'search', 'transl', '--tag', 'sv-general', '--format', 'json', '--db', db]).stdout)
    expect(json.entries[0].terms[0]).toEqual({ lang: 'en', text: 'translate', pos: 'verb', status: 'admitted', caseSensitive: false })
    for (const format of ['tbx', 'csv']) {
      const out = join(dir, `export-${n}.${format}`)
      expect(runCli(['terms', 'export', '--tag', 'sv-general', '--format', format, '--output', out, '--db', db]).status).toBe(0)
      expect(runCli(['terms', 'import', out, '--tag', `sv-${format}copy`, '--db', db]).stdout).toContain('2 entries added to')
      const again = JSON.parse(runCli(['terms', 'search', 'flod', '--tag', `sv-${format}copy`, '--format', 'json', '--db', db]).stdout)
      expect(again.entries[0].terms.map((t: { status: string }) => t.status)).toEqual(['preferred', 'preferred', 'deprecated', 'forbidden'])
      expect(again.entries[0].note).toBe('Water flowing in a channel.')
    }
  })

  it('adds an entry and sets the tags a termbase uses', () => {
    const db = freshDb()
    const add = runCli(['terms', 'add', '--tag', 'sv-news', '--term', 'en=lake', '--term', 'sv=sjö', '--status', 'sv=preferred', '--pos', 'en=noun', '--db', db])
    expect(add.stdout).toBe('added entry 1 to sv-news: 1\ten: lake; sv: sjö (preferred)\n')
    expect(runCli(['terms', 'use', '--tag', 'sv-news', 'sv-general', 'sv-legal', '--db', db]).stdout).toBe('sv-news uses sv-general, sv-legal\n')
    expect(runCli(['terms', 'use', '--tag', 'sv-news', '--db', db]).stdout).toBe('sv-news uses no other termbase\n')
  })

  it('refuses bad input with one line and exit 2, importing nothing', () => {
    const db = freshDb()
    const bad = join(dir, 'bad.csv')
    writeFileSync(bad, 'en,sv,sv:status\nriver,å,preferred\nlake,sjö,nice\n')
    const hostile = join(dir, 'hostile.tbx')
    writeFileSync(hostile, readFileSync(fixture, 'utf8').replace('SYSTEM "TBXBasiccoreStructV02.dtd"', '[<!ENTITY x SYSTEM "file:///etc/passwd">]'))
    for (const args of [
      ['terms', 'import', bad, '--tag', 'sv-general'],
      ['terms', 'import', hostile, '--tag', 'sv-general'],
      ['terms', 'import', join(dir, 'missing.tbx'), '--tag', 'sv-general'],
      ['terms', 'import', fixture, '--tag', 'general'],
      ['terms', 'import', fixture],
      ['terms', 'import', fixture, '--tag', 'sv-general', '--map', 'xx'],
      ['terms', 'add', '--tag', 'sv-general', '--term', 'en=x', '--status', 'sv=preferred'],
      ['terms', 'export', '--tag', 'sv-general', '--format', 'xml'],
      ['terms', 'frobnicate', '--tag', 'sv-general'],
    ]) {
      const r = runCli([...args, '--db', db])
      expect(r.status, args.join(' ')).toBe(2)
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1)
    }
    expect(runCli(['terms', 'import', bad, '--tag', 'sv-general', '--db', db]).stderr).toMatch(/entry 2: status "nice"/)
    expect(JSON.parse(runCli(['terms', 'search', 'river', '--tag', 'sv-general', '--format', 'json', '--db', db]).stdout).entries).toEqual([])
  })

  itWith(['pocount'], "imports csv2tbx's output with --map xx=sv", () => {
    const db = freshDb()
    const csv = join(dir, 'g.csv')
    const tbx = join(dir, 'g.tbx')
    writeFileSync(csv, 'source,target\nriver,å\ntranslation memory,översättningsminne\n')
    expect(spawnSync('csv2tbx', [csv, tbx]).status).toBe(0)
    expect(runCli(['terms', 'import', tbx, '--tag', 'sv-general', '--db', db]).stderr).toMatch(/--map xx=sv/)
    expect(runCli(['terms', 'import', tbx, '--tag', 'sv-general', '--map', 'xx=sv', '--db', db]).stdout).toBe(`${tbx}: 2 entries added to sv-general\n`)
    const json = JSON.parse(runCli(['terms', 'search', 'minne', '--tag', 'sv-general', '--lang', 'sv', '--format', 'json', '--db', db]).stdout)
    expect(json.entries[0].terms.map((t: { lang: string; text: string }) => `${t.lang}:${t.text}`)).toEqual(['en:translation memory', 'sv:översättningsminne'])
  })
})
