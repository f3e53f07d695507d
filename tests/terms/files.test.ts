import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { writeTermsCsv } from '../../src/terms/csv.js'
import { readTermsFile } from '../../src/terms/read-terms-file.js'
import { writeTbx } from '../../src/terms/tbx.js'
import type { TermEntry } from '../../src/terms/types.js'
import { itWith } from '../tools/need.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-terms-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
const fixture = (name: string) => fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
const stored = (entries: ReturnType<typeof readTermsFile>): TermEntry[] =>
  entries.map((e, i) => ({
    id: i + 1, tag: 'sv-general', version: 1, updatedAt: '', updatedBy: 't',
    ...(e.note ? { note: e.note } : {}),
    terms: e.terms.map((t) => ({ ...t, status: t.status ?? 'admitted', caseSensitive: t.caseSensitive ?? false })),
  }))

describe('termbase files', () => {
  it('reads a TBX-Basic file with its statuses, parts of speech and notes', () => {
    const entries = readTermsFile(fixture('basic.tbx'), 'basic.tbx')
    expect(entries).toEqual([
      {
        note: 'Water flowing in a channel.',
        terms: [
          { lang: 'en', text: 'river', pos: 'noun', status: 'preferred' },
          { lang: 'sv', text: 'å', pos: 'noun', status: 'preferred', note: 'In news, not älv.' },
          { lang: 'sv', text: 'älv', status: 'deprecated' },
          { lang: 'sv', text: 'flod', status: 'forbidden' },
        ],
      },
      { terms: [{ lang: 'en', text: 'translate', pos: 'verb', status: 'admitted' }, { lang: 'sv', text: 'översätta', pos: 'verb' }] },
    ])
  })

  it('reads TBX 2019 (<tbx>, conceptEntry)', () => {
    const v3 = `<?xml version="1.0"?><tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
      <tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
      <text><body><conceptEntry id="1"><langSec xml:lang="en"><termSec><term>lake</term>
        <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
        <langSec xml:lang="sv"><termSec><term>sjö</term></termSec></langSec></conceptEntry></body></text></tbx>`
    expect(readTermsFile(v3, 'v3.tbx')).toEqual([{ terms: [{ lang: 'en', text: 'lake', status: 'preferred' }, { lang: 'sv', text: 'sjö' }] }])
  })

  it('accepts a DOCTYPE that only names its DTD, and refuses entity declarations and other XML', () => {
    const body = '<martif type="TBX"><text><body><termEntry><langSet xml:lang="en"><tig><term>x&e;</term></tig></langSet></termEntry></body></text></martif>'
    const named = fixture('basic.tbx').replace('SYSTEM "TBXBasiccoreStructV02.dtd"', 'PUBLIC "ISO 12200:1999A//DTD MARTIF core (DXFcdV04)//EN" "http://127.0.0.1:9/never.dtd"')
    expect(readTermsFile(named, 'a.tbx')).toHaveLength(2)
    const hostile = `<?xml version="1.0"?><!DOCTYPE martif [<!ENTITY e SYSTEM "file:///etc/passwd">]>${body}`
    expect(() => readTermsFile(hostile, 'h.tbx')).toThrow(/DOCTYPE may only name its DTD/)
    const laughs = `<?xml version="1.0"?><!DOCTYPE martif SYSTEM "x.dtd" [<!ENTITY e "lol">]>${body}`
    expect(() => readTermsFile(laughs, 'l.tbx')).toThrow(/DOCTYPE may only name/)
    expect(() => readTermsFile(body, 'u.tbx')).toThrow(/malformed|entity/i) // an undeclared entity
    expect(() => readTermsFile('<tmx><body/></tmx>', 'x.tbx')).toThrow(/not <martif>/)
  })

  it('reads CSV and TSV with a header of languages, statuses, parts of speech and notes', () => {
    const csv = 'en,sv,sv:status,sv:pos,note\nriver,å,preferred,noun,"Flowing, water"\nlake,,,,\n'
    expect(readTermsFile(csv, 'g.csv')).toEqual([
      { note: 'Flowing, water', terms: [{ lang: 'en', text: 'river' }, { lang: 'sv', text: 'å', status: 'preferred', pos: 'noun' }] },
      { terms: [{ lang: 'en', text: 'lake' }] },
    ])
    expect(readTermsFile('en\tsv\tsv:status\nriver\tälv\tforbidden\n', 'g.tsv')).toEqual([
      { terms: [{ lang: 'en', text: 'river' }, { lang: 'sv', text: 'älv', status: 'forbidden' }] },
    ])
    expect(() => readTermsFile('sv:status,en\nx,y\n', 'g.csv')).toThrow(/comes before any sv column/)
    expect(() => readTermsFile('en,foo bar\nx,y\n', 'g.csv')).toThrow(/not a language tag/)
    expect(() => readTermsFile('en,xx\nx,y\n', 'g.csv')).toThrow(/--map xx=sv/)
  })

  it('writes CSV that reads back the same, two terms of one language included', () => {
    const entries = stored(readTermsFile(fixture('basic.tbx'), 'basic.tbx'))
    const back = stored(readTermsFile(writeTermsCsv(entries, ['en', 'sv']), 'back.csv'))
    expect(back).toEqual(entries)
  })

  it('writes TBX-Basic that reads back the same', () => {
    const entries = stored(readTermsFile(fixture('basic.tbx'), 'basic.tbx'))
    entries[1]!.terms[0]!.caseSensitive = true
    expect(stored(readTermsFile(writeTbx(entries, 'en'), 'back.tbx'))).toEqual(entries)
  })

  itWith(['pocount'], 'imports what csv2tbx writes, its xx mapped to sv', () => {
    const csv = path.join(dir, 'glossary.csv')
    const tbx = path.join(dir, 'glossary.tbx')
    fs.writeFileSync(csv, 'source,target\nriver,å\ntranslation memory,översättningsminne\n"bank, river",strand\n')
    const r = spawnSync('csv2tbx', [csv, tbx])
    expect(r.status, r.stderr.toString()).toBe(0)
    const text = fs.readFileSync(tbx, 'utf8')
    expect(text).toContain('<!DOCTYPE martif')
    expect(() => readTermsFile(text, 'glossary.tbx')).toThrow(/--map xx=sv/)
    expect(readTermsFile(text, 'glossary.tbx', { xx: 'sv' })).toEqual([
      { terms: [{ lang: 'en', text: 'river' }, { lang: 'sv', text: 'å' }] },
      { terms: [{ lang: 'en', text: 'translation memory' }, { lang: 'sv', text: 'översättningsminne' }] },
      { terms: [{ lang: 'en', text: 'bank, river' }, { lang: 'sv', text: 'strand' }] },
    ])
  })

  itWith(['pocount'], "writes TBX that translate-toolkit's tbx2po reads with as many entries", () => {
    const entries = stored(readTermsFile(fixture('basic.tbx'), 'basic.tbx'))
    entries.push({ id: 9, tag: 'sv-general', version: 1, updatedAt: '', updatedBy: 't', terms: [{ lang: 'en', text: 'A & <B>', status: 'admitted', caseSensitive: false }, { lang: 'sv', text: 'A & <B>', status: 'admitted', caseSensitive: false }] })
    const tbx = path.join(dir, 'tolk.tbx')
    const po = path.join(dir, 'tolk.po')
    fs.writeFileSync(tbx, writeTbx(entries, 'en'))
    const r = spawnSync('tbx2po', [tbx, po])
    expect(r.status, r.stderr.toString()).toBe(0)
    const msgids = fs.readFileSync(po, 'utf8').split('\n').filter((l) => l.startsWith('msgid "') && l !== 'msgid ""')
    expect(msgids).toHaveLength(entries.length)
    expect(msgids).toContain('msgid "A & <B>"')
  })
})
