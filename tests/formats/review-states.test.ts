/**
 * The review states in files: a rejected unit travels like a stale one (pending, with its text:
 * XLIFF 2.0 `subState="tolk:rejected"`, XLIFF 1.2 `needs-review-translation` without `approved`,
 * PO `#, fuzzy`) and stays out of TMX; a file that confirms a stale unit the way a CAT tool does
 * (#23 finding 1) confirms it in Tolk, while a rejected unit is never confirmed that way.
 * The edited files are written as Poedit and Okapi write theirs.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportArticle } from '../../src/formats/export-article.js'
import { importTranslations, readTranslationFile } from '../../src/formats/import-translations.js'
import { ARTICLE, makeFixture, type Fixture } from './fixture.js'
import { itWith, pocount } from './tools.js'

let f: Fixture
beforeEach(async () => {
  f = await makeFixture()
  // Unit 1 (translated by ann) sent back by a reviewer.
  const t = await f.store.getTranslation(ARTICLE, f.units[0]!.id, 'sv')
  await f.store.writeTranslation({ articleId: ARTICLE, unitId: t.unitId, lang: 'sv', text: t.text, state: 'rejected', reason: 'Stormar: no angle brackets in Swedish news.', ifVersion: t.version, author: 'rita' })
})
afterEach(() => f.store.close())

const exported = async (format: 'xliff2' | 'xliff12' | 'po' | 'tmx') => (await exportArticle(f.store, ARTICLE, 'sv', format)).body
const bringBack = (body: string, name: string) => importTranslations(f.store, readTranslationFile(body, name), { author: 'poedit-user' })
const stateOf = async (i: number) => {
  const t = await f.store.getTranslation(ARTICLE, f.units[i]!.id, 'sv')
  return { state: t.state, stale: t.stale, version: t.version }
}

describe('a rejected unit in exported files', () => {
  it('is XLIFF 2.0 translated with subState tolk:rejected, XLIFF 1.2 needs-review-translation without approved, PO fuzzy, and no TMX pair', async () => {
    const id = f.units[0]!.id
    const x2 = await exported('xliff2')
    expect(x2).toContain(`<unit id="${id}"`)
    expect(x2).toMatch(new RegExp(`<unit id="${id}"[\\s\\S]*?<segment state="translated" subState="tolk:rejected">`))
    const x12 = await exported('xliff12')
    expect(x12).toMatch(new RegExp(`<trans-unit id="${id}" xml:space="preserve">[\\s\\S]*?<target state="needs-review-translation">`))
    const po = await exported('po')
    expect(po).toMatch(new RegExp(`#, fuzzy\\nmsgctxt "${id}"`))
    const tmx = await exported('tmx')
    expect(tmx).not.toContain('Översvämningar')
    expect(tmx).toContain('Skolorna')
  })

  itWith(['pocount'], 'counts as fuzzy for pocount in XLIFF 1.2 and PO', async () => {
    // The fixture's translated, reviewed, final and stale units; the rejected one is fuzzy now.
    for (const format of ['xliff12', 'po'] as const) {
      const file = join(f.dir, format === 'po' ? 'sv.po' : 'sv.xlf')
      writeFileSync(file, await exported(format))
      expect(pocount(file), format).toEqual({ translated: 2, fuzzy: 2, untranslated: 2, total: 6 })
    }
  })

  it('stays rejected through an unchanged round trip of every format', async () => {
    for (const format of ['xliff2', 'xliff12', 'po'] as const) {
      const report = await bringBack(await exported(format), `sv.${format}`)
      expect(report, format).toMatchObject({ updated: 0, confirmed: 0, conflicted: 0, rejected: [] })
      expect(await stateOf(0), format).toEqual({ state: 'rejected', stale: false, version: 2 })
    }
  })
})

/** Poedit saves: its own header lines, and `#, fuzzy` gone from the entries the translator confirmed. */
function poeditSave(po: string, unfuzzy: string[]): string {
  let out = po
    .replace('"Last-Translator: Tolk\\n"', '"Last-Translator: Eva Lund <eva@example.se>\\n"')
    .replace('"X-Generator: Tolk\\n"', '"X-Generator: Poedit 3.4.2\\n"')
  for (const id of unfuzzy) out = out.replace(`#, fuzzy\nmsgctxt "${id}"`, `msgctxt "${id}"`)
  return out
}

