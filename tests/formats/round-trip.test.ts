import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { openStore } from '../../src/store/open-store.js'
import { ROOT, runCli, seededDb } from '../cli/run-cli.js'

const ARTICLE = 'sv-general-01'
const SEED = readFileSync(join(ROOT, 'seeds/sv-general-01.txt'), 'utf8')
const EDITED_FROM = 'Made own weapons and drones'
const EDITED_TO = 'Made their own weapons and drones'

// Each test runs the real CLI up to ten times; a loaded machine can take seconds per process.
vi.setConfig({ testTimeout: 120_000 })

let dir: string
let db: string
const tolk = (...args: string[]) => runCli([...args, '--db', db])

// A new database with the seed loaded, made once; each test starts from a copy of it
// (making it took a process and the seed import per test).
let template: string
beforeAll(async () => {
  template = join(mkdtempSync(join(tmpdir(), 'tolk-roundtrip-template-')), 'tolk.sqlite')
  await seededDb(template)
  // The store closed it: everything is in the main file, no write-ahead log is left to copy.
  expect(existsSync(`${template}-wal`)).toBe(false)
})

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tolk-roundtrip-'))
  db = join(dir, 'tolk.sqlite')
  copyFileSync(template, db)
})

/** Fill every empty target the way a CAT tool would: "SV: " and the source. */
const FILL: Record<'xliff12' | 'xliff2' | 'po', (s: string) => string> = {
  xliff12: (s) =>
    s.replace(
      /<source>(.*?)<\/source>/g,
      '<source>$1</source>\n        <target state="translated">SV: $1</target>',
    ),
  xliff2: (s) =>
    s.replace(
      /<segment>\s*<source>(.*?)<\/source>/g,
      '<segment state="translated">\n        <source>$1</source>\n        <target>SV: $1</target>',
    ),
  po: (s) => s.replace(/^msgid "(.+)"\nmsgstr ""$/gm, 'msgid "$1"\nmsgstr "SV: $1"'),
}

interface ImportJson {
  updated: number
  unchanged: number
  conflicted: number
  unknown: number
  conflicts: { unitId: string; reason: string }[]
}

function importFile(file: string): { status: number | null; report: ImportJson } {
  const r = tolk('import-translations', file, '--json', '--as', 'translator')
  expect(r.stderr).toBe('')
  return { status: r.status, report: JSON.parse(r.stdout) as ImportJson }
}

function svUnits(): Record<string, number> {
  const r = tolk('report', '--format', 'json', '--summary')
  return (
    JSON.parse(r.stdout) as {
      articles: { languages: Record<string, { units: Record<string, number> }> }[]
    }
  ).articles[0]!.languages.sv!.units
}

describe.each(['xliff12', 'xliff2', 'po'] as const)('a %s round trip', (format) => {
  it('imports filled targets with history, then finds nothing new, then flags a changed source', async () => {
    const file = join(dir, `sv.${format === 'po' ? 'po' : 'xlf'}`)
    expect(
      tolk('export', ARTICLE, '--lang', 'sv', '--format', format, '--output', file).status,
    ).toBe(0)
    const filled = FILL[format](readFileSync(file, 'utf8'))
    writeFileSync(file, filled)

    const first = importFile(file)
    expect(first.status).toBe(0)
    expect(first.report).toMatchObject({ updated: 19, unchanged: 0, conflicted: 0, unknown: 0 })
    expect(svUnits()).toMatchObject({ initial: 0, translated: 19 })
    const store = await openStore(db)
    const unit = (await store.listUnits(ARTICLE))[0]!
    const history = await store.history(ARTICLE, unit.id, 'sv')
    await store.close()
    expect(history).toMatchObject([
      { version: 1, newText: `SV: ${unit.source}`, newState: 'translated', author: 'translator' },
    ])

    const again = importFile(file)
    expect(again.status).toBe(0)
    expect(again.report).toMatchObject({ updated: 0, unchanged: 19, conflicted: 0, unknown: 0 })

    const edited = join(dir, `${ARTICLE}.txt`)
    writeFileSync(edited, SEED.replace(EDITED_FROM, EDITED_TO))
    expect(tolk('import', edited).status).toBe(0)
    const old = importFile(file)
    expect(old.status).toBe(1)
    expect(old.report).toMatchObject({ updated: 0, unchanged: 18, conflicted: 1, unknown: 0 })
    expect(old.report.conflicts).toMatchObject([{ reason: 'source-changed' }])
  })

  it('reports a unit someone saved since the export as a conflict and keeps their text', () => {
    const file = join(dir, `sv.${format === 'po' ? 'po' : 'xlf'}`)
    expect(
      tolk('export', ARTICLE, '--lang', 'sv', '--format', format, '--output', file).status,
    ).toBe(0)
    writeFileSync(file, FILL[format](readFileSync(file, 'utf8')))
    const json = JSON.parse(
      tolk('export', ARTICLE, '--lang', 'sv', '--format', 'i18next').stdout,
    ) as object
    expect(json).toEqual({})
    const firstId = /(?:id="|msgctxt ")([0-9a-f]{12})"/.exec(readFileSync(file, 'utf8'))![1]!
    expect(tolk('translate', ARTICLE, firstId, '--lang', 'sv', 'Kollegans text').status).toBe(0)

    const r = importFile(file)
    expect(r.status).toBe(1)
    expect(r.report).toMatchObject({
      updated: 18,
      conflicted: 1,
      conflicts: [{ unitId: firstId, reason: 'translation-changed' }],
    })
    const now = JSON.parse(
      tolk('export', ARTICLE, '--lang', 'sv', '--format', 'i18next').stdout,
    ) as Record<string, string>
    expect(now[firstId]).toBe('Kollegans text')
  })
})

