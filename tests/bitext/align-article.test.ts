import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { planWrites } from '../../src/bitext/plan-writes.js'
import { Archived, InvalidInput, NotFound } from '../../src/model/errors.js'
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js'
import type { Store } from '../../src/store/types.js'
import { segmentDocument } from '../../src/documents/index.js'
import { alignArticle } from '../../src/workflows/align-translation.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-align-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
let n = 0

const EN = [
  'Harbour expansion wins approval',
  '',
  'The city council in Norrvik voted on Tuesday to go ahead with the expansion of the container harbour. The decision passed by 38 votes to 23.',
  '',
  'Opponents worry about the traffic. They also fear for the wetlands south of the port. She added that the first ships could dock at the new terminal in 2029, and that the board has already held talks with three shipping lines.',
  '',
].join('\n')
const SV = [
  'Hamnutbyggnaden får klartecken',
  '',
  'Kommunfullmäktige i Norrvik röstade på tisdagen för att genomföra utbyggnaden av containerhamnen. Beslutet gick igenom med 38 röster mot 23.',
  '',
  'Motståndarna oroar sig för trafiken och för våtmarkerna söder om hamnen. Hon tillade att de första fartygen kan lägga till vid den nya terminalen 2029. Styrelsen har redan haft samtal med tre rederier.',
  '',
].join('\n')

