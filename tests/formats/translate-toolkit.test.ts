/**
 * #23 finding 2: translate-toolkit (and Pootle, Virtaal, Weblate after it) counts an XLIFF 1.2
 * target as translated only with `approved="yes"`. Tolk's export puts it on every finished unit,
 * so pocount, xliff2po and msgfmt count what Tolk counts, and a file translate-toolkit edited
 * comes back with the states it left.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect } from 'vitest'
import { exportArticle } from '../../src/formats/export-article.js'
import { importTranslations, readTranslationFile } from '../../src/formats/import-translations.js'
import { ARTICLE, makeFixture, type Fixture } from './fixture.js'
import { itWith, pocount, run } from './tools.js'

let f: Fixture
let xlf: string

beforeAll(async () => {
  f = await makeFixture()
  xlf = join(f.dir, 'sv.xlf')
  writeFileSync(xlf, (await exportArticle(f.store, ARTICLE, 'sv', 'xliff12')).body)
})
afterAll(() => f.store.close())

describe('XLIFF 1.2 as translate-toolkit reads it', () => {
  itWith(['pocount'], 'pocount counts translated, reviewed and final as translated, stale as fuzzy', () => {
    // The fixture: translated, reviewed, final, a draft, a stale translation, an untranslated unit.
    expect(pocount(xlf)).toEqual({ translated: 3, fuzzy: 1, untranslated: 2, total: 6 })
  })

  itWith(['pocount', 'msgfmt'], 'xliff2po then msgfmt -c keeps every finished unit', () => {
    const po = join(f.dir, 'tt.po')
    const r = run('xliff2po', ['--progress=none', xlf, po])
    expect(r.status, r.stderr).toBe(0)
    const m = run('msgfmt', ['-c', '--statistics', '-o', '/dev/null', po])
    expect(m.status, m.stderr).toBe(0)
    // msgfmt warns about xliff2po's default header; the last line is the count.
    expect(m.stderr.trim().split('\n').at(-1)).toBe('3 translated messages, 1 fuzzy translation, 2 untranslated messages.')
  })

  itWith(['pocount'], 'a file translate-toolkit edited comes back with the same states', async () => {
    // The translator fills the two open units in PO (one still fuzzy), then pomerge writes XLIFF.
    const po = join(f.dir, 'edit.po')
    const merged = join(f.dir, 'edit.xlf')
    expect(run('xliff2po', ['--progress=none', xlf, po]).status).toBe(0)
    let n = 0
    const filled = readFileSync(po, 'utf8').replace(/^msgstr ""\n(?!")/gm, () =>
      ++n === 1 ? 'msgstr "Regn väntas till fredag."\n' : 'msgstr "Ingen skadades."\n',
    )
    writeFileSync(po, filled.replace(/(#: [^\n]*\n)(msgid "Nobody)/, '$1#, fuzzy\n$2'))
    const r = run('pomerge', ['--progress=none', '-t', xlf, '-i', po, '-o', merged])
    expect(r.status, r.stderr).toBe(0)
    const back = readTranslationFile(readFileSync(merged, 'utf8'), merged)
    expect(back.units.map((u) => u.state)).toEqual([
      'translated',
      'reviewed',
      'final',
      'translated',
      // pomerge rewrites the stale unit (fuzzy in PO) as needs-translation: its text unchanged,
      // the import leaves it stale; the unit filled but fuzzy is a draft.
      'initial',
      'initial',
    ])
    const report = await importTranslations(f.store, back, { author: 'tt' })
    expect(report).toMatchObject({ updated: 2, unchanged: 4, conflicted: 0, unknown: 0 })
    const states = await Promise.all(
      f.units.map((u) => f.store.getTranslation(ARTICLE, u.id, 'sv')),
    )
    expect(states.map((t) => [t?.state, t?.stale ?? false])).toEqual([
      ['translated', false],
      ['reviewed', false],
      ['final', false],
      ['translated', false],
      ['translated', true],
      ['initial', false],
    ])
  })
})