describe('confirming in a file', () => {
  it('PO from Poedit: removing #, fuzzy with the text unchanged confirms the stale unit; the rejected one stays rejected and is listed', async () => {
    const stale = f.units[4]!.id
    const rejected = f.units[0]!.id
    expect(await stateOf(4)).toEqual({ state: 'translated', stale: true, version: 1 })
    const report = await bringBack(poeditSave(await exported('po'), [stale, rejected]), 'sv.po')
    expect(report).toMatchObject({ updated: 0, confirmed: 1, conflicted: 0 })
    expect(report.rejected.map((u) => u.unitId)).toEqual([rejected])
    expect(await stateOf(4)).toEqual({ state: 'translated', stale: false, version: 2 })
    const history = await f.store.history(ARTICLE, stale, 'sv')
    expect(history.at(-1)).toMatchObject({ confirmation: true, author: 'poedit-user', oldText: history.at(-1)?.newText })
    expect(await stateOf(0)).toEqual({ state: 'rejected', stale: false, version: 2 })
  })

  it('PO: an entry still fuzzy is left stale', async () => {
    const report = await bringBack(poeditSave(await exported('po'), []), 'sv.po')
    expect(report).toMatchObject({ updated: 0, confirmed: 0 })
    expect(await stateOf(4)).toMatchObject({ stale: true, version: 1 })
  })

  it('XLIFF 1.2 from Okapi: needs-review-translation made translated and approved confirms; on the rejected unit it does not', async () => {
    const stale = f.units[4]!.id
    const rejected = f.units[0]!.id
    // Okapi Rainbow writes its own tool element and marks what the reviewer accepted as approved.
    let x12 = (await exported('xliff12')).replace(/<file ([^>]*)>/, '<file $1>\n<header><tool tool-id="okapi" tool-name="Okapi Rainbow" tool-version="1.47.0"/></header>')
    for (const id of [stale, rejected]) {
      x12 = x12.replace(new RegExp(`<trans-unit id="${id}" xml:space="preserve">([\\s\\S]*?)<target state="needs-review-translation">`), `<trans-unit id="${id}" approved="yes" xml:space="preserve">$1<target state="translated">`)
    }
    const report = await bringBack(x12, 'sv.xlf')
    expect(report).toMatchObject({ confirmed: 1, updated: 0, conflicted: 0 })
    expect(report.rejected.map((u) => u.unitId)).toEqual([rejected])
    expect(await stateOf(4)).toEqual({ state: 'translated', stale: false, version: 2 })
    expect(await stateOf(0)).toMatchObject({ state: 'rejected' })
  })

  it('XLIFF 2.0: the stale subState dropped confirms; the rejected subState dropped does not', async () => {
    const x2 = (await exported('xliff2')).replaceAll(' subState="tolk:stale"', '').replaceAll(' subState="tolk:rejected"', '')
    const report = await bringBack(x2, 'sv.xlf')
    expect(report).toMatchObject({ confirmed: 1, updated: 0 })
    expect(report.rejected.map((u) => u.unitId)).toEqual([f.units[0]!.id])
    expect(await stateOf(4)).toMatchObject({ stale: false, version: 2 })
  })

  it('an edited text on a rejected unit is an edit: back to translated', async () => {
    const rejected = f.units[0]!.id
    const entry = new RegExp(`#, fuzzy\\nmsgctxt "${rejected}"\\nmsgid ("[^"]*")\\nmsgstr "[^"]*"`)
    const po = (await exported('po')).replace(entry, `msgctxt "${rejected}"\nmsgid $1\nmsgstr "Översvämningar och stormar i Lund"`)
    expect(po).toContain('och stormar')
    const report = await bringBack(po, 'sv.po')
    expect(report).toMatchObject({ updated: 1, rejected: [] })
    expect(await stateOf(0)).toEqual({ state: 'translated', stale: false, version: 3 })
  })
})