describe('tolk align on a real store', () => {
  let store: Store
  beforeEach(async () => {
    store = createSqliteStore({ file: path.join(dir, `db-${++n}`, 'tolk.sqlite') })
    const seg = segmentDocument(EN, 'text', { articleId: 'en-news-01', tag: 'en-news', lang: 'en' })
    await store.importArticle({ id: 'en-news-01', tag: 'en-news', lang: 'en', title: 'Harbour', source: EN, targets: ['sv'], segmented: seg })
  })
  afterEach(async () => {
    await store.close()
  })

  it('stores sure 1–1 pairs as translated, a merge on its first unit and a split on its unit as drafts, with aligned origins', async () => {
    const units = await store.listUnits('en-news-01')
    expect(units).toHaveLength(6)
    const { plan, outcome } = await alignArticle(store, { articleId: 'en-news-01', lang: 'sv', text: SV, author: 'align:bo' })
    expect(plan.pairs.map((p) => p.kind)).toEqual(['1-1', '1-1', '1-1', '2-1', '1-2'])
    expect(outcome).toEqual({ written: units.map((u) => u.id), skipped: [] })
    const sv = await store.listTranslations('en-news-01', 'sv')
    expect(sv.map((t) => t.state)).toEqual(['translated', 'translated', 'translated', 'initial', 'initial', 'initial'])
    expect(sv[3]!.text).toBe('Motståndarna oroar sig för trafiken och för våtmarkerna söder om hamnen.')
    expect(sv[4]!.text).toBe('')
    expect(sv[5]!.text).toBe('Hon tillade att de första fartygen kan lägga till vid den nya terminalen 2029. Styrelsen har redan haft samtal med tre rederier.')
    const origin = async (i: number) => (await store.history('en-news-01', units[i]!.id, 'sv'))[0]!.origin
    expect(await origin(0)).toMatchObject({ kind: 'aligned' })
    expect((await origin(1)) as { confidence: number }).toHaveProperty('confidence')
    expect(((await origin(3)) as { confidence: number }).confidence).toBeLessThanOrEqual(0.5)
    expect(((await origin(4)) as { confidence: number }).confidence).toBe(((await origin(3)) as { confidence: number }).confidence)
  })

  it('skips and lists units that already have a translation, and writes nothing on a dry run', async () => {
    const units = await store.listUnits('en-news-01')
    await store.writeTranslation({ articleId: 'en-news-01', unitId: units[1]!.id, lang: 'sv', text: 'Egen översättning.', state: 'reviewed', author: 'ann' })
    const dry = await alignArticle(store, { articleId: 'en-news-01', lang: 'sv', text: SV, author: 'bo', dryRun: true })
    expect(dry.outcome.skipped).toEqual([{ unitId: units[1]!.id, state: 'reviewed', text: 'Egen översättning.' }])
    expect(dry.outcome.written).toHaveLength(5)
    expect(await store.history('en-news-01', units[0]!.id, 'sv')).toEqual([])
    const { outcome } = await alignArticle(store, { articleId: 'en-news-01', lang: 'sv', text: SV, author: 'bo' })
    expect(outcome.skipped).toEqual([{ unitId: units[1]!.id, state: 'reviewed', text: 'Egen översättning.' }])
    expect(outcome.written).toHaveLength(5)
    expect((await store.getTranslation('en-news-01', units[1]!.id, 'sv')).text).toBe('Egen översättning.')
  })

  it('refuses an unknown or archived article, a language that is no target, and a translation without sentences', async () => {
    await expect(alignArticle(store, { articleId: 'en-news-99', lang: 'sv', text: SV, author: 'bo' })).rejects.toThrow(NotFound)
    await store.archiveArticle('en-news-01', { by: 'boss' })
    await expect(alignArticle(store, { articleId: 'en-news-01', lang: 'sv', text: SV, author: 'bo' })).rejects.toThrow(Archived)
    await store.restoreArticle('en-news-01', { by: 'boss' })
    await expect(alignArticle(store, { articleId: 'en-news-01', lang: 'de', text: SV, author: 'bo' })).rejects.toThrow(InvalidInput)
    await expect(alignArticle(store, { articleId: 'en-news-01', lang: 'sv', text: ' \n\n ', author: 'bo' })).rejects.toThrow('no sentences')
  })

  it('aligns a Markdown translation of a Markdown article, its inline codes kept on each unit', async () => {
    const en = '# The *river*\n\nThe river runs past the [old mill](https://x.org). Children swim there in **summer**!\n'
    const sv = '# *Floden*\n\nFloden rinner förbi den [gamla kvarnen](https://x.org). Barn badar där på **sommaren**!\n'
    const doc = segmentDocument(en, 'md', { articleId: 'en-md-01', tag: 'en-news', lang: 'en' })
    await store.importArticle({
      id: 'en-md-01', tag: 'en-news', lang: 'en', title: 'River', source: en, format: 'md', targets: ['sv'],
      segmented: { lead: doc.lead, units: doc.units }, ...(doc.skeleton ? { skeleton: doc.skeleton } : {}),
    })
    const { outcome } = await alignArticle(store, { articleId: 'en-md-01', lang: 'sv', text: sv, format: 'md', author: 'bo' })
    expect(outcome.written).toHaveLength(3)
    expect((await store.listTranslations('en-md-01', 'sv')).map((t) => [t.text, t.state])).toEqual([
      ['⟦1⟧Floden⟦/1⟧', 'translated'],
      ['Floden rinner förbi den ⟦1⟧gamla kvarnen⟦/1⟧.', 'translated'],
      ['Barn badar där på ⟦1⟧sommaren⟦/1⟧!', 'translated'],
    ])
  })

  it('aligns a Markdown translation with its codes, and leaves out a text whose codes cannot fit', () => {
    const md = segmentDocument('Floden *rinner* fort.\n', 'md', { articleId: 'x', tag: 'und-x', lang: 'sv' })
    const targets = md.units.map((u) => ({ text: u.source, trailing: u.trailing }))
    const plan = planWrites([{ id: 'u1', source: 'Floden.' }], targets, [{ kind: '1-1', source: [0], target: [0], confidence: 0.9 }])
    // The source has no codes: the emphasis is dropped, the text kept.
    expect(plan.texts).toEqual([{ unitId: 'u1', text: 'Floden rinner fort.', state: 'translated', confidence: 0.9 }])
    const withCodes = segmentDocument('The *river* runs.\n', 'md', { articleId: 'x', tag: 'und-x', lang: 'en' }).units[0]!.source
    const kept = planWrites([{ id: 'u1', source: withCodes }], targets, [{ kind: '1-1', source: [0], target: [0], confidence: 0.9 }])
    expect(kept.texts[0]!.text).toBe(targets[0]!.text)
    const missing = planWrites([{ id: 'u1', source: withCodes }], [{ text: 'Floden rinner.', trailing: '' }], [{ kind: '1-1', source: [0], target: [0], confidence: 0.9 }])
    expect(missing.texts).toEqual([])
    expect(missing.codeMismatch).toEqual(['u1'])
  })
})
