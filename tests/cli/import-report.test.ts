import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { ROOT, runCli, seededDb } from './run-cli.js'

const SEED_TEXT = readFileSync(join(ROOT, 'seeds/sv-general-01.txt'), 'utf8')

let dir: string
let db: string
const tolk = (args: string[], input?: string | Buffer) => runCli([...args, '--db', db], input === undefined ? {} : { input })

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tolk-cli-'))
  db = await seededDb(join(dir, 'tolk.sqlite'))
})

interface ReportJson {
  articles: {
    id: string
    units: number
    words: number
    languages: Record<string, { coverage: number; units: Record<string, number>; untranslated?: { id: string; position: number; source: string }[]; stale?: { id: string }[] }>
  }[]
}

function report(...args: string[]): ReportJson {
  const r = tolk(['report', '--format', 'json', ...args])
  expect(r.stderr).toBe('')
  expect(r.status).toBe(0)
  return JSON.parse(r.stdout) as ReportJson
}

describe('a new database', () => {
  it('is created by an import, with the seed article loaded', () => {
    db = join(dir, 'new.sqlite')
    const file = join(dir, 'en-news-01.txt')
    writeFileSync(file, 'Rain fell in Lund. It was cold.\n')
    expect(tolk(['import', file, '--lang', 'en', '--targets', 'sv']).status).toBe(0)
    const r = report('sv-general-01')
    expect(r.articles.map((a) => a.id)).toEqual(['sv-general-01'])
    const sv = r.articles[0]?.languages.sv
    expect(sv?.coverage).toBe(0)
    expect(sv?.untranslated?.[0]).toMatchObject({ position: 1, source: 'The HTS summit: A year of planning behind the lightning offensive in Syria' })
  })
})

describe('tolk import', () => {
  it('imports a file and prints the JSON summary of revision 1', () => {
    const file = join(dir, 'en-news-01.txt')
    writeFileSync(file, 'Rain fell in Lund. It was cold.\n\nThe end came soon.\n')
    const r = tolk(['import', file, '--lang', 'en', '--targets', 'sv,de', '--json'])
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({
      article: 'en-news-01',
      revision: 1,
      outcome: 'new',
      units: { kept: 0, moved: 0, stale: 0, new: 3, obsolete: 0 },
      warnings: [],
    })
  })

  it('changes nothing when an unchanged article is imported again', () => {
    const file = join(dir, 'en-news-01.txt')
    writeFileSync(file, 'Rain fell in Lund. It was cold.\n')
    tolk(['import', file, '--targets', 'sv'])
    const again = JSON.parse(tolk(['import', file, '--json']).stdout)
    expect(again).toMatchObject({ revision: 1, units: { kept: 2, new: 0, stale: 0, obsolete: 0 } })
  })

  it('keeps translations through an edit and marks the edited sentence stale', () => {
    const file = join(dir, 'en-news-01.txt')
    writeFileSync(file, 'Rain fell in Lund on Monday. It was very cold.\n\nThe end came soon.\n')
    tolk(['import', file, '--targets', 'sv'])
    const units = report('en-news-01').articles[0]?.languages.sv?.untranslated ?? []
    for (const u of units) expect(tolk(['translate', 'en-news-01', u.id, '--lang', 'sv', `sv ${u.position}`]).status).toBe(0)

    writeFileSync(file, 'Rain fell in Lund on Tuesday. It was very cold.\n\nA new sentence arrived.\n')
    const summary = JSON.parse(tolk(['import', file, '--json']).stdout)
    expect(summary).toMatchObject({ revision: 2, units: { kept: 1, stale: 1, new: 1, obsolete: 1 } })

    const sv = report('en-news-01').articles[0]?.languages.sv
    expect(sv?.stale?.map((u) => u.id)).toEqual([units[0]?.id])
    expect(sv?.untranslated?.map((u) => u.source)).toEqual(['A new sentence arrived.'])
    expect(sv?.units).toMatchObject({ translated: 2, stale: 1, initial: 1 })
  })

  it('writes nothing on a dry run', () => {
    const file = join(dir, 'en-news-02.txt')
    writeFileSync(file, 'Only a test.\n')
    const r = tolk(['import', file, '--targets', 'sv', '--dry-run', '--json'])
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ article: 'en-news-02', revision: 1, units: { new: 1 } })
    expect(report().articles.map((a) => a.id)).not.toContain('en-news-02')
  })

  it('imports a folder, skipping a bad file and exiting 1', () => {
    const folder = join(dir, 'articles')
    mkdirSync(folder)
    writeFileSync(join(folder, 'en-news-01.txt'), 'First article here.\n')
    writeFileSync(join(folder, 'en-news-02.md'), '# A heading\n\nSecond article here.\n')
    writeFileSync(join(folder, 'en-news-03.txt'), Buffer.from([0xc3, 0x28]))
    writeFileSync(join(folder, 'notes.json'), '{}')
    const r = tolk(['import', folder, '--targets', 'sv'])
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/skipped en-news-03.txt: .*not valid UTF-8/)
    expect(r.stdout).toMatch(/2 of 3 files imported/)
    expect(report().articles.map((a) => a.id).sort()).toEqual(['en-news-01', 'en-news-02', 'sv-general-01'])
  })

  it.each([
    ['an id outside the rule', ['--id', '../x', '--tag', 'en-news'], 'Hello.', /invalid article id/],
    ['an unknown language', ['--lang', 'xx'], 'Hello there.', /unknown language tag "xx"/],
    ['a target equal to the text language', ['--lang', 'en', '--targets', 'en'], 'Hello there.', /is the text language/],
    ['an empty file', [], '', /is empty/],
    ['invalid UTF-8', [], Buffer.from([0xff, 0xfe, 0x41]), /not valid UTF-8/],
  ])('refuses %s with one line, exit 2 and nothing written', (_name, flags, content, message) => {
    const file = join(dir, 'en-news-09.txt')
    writeFileSync(file, content)
    const r = tolk(['import', file, '--targets', 'sv', ...flags])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(report().articles.map((a) => a.id)).toEqual(['sv-general-01'])
  })
})

