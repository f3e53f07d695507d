import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect } from 'vitest'
import { exportArticle } from '../../src/formats/export-article.js'
import { importTranslations, readTranslationFile } from '../../src/formats/import-translations.js'
import { readPo } from '../../src/formats/po.js'
import type { ExportFormat } from '../../src/formats/types.js'
import { buildReport } from '../../src/report/build-report.js'
import { ARTICLE, makeFixture, type Fixture } from './fixture.js'
import { itWith, pocount, run, SCHEMAS } from './tools.js'

let f: Fixture
const files: Partial<Record<ExportFormat, string>> = {}
const EXT: Record<ExportFormat, string> = {
  xliff2: 'xlf',
  xliff12: 'xlf',
  tmx: 'tmx',
  po: 'po',
  i18next: 'json',
  text: 'txt',
  original: 'txt',
}

beforeAll(async () => {
  f = await makeFixture()
  for (const format of Object.keys(EXT) as ExportFormat[]) {
    const file = join(f.dir, `${format}.${EXT[format]}`)
    writeFileSync(file, (await exportArticle(f.store, ARTICLE, 'sv', format)).body)
    files[format] = file
  }
})
afterAll(() => f.store.close())

/** Units our report counts as translated: translated, reviewed or final (stale ones among them). */
async function ourTranslated(): Promise<{ done: number; total: number }> {
  const sv = (await buildReport(f.store, { articles: [ARTICLE], summary: true })).articles[0]!
  const u = sv.languages.sv!.units
  return { done: u.translated + u.reviewed + u.final, total: sv.units }
}

describe('exports checked by tools nobody here wrote', () => {
  itWith(['xmllint', 'schemas'], 'writes XLIFF 2.0 that the OASIS core schema accepts', () => {
    const r = run('xmllint', [
      '--noout',
      '--nonet',
      '--schema',
      join(SCHEMAS, 'xliff-core-2.0.xsd'),
      files.xliff2!,
    ])
    expect(r.stderr).toContain('validates')
    expect(r.status).toBe(0)
  })

  itWith(['xmllint', 'schemas'], 'writes XLIFF 1.2 that the strict schema accepts', () => {
    const r = run('xmllint', [
      '--noout',
      '--nonet',
      '--schema',
      join(SCHEMAS, 'xliff-core-1.2-strict.xsd'),
      files.xliff12!,
    ])
    expect(r.stderr).toContain('validates')
    expect(r.status).toBe(0)
  })

  itWith(
    ['xmllint', 'schemas'],
    'writes TMX whose DOCTYPE names tmx14.dtd, valid against that DTD',
    () => {
      // --valid loads the DTD the DOCTYPE names, found on --path: proves the DOCTYPE and the content.
      const r = run('xmllint', ['--noout', '--nonet', '--path', SCHEMAS, '--valid', files.tmx!])
      expect(r.stderr).toBe('')
      expect(r.status).toBe(0)
    },
  )

  itWith(['msgfmt'], 'writes PO that msgfmt -c accepts', () => {
    const r = run('msgfmt', ['-c', '--statistics', '-o', '/dev/null', files.po!])
    expect(r.status, r.stderr).toBe(0)
    // 4 done (the stale one is fuzzy), 1 fuzzy, the draft and the untranslated one untranslated.
    expect(r.stderr.trim()).toBe(
      '3 translated messages, 1 fuzzy translation, 2 untranslated messages.',
    )
  })

  for (const format of ['xliff12', 'tmx', 'po'] as const) {
    itWith(['pocount'], `counts as many translated ${format} units as our report`, async () => {
      const ours = await ourTranslated()
      const theirs = pocount(files[format]!)
      expect(theirs.translated + theirs.fuzzy).toBe(ours.done)
      // A memory holds only translated units; the other formats hold every unit.
      expect(theirs.total).toBe(format === 'tmx' ? ours.done : ours.total)
    })
  }

  itWith(
    ['xmllint', 'schemas'],
    'has a strict schema that refuses an attribute of our own (the check bites)',
    () => {
      const bad = join(f.dir, 'custom.xlf')
      writeFileSync(
        bad,
        readFileSync(files.xliff12!, 'utf8').replace('<trans-unit ', '<trans-unit version="3" '),
      )
      const r = run('xmllint', [
        '--noout',
        '--nonet',
        '--schema',
        join(SCHEMAS, 'xliff-core-1.2-strict.xsd'),
        bad,
      ])
      expect(r.status).not.toBe(0)
      expect(r.stderr).toMatch(/attribute 'version' is not allowed/)
    },
  )

  itWith(
    ['pocount'],
    'notices when pocount could not read a file (it exits 0 on broken XML)',
    () => {
      const bad = join(f.dir, 'broken.xlf')
      writeFileSync(bad, readFileSync(files.xliff12!, 'utf8').slice(0, 300))
      expect(() => pocount(bad)).toThrow(/could not read/)
    },
  )

  itWith(['msgfmt'], 'reads back a PO file that msgcat rewrapped at 30 columns', async () => {
    const wrapped = join(f.dir, 'wrapped.po')
    const r = run('msgcat', ['--width=30', '-o', wrapped, files.po!])
    expect(r.status, r.stderr).toBe(0)
    const text = readFileSync(wrapped, 'utf8')
    expect(text).toMatch(/^"[^"]*"$/m) // continuation lines are there
    const back = readPo(text, 'wrapped.po')
    const orig = readPo(readFileSync(files.po!, 'utf8'), 'sv.po')
    expect(back).toEqual({
      ...orig,
      units: orig.units.map((u, i) => ({ ...u, line: back.units[i]!.line })),
    })
  })

  itWith(
    ['pocount'],
    'reads back XLIFF 1.2 that translate-toolkit wrote (xliff2po, fill, pomerge)',
    async () => {
      // translate-toolkit as the CAT tool: our XLIFF to PO, targets filled, merged back into our XLIFF.
      const po = join(f.dir, 'tt.po')
      const merged = join(f.dir, 'tt-merged.xlf')
      expect(run('xliff2po', ['--progress=none', files.xliff12!, po]).status).toBe(0)
      writeFileSync(
        po,
        readFileSync(po, 'utf8').replace(
          /^msgstr ""\n(?!")/gm,
          'msgstr "Fyllt av translate-toolkit"\n',
        ),
      )
      const r = run('pomerge', ['--progress=none', '-t', files.xliff12!, '-i', po, '-o', merged])
      expect(r.status, r.stderr).toBe(0)
      const report = await importTranslations(
        f.store,
        readTranslationFile(readFileSync(merged, 'utf8'), merged),
        { author: 'tt' },
      )
      // The draft and the untranslated unit are filled; the other four come back as they were.
      expect(report).toMatchObject({ updated: 2, unchanged: 4, conflicted: 0, unknown: 0 })
      const filled = await f.store.getTranslation(ARTICLE, f.units[5]!.id, 'sv')
      expect(filled).toMatchObject({
        text: 'Fyllt av translate-toolkit',
        state: 'translated',
        author: 'tt',
      })
    },
  )
})
