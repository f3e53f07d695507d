/**
 * Codes as the formats' own inline markup: a Markdown article with emphasis, a link and a code span
 * exported as XLIFF 2.0 (`<pc>`/`<ph>` with `<originalData>`), XLIFF 1.2 (`<g>`/`<x/>`) and TMX
 * (`<bpt>`/`<ept>`/`<ph>`), validated by xmllint and read by pocount; a target edited as a CAT tool
 * would (a code moved) comes back through import-translations as tagged text; files other tools
 * wrote (`<sc>`/`<ec>`, `<bx>`/`<ex>`, `<bpt>`/`<ept>`) are read too.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkFiles } from '../../src/check/check-files.js'
import { exportArticle } from '../../src/formats/export-article.js'
import { importTranslations, readTranslationFile } from '../../src/formats/import-translations.js'
import type { ExportFormat } from '../../src/formats/types.js'
import { importText } from '../../src/import/import-text.js'
import type { StoredUnit } from '../../src/model/translation.js'
import { openStore } from '../../src/store/open-store.js'
import type { Store } from '../../src/store/types.js'
import { runCli } from '../cli/run-cli.js'
import { itWith, pocount, run, SCHEMAS } from './tools.js'

const ID = 'en-guide-codes'
const MD = [
  '# Guide',
  '',
  'Read the **manual** and the [guide](https://example.org/guide?a=1&b=2 "The guide") before you run `tolk <init>`.',
  '',
  'Nothing else here.',
  '',
].join('\n')
/** The sentence's unit (the link title "The guide" is a unit of its own). */
const SOURCE = 'Read the ⟦1⟧manual⟦/1⟧ and the ⟦2⟧guide⟦/2⟧ before you run ⟦3/⟧.'
const TARGET = 'Läs ⟦1⟧handboken⟦/1⟧ och ⟦2⟧guiden⟦/2⟧ innan du kör ⟦3/⟧.'
/** The target edited in a CAT tool: the code span moved to the front, the link before the emphasis. */
const MOVED = 'Kör ⟦3/⟧ först, men läs ⟦2⟧guiden⟦/2⟧ och ⟦1⟧handboken⟦/1⟧.'

let dir: string
let store: Store
let unit: StoredUnit
const files: Partial<Record<ExportFormat, string>> = {}

async function exported(format: ExportFormat): Promise<string> {
  return (await exportArticle(store, ID, 'sv', format)).body
}

/** Replace the `<target>` of the unit with codes in an XLIFF file. */
function withTarget(xlf: string, target: string): string {
  const at = xlf.indexOf(`id="${unit.id}"`)
  const start = xlf.indexOf('<target', at)
  const end = xlf.indexOf('</target>', start)
  const open = xlf.slice(start, xlf.indexOf('>', start) + 1)
  return xlf.slice(0, start) + open + target + xlf.slice(end)
}

