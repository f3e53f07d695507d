/**
 * #23 finding 3: XLIFF 2.0 units that another tool (Okapi, memoQ, OmegaT) split into segments.
 * The unit's text is its segments and ignorables joined in order; a unit not wholly translated
 * comes back as a draft that says which parts are missing, never as `translated`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importTranslations, readTranslationFile } from '../../src/formats/import-translations.js'
import { readXliff2 } from '../../src/formats/xliff2.js'
import { importText } from '../../src/import/import-text.js'
import { openStore } from '../../src/store/open-store.js'
import type { Store } from '../../src/store/types.js'
import { runCli } from '../cli/run-cli.js'

const ARTICLE = 'en-roads-01'
let store: Store
let ids: string[]
let dir: string

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tolk-seg-'))
  store = await openStore(join(dir, 'tolk.sqlite'))
  await importText(store, {
    id: ARTICLE,
    tag: 'en-roads',
    lang: 'en',
    targets: ['sv'],
    text: 'Roads are closed; use the ferry. Trains run late, buses too. The **bridge** opens on Monday.\n',
    format: 'md',
  })
  ids = (await store.listUnits(ARTICLE)).map((u) => u.id)
})
afterEach(() => store.close())

/** Tolk's XLIFF 2.0 after Okapi's segmentation step (SRX rules splitting at `;` and `,`) and a translator. */
function okapiFile(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:okp="okapi-framework:xliff-extensions" version="2.0" srcLang="en" trgLang="sv">
  <file id="f1" original="${ARTICLE}">
    <unit id="${ids[0]}" xml:space="preserve">
      <notes>
        <note category="tolk-version">0</note>
      </notes>
      <segment id="s1" state="translated">
        <source>Roads are closed;</source>
        <target>Vägarna är stängda;</target>
      </segment>
      <ignorable>
        <source> </source>
      </ignorable>
      <segment id="s2" state="translated">
        <source>use the ferry.</source>
        <target>ta färjan.</target>
      </segment>
    </unit>
    <unit id="${ids[1]}" xml:space="preserve">
      <notes>
        <note category="tolk-version">0</note>
      </notes>
      <segment id="s1" state="translated">
        <source>Trains run late,</source>
        <target>Tågen är sena,</target>
      </segment>
      <ignorable>
        <source> </source>
        <target> </target>
      </ignorable>
      <segment id="s2">
        <source>buses too.</source>
      </segment>
    </unit>
    <unit id="${ids[2]}" xml:space="preserve">
      <notes>
        <note category="tolk-version">0</note>
      </notes>
      <originalData>
        <data id="d1">**</data>
        <data id="d2">**</data>
      </originalData>
      <segment id="s1">
        <source>The <pc id="1" dataRefStart="d1" dataRefEnd="d2">bridge</pc> opens</source>
      </segment>
      <ignorable>
        <source> </source>
      </ignorable>
      <segment id="s2" state="translated">
        <source>on Monday.</source>
        <target>på måndag.</target>
      </segment>
    </unit>
  </file>
</xliff>
`
}

describe('XLIFF 2.0 units split into segments by another tool', () => {
  it('joins segments and ignorables in order; an ignorable without a target keeps its source', () => {
    const file = readXliff2(okapiFile(), 'okapi.xlf')
    expect(file.units[0]).toMatchObject({
      source: 'Roads are closed; use the ferry.',
      text: 'Vägarna är stängda; ta färjan.',
      state: 'translated',
    })
    expect(file.units[0]!.missing).toBeUndefined()
  })

  it('puts targets where their order attribute says', () => {
    const reordered = okapiFile()
      .replace('<target>Vägarna är stängda;</target>', '<target order="3">Vägarna är stängda;</target>')
      .replace('<target>ta färjan.</target>', '<target order="1">ta färjan.</target>')
      .replace('<source> </source>\n      </ignorable>\n      <segment id="s2" state="translated">\n        <source>use', '<source> </source>\n        <target order="2"> </target>\n      </ignorable>\n      <segment id="s2" state="translated">\n        <source>use')
    expect(readXliff2(reordered, 'okapi.xlf').units[0]!.text).toBe('ta färjan. Vägarna är stängda;')
  })

  it('reads a half-translated unit as a draft naming the missing segments, their source kept in [[…]]', () => {
    const file = readXliff2(okapiFile(), 'okapi.xlf')
    expect(file.units[1]).toMatchObject({
      text: 'Tågen är sena, [[buses too.]]',
      state: 'initial',
      missing: ['s2'],
    })
  })

  it('stores a half-translated unit as a draft and lists it, never as translated', async () => {
    const r = await importTranslations(store, readTranslationFile(okapiFile(), 'okapi.xlf'), {
      author: 'okapi',
    })
    expect(r).toMatchObject({ updated: 3, conflicted: 0, unknown: 0 })
    expect(r.partial).toEqual([
      { unitId: ids[1], line: 20, missing: ['s2'] },
      { unitId: ids[2], line: 36, missing: ['s1'] },
    ])
    const [a, b, c] = await Promise.all(ids.map((id) => store.getTranslation(ARTICLE, id, 'sv')))
    expect(a).toMatchObject({ text: 'Vägarna är stängda; ta färjan.', state: 'translated' })
    expect(b).toMatchObject({ text: 'Tågen är sena, [[buses too.]]', state: 'initial' })
    // The missing part keeps its codes, so the draft fits its source.
    expect(c?.state).toBe('initial')
    expect(c?.text).toMatch(/^\[\[The .*bridge.* opens\]\] på måndag\.$/)
  })

  it('tolk import-translations names each draft and its missing segments', () => {
    const file = join(dir, 'okapi.xlf')
    writeFileSync(file, okapiFile())
    const r = runCli(['import-translations', file, '--as', 'okapi', '--db', join(dir, 'tolk.sqlite')])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toContain(`draft ${ids[1]} (line 20): segments s2 not translated; kept in [[…]]`)
    expect(r.stdout).toContain(`draft ${ids[2]} (line 36): segments s1 not translated`)
  })
})