describe('tolk import-translations refuses dangerous or broken files', () => {
  const XXE = `<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
  <file original="${ARTICLE}" source-language="en" target-language="sv" datatype="plaintext"><body>
    <trans-unit id="f71894696c9e"><source>x</source><target>&xxe;</target></trans-unit>
  </body></file>
</xliff>
`
  const LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="sv">
  <file id="f1" original="${ARTICLE}"><unit id="f71894696c9e"><segment state="translated">
    <source>The HTS summit: A year of planning behind the lightning offensive in Syria</source><target>&lol9;</target>
  </segment></unit></file>
</xliff>
`
  const UNDECLARED = XXE.replace(/<!DOCTYPE[^\n]*\n/, '')

  it.each([
    ['an XXE file', XXE, /DOCTYPE is not accepted/],
    ['a billion-laughs file', LAUGHS, /DOCTYPE is not accepted/],
    ['an undeclared entity', UNDECLARED, /line 4, column \d+: undefined entity/],
    ['a truncated XLIFF', XXE.replace(/<!DOCTYPE[^\n]*\n/, '').slice(0, 200), /line \d+/],
    ['a PO file with a broken string', 'msgid "a\nmsgstr "b"\n', /line 1/],
  ])('gives exit 2 for %s and writes nothing', (_name, body, message) => {
    const file = join(dir, 'bad.xlf')
    writeFileSync(file, body)
    const r = tolk('import-translations', file)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(svUnits()).toMatchObject({ translated: 0, reviewed: 0, final: 0 })
  })

  it('counts units the article does not have as unknown (exit 1)', () => {
    const file = join(dir, 'sv.xlf')
    expect(
      tolk('export', ARTICLE, '--lang', 'sv', '--format', 'xliff12', '--output', file).status,
    ).toBe(0)
    writeFileSync(file, readFileSync(file, 'utf8').replace('id="f71894696c9e"', 'id="nosuchunit"'))
    const r = importFile(file)
    expect(r.status).toBe(1)
    expect(r.report).toMatchObject({ updated: 0, unknown: 1 })
  })
})

describe('tolk export', () => {
  it('has --help, as import-translations does', () => {
    for (const verb of ['export', 'import-translations']) {
      const r = runCli([verb, '--help'])
      expect(r.status).toBe(0)
      expect(r.stdout).toContain(`Usage: tolk ${verb} `)
    }
  })

  it('writes to standard output by default, and refuses unknown articles, languages and formats', () => {
    const po = tolk('export', ARTICLE, '--lang', 'sv', '--format', 'po')
    expect(po.status).toBe(0)
    expect(po.stdout).toContain(`"X-Tolk-Article: ${ARTICLE}\\n"`)
    expect(tolk('export', ARTICLE, '--lang', 'sv', '--format', 'text').stdout).toBe(SEED)
    for (const args of [
      ['en-news-99', '--lang', 'sv', '--format', 'po'],
      [ARTICLE, '--lang', 'fi', '--format', 'po'],
      [ARTICLE, '--lang', 'sv', '--format', 'docx'],
      [ARTICLE, '--format', 'po'],
    ]) {
      const r = tolk('export', ...args)
      expect(r.status, args.join(' ')).toBe(2)
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1)
    }
  })
})