async function importFile(body: string, name: string) {
  return importTranslations(store, readTranslationFile(body, name), { author: 'cat' })
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tolk-codes-'))
  store = await openStore(join(dir, 'tolk.sqlite'))
  await importText(store, { id: ID, tag: 'en-guide', lang: 'en', targets: ['sv'], text: MD, format: 'md' })
  unit = (await store.listUnits(ID)).find((u) => u.source.startsWith('Read'))!
  await store.writeTranslation({ articleId: ID, unitId: unit.id, lang: 'sv', text: TARGET, state: 'translated', author: 'ana' })
  for (const [format, ext] of [['xliff2', 'xlf'], ['xliff12', 'xlf'], ['tmx', 'tmx'], ['po', 'po']] as const) {
    files[format] = join(dir, `${format}.${ext}`)
    writeFileSync(files[format]!, await exported(format))
  }
})
afterAll(async () => {
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('codes as inline markup in the exports', () => {
  it('the unit holds tagged text and its codes', () => {
    expect(unit.source).toBe(SOURCE)
    expect(unit.codes?.map((c) => c.kind)).toEqual(['paired', 'paired', 'standalone'])
  })

  it('XLIFF 2.0: <pc>/<ph> pointing into <originalData>, which holds the escaped markup', async () => {
    const x = await exported('xliff2')
    expect(x).toContain(
      '<source>Read the <pc id="1" dataRefStart="d1o" dataRefEnd="d1c" type="fmt">manual</pc> and the ' +
        '<pc id="2" dataRefStart="d2o" dataRefEnd="d2c" type="link">guide</pc> before you run <ph id="3" dataRef="d3"/>.</source>',
    )
    expect(x).toContain('<target>Läs <pc id="1" dataRefStart="d1o" dataRefEnd="d1c" type="fmt">handboken</pc>')
    expect(x).toContain('<data id="d1o">**</data>')
    // The link title is a unit of its own: its place in the markup is left empty.
    expect(x).toContain('<data id="d2c">](https://example.org/guide?a=1&amp;b=2 "")</data>')
    expect(x).toContain('<data id="d3">`tolk &lt;init&gt;`</data>')
    expect(x).not.toContain('⟦')
    // The unit without codes has no <originalData>.
    expect(x.match(/<originalData>/g)).toHaveLength(1)
  })

  it('XLIFF 1.2: <g>/<x/> with ctype', async () => {
    const x = await exported('xliff12')
    expect(x).toContain(
      '<source>Read the <g id="1" ctype="bold">manual</g> and the <g id="2" ctype="link">guide</g> before you run <x id="3" ctype="x-code"/>.</source>',
    )
    expect(x).toContain('<target state="translated">Läs <g id="1" ctype="bold">handboken</g> och <g id="2" ctype="link">guiden</g> innan du kör <x id="3" ctype="x-code"/>.</target>')
  })

  it('TMX: <bpt>/<ept>/<ph> holding the escaped original markup', async () => {
    const x = await exported('tmx')
    expect(x).toContain(
      '<seg>Read the <bpt i="1" x="1">**</bpt>manual<ept i="1">**</ept> and the <bpt i="2" x="2">[</bpt>guide' +
        '<ept i="2">](https://example.org/guide?a=1&amp;b=2 "")</ept> before you run <ph x="3">`tolk &lt;init&gt;`</ph>.</seg>',
    )
  })

  it('PO keeps the tagged text, and it comes back as it went', async () => {
    const po = await exported('po')
    expect(po).toContain(`msgid "${SOURCE}"`)
    expect(po).toContain(`msgstr "${TARGET}"`)
    const file = readTranslationFile(po, 'sv.po')
    expect(file.units.find((u) => u.unitId === unit.id)).toMatchObject({ source: SOURCE, text: TARGET })
  })

  it('an old translation whose codes do not balance is still written as valid markup', async () => {
    const { writeInline } = await import('../../src/formats/inline-codes.js')
    const esc = (s: string) => s
    expect(writeInline('a ⟦1⟧b ⟦2⟧c⟦/1⟧ d', unit.codes, 'xliff2', esc)).toBe('a <sc id="1" dataRef="d1o" type="fmt"/>b <sc id="2" dataRef="d2o" type="link"/>c<ec startRef="1" dataRef="d1c"/> d')
    expect(writeInline('a ⟦1⟧b', unit.codes, 'xliff12', esc)).toBe('a <bx id="1" rid="1" ctype="bold"/>b')
    expect(writeInline('a ⟦1⟧b', unit.codes, 'tmx', esc)).toBe('a <it pos="begin" x="1">**</it>b')
    expect(writeInline('a ⟦x', unit.codes, 'tmx', esc)).toBe('a ⟦x')
  })
})

describe('the exports with codes checked by other tools', () => {
  itWith(['xmllint', 'schemas'], 'XLIFF 2.0 validates against the OASIS core schema', () => {
    const r = run('xmllint', ['--noout', '--nonet', '--schema', join(SCHEMAS, 'xliff-core-2.0.xsd'), files.xliff2!])
    expect(r.stderr).toContain('validates')
    expect(r.status).toBe(0)
  })
  itWith(['xmllint', 'schemas'], 'XLIFF 1.2 validates against the strict schema', () => {
    const r = run('xmllint', ['--noout', '--nonet', '--schema', join(SCHEMAS, 'xliff-core-1.2-strict.xsd'), files.xliff12!])
    expect(r.stderr).toContain('validates')
    expect(r.status).toBe(0)
  })
  itWith(['xmllint', 'schemas'], 'TMX validates against the TMX 1.4 DTD', () => {
    const r = run('xmllint', ['--noout', '--nonet', '--path', SCHEMAS, '--valid', files.tmx!])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
  })
  itWith(['xmllint', 'schemas'], 'the unbalanced forms validate too', async () => {
    const { writeInline } = await import('../../src/formats/inline-codes.js')
    const body = readFileSync(files.xliff2!, 'utf8').replace(/<target>.*?<\/target>/, `<target>${writeInline('a ⟦1⟧b ⟦2⟧c⟦/1⟧ d⟦3/⟧', unit.codes, 'xliff2', (s) => s)}</target>`)
    const file = join(dir, 'unbalanced.xlf')
    writeFileSync(file, body)
    const r = run('xmllint', ['--noout', '--nonet', '--schema', join(SCHEMAS, 'xliff-core-2.0.xsd'), file])
    expect(r.status, r.stderr).toBe(0)
  })
  // translate-toolkit does not read XLIFF 2.0.
  for (const format of ['xliff12', 'tmx'] as const) {
    itWith(['pocount'], `pocount reads every ${format} unit`, () => {
      const n = pocount(files[format]!)
      // A memory holds only translated units; XLIFF holds all four (the link title is one).
      expect(n.total).toBe(format === 'tmx' ? 1 : 4)
      // The translated unit: approved="yes" in XLIFF 1.2, so translated, not fuzzy (#23).
      expect([n.translated, n.fuzzy]).toEqual([1, 0])
    })
  }
})

describe('codes read back by import-translations', () => {
  for (const [format, moved] of [
    ['xliff2', 'Kör <ph id="3" dataRef="d3"/> först, men läs <pc id="2" dataRefStart="d2o" dataRefEnd="d2c">guiden</pc> och <pc id="1" dataRefStart="d1o" dataRefEnd="d1c">handboken</pc>.'],
    ['xliff12', 'Kör <x id="3"/> först, men läs <g id="2">guiden</g> och <g id="1">handboken</g>.'],
  ] as const) {
    it(`${format}: a target with a code moved comes back as tagged text, and the document follows`, async () => {
      const r = await importFile(withTarget(await exported(format), moved), `sv.${format}.xlf`)
      expect(r).toMatchObject({ updated: 1, conflicted: 0, unknown: 0 })
      expect((await store.getTranslation(ID, unit.id, 'sv'))?.text).toBe(MOVED)
      const md = await exported('original')
      expect(md).toContain('Kör `tolk <init>` först, men läs [guiden](https://example.org/guide?a=1&b=2 "The guide") och **handboken**.')
      // Back to the first translation for the next format.
      const now = await store.getTranslation(ID, unit.id, 'sv')
      await store.writeTranslation({ articleId: ID, unitId: unit.id, lang: 'sv', text: TARGET, state: 'translated', author: 'ana', ifVersion: now!.version })
    })
  }

  it('tolk import-translations (the CLI) brings a moved code back', async () => {
    const file = join(dir, 'moved.xlf')
    writeFileSync(file, withTarget(await exported('xliff12'), 'Kör <x id="3"/> först, men läs <g id="2">guiden</g> och <g id="1">handboken</g>.'))
    const r = runCli(['import-translations', file, '--db', join(dir, 'tolk.sqlite'), '--as', 'cat'])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const now = await store.getTranslation(ID, unit.id, 'sv')
    expect(now?.text).toBe(MOVED)
    await store.writeTranslation({ articleId: ID, unitId: unit.id, lang: 'sv', text: TARGET, state: 'translated', author: 'ana', ifVersion: now!.version })
  })

  it('an untouched export comes back unchanged', async () => {
    for (const format of ['xliff2', 'xliff12', 'po'] as const) {
      const r = await importFile(await exported(format), `sv.${format}`)
      expect(r, format).toMatchObject({ updated: 0, unchanged: 4, conflicted: 0 })
    }
  })

  it('a target that drops a paired code refuses the file, naming the code, and writes nothing', async () => {
    const x = withTarget(await exported('xliff2'), 'Läs handboken och <pc id="2" dataRefStart="d2o" dataRefEnd="d2c">guiden</pc> <ph id="3"/>.')
    await expect(importFile(x, 'sv.xlf')).rejects.toThrow(/⟦1⟧…⟦\/1⟧ of the source is missing/)
    expect((await store.getTranslation(ID, unit.id, 'sv'))?.text).toBe(TARGET)
  })

  it('reads the codes other tools write: XLIFF 2.0 <sc>/<ec>, with their own ids', async () => {
    const x = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="sv">
 <file id="f1" original="${ID}">
  <unit id="${unit.id}">
   <segment state="translated">
    <source>Read the <sc id="a"/>manual<ec startRef="a"/> and the <pc id="b">guide</pc> before you run <ph id="c"/>.</source>
    <target>Kör <ph id="c"/> först, men läs <pc id="b">guiden</pc> och <sc id="a"/>handboken<ec startRef="a"/>.</target>
   </segment>
  </unit>
 </file>
</xliff>`
    const file = readTranslationFile(x, 'okapi.xlf')
    expect(file.units[0]).toMatchObject({ source: SOURCE, text: MOVED })
  })

  it('reads XLIFF 1.2 <bx>/<ex>, <bpt>/<ept> and <ph> (their native code left out)', () => {
    const x = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
 <file original="${ID}" source-language="en" target-language="sv" datatype="plaintext"><body>
  <trans-unit id="${unit.id}">
   <source>Read the <bpt id="1">&lt;b&gt;</bpt>manual<ept id="1">&lt;/b&gt;</ept> and the <bx id="2" rid="7"/>guide<ex id="3" rid="7"/> before you run <ph id="4">&lt;code/&gt;</ph>.</source>
   <target>Kör <ph id="4">&lt;code/&gt;</ph> först, men läs <bx id="2" rid="7"/>guiden<ex id="3" rid="7"/> och <bpt id="1">&lt;b&gt;</bpt>handboken<ept id="1">&lt;/b&gt;</ept>.</target>
  </trans-unit>
 </body></file>
</xliff>`
    expect(readTranslationFile(x, 'trados.xlf').units[0]).toMatchObject({ source: SOURCE, text: MOVED })
  })

  it('a file exported before codes were markup (codes as text) still reads as tagged text; a literal ⟦ is escaped', () => {
    const x = (src: string, trg: string) => `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="sv">
 <file id="f1" original="${ID}"><unit id="u"><segment><source>${src}</source><target>${trg}</target></segment></unit></file>
</xliff>`
    expect(readTranslationFile(x(SOURCE, TARGET), 'old.xlf').units[0]).toMatchObject({ source: SOURCE, text: TARGET })
    expect(readTranslationFile(x('a ⟦ b', 'c ⟦ d'), 'lit.xlf').units[0]).toMatchObject({ source: 'a ⟦⟦ b', text: 'c ⟦⟦ d' })
  })
})

describe('tolk check --files on files with codes', () => {
  it('counts the words, not the codes', () => {
    const file = join(dir, 'other.xlf')
    writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
 <file original="x" source-language="en" target-language="sv" datatype="html"><body>
  <trans-unit id="a"><source>Read the <g id="1">manual</g> now<x id="2"/>please.</source><target>Läs <g id="1">handboken</g> nu<x id="2"/>tack.</target></trans-unit>
 </body></file>
</xliff>`)
    const r = checkFiles({ paths: [file], source: 'en' })
    expect(r.languages.get('sv')?.words).toMatchObject({ total: 5, translated: 5 })
  })
})

describe('a real HTML news article and Markdown guide (every kind of code) through the XML formats', () => {
  const fixture = (name: string) => readFileSync(new URL(`../documents/fixtures/${name}`, import.meta.url), 'utf8')
  const SCHEMA: Record<string, string[]> = {
    xliff2: ['--schema', join(SCHEMAS, 'xliff-core-2.0.xsd')],
    xliff12: ['--schema', join(SCHEMAS, 'xliff-core-1.2-strict.xsd')],
    tmx: ['--path', SCHEMAS, '--valid'],
  }
  for (const [name, format] of [['news.html', 'html'], ['guide.md', 'md']] as const) {
    itWith(['xmllint', 'schemas'], `${name}: every unit translated as its source validates, and comes back unchanged`, async () => {
      const id = `en-${format}-fixture`
      await importText(store, { id, tag: 'en-fix', lang: 'en', targets: ['sv'], text: fixture(name), format })
      const units = await store.listUnits(id)
      expect(units.some((u) => u.codes?.length)).toBe(true)
      for (const u of units) await store.writeTranslation({ articleId: id, unitId: u.id, lang: 'sv', text: u.source, state: 'translated', author: 'ana' })
      for (const xml of ['xliff2', 'xliff12', 'tmx'] as const) {
        const body = (await exportArticle(store, id, 'sv', xml)).body
        expect(body).not.toMatch(/⟦[/1-9]/)
        const file = join(dir, `${id}.${xml}`)
        writeFileSync(file, body)
        const r = run('xmllint', ['--noout', '--nonet', ...SCHEMA[xml]!, file])
        expect(r.status, `${xml}: ${r.stderr}`).toBe(0)
        if (xml === 'tmx') continue
        const back = readTranslationFile(body, `${id}.xlf`)
        for (const u of back.units) expect(u.text, `${xml} ${u.unitId}`).toBe(units.find((x) => x.id === u.unitId)?.source)
        expect(await importFile(body, `${id}.xlf`)).toMatchObject({ updated: 0, conflicted: 0, unknown: 0 })
      }
    })
  }
})