describe('tolk translate', () => {
  it('writes a translation with history and refuses a stale --if-version', () => {
    const unit = report().articles[0]?.languages.sv?.untranslated?.[0]?.id as string
    const first = tolk(['translate', 'sv-general-01', unit, '--lang', 'sv', '--if-version', '0', 'HTS-toppmötet'])
    expect(first).toMatchObject({ status: 0, stdout: `sv-general-01 ${unit} sv: version 1, translated\n` })
    const late = tolk(['translate', 'sv-general-01', unit, '--lang', 'sv', '--if-version', '0', 'Något annat'])
    expect(late.status).toBe(1)
    expect(late.stderr).toMatch(/version 1, not 0/)
    expect(report().articles[0]?.languages.sv?.units.translated).toBe(1)
  })

  it('reads the text from standard input with -', () => {
    const unit = report().articles[0]?.languages.sv?.untranslated?.[1]?.id as string
    const r = tolk(['translate', 'sv-general-01', unit, '--lang', 'sv', '--state', 'reviewed', '-'], 'Det var redan…\n')
    expect(r.status).toBe(0)
    expect(report().articles[0]?.languages.sv?.units.reviewed).toBe(1)
  })

  it.each([
    ['an unknown unit', ['sv-general-01', 'nope', '--lang', 'sv', 'x'], /nope/],
    ['an unknown article', ['sv-general-99', 'nope', '--lang', 'sv', 'x'], /sv-general-99/],
    ['a language that is not a target', ['sv-general-01', 'UNIT', '--lang', 'fi', 'x'], /fi/],
    ['an unknown state', ['sv-general-01', 'UNIT', '--lang', 'sv', '--state', 'done', 'x'], /unknown --state/],
  ])('refuses %s with exit 2', (_name, args, message) => {
    const unit = report().articles[0]?.languages.sv?.untranslated?.[0]?.id as string
    const r = tolk(['translate', ...args.map((a) => (a === 'UNIT' ? unit : a))])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(message)
  })
})

describe('tolk report', () => {
  it('prints a table for a person', () => {
    const r = tolk(['report', '--summary'])
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^article\s+lang\s+coverage/)
    expect(r.stdout).toMatch(/sv-general-01\s+sv\s+0\.0 %/)
  })

  it('refuses an unknown article with exit 2', () => {
    const r = tolk(['report', 'nope-01'])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/no article nope-01/)
  })
})

describe('tolk backup', () => {
  it('writes a copy that holds the same articles', () => {
    report()
    const copy = join(dir, 'copy.sqlite')
    expect(tolk(['backup', copy]).status).toBe(0)
    const r = runCli(['report', '--format', 'json', '--summary', '--db', copy])
    expect(JSON.parse(r.stdout).articles.map((a: { id: string }) => a.id)).toEqual(['sv-general-01'])
    expect(tolk(['backup', copy]).status).toBe(2)
  })
})
