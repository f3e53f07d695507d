import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkCodes, CodeMismatch } from '../../src/codes/index.js'
import { segmentDocument } from '../../src/documents/index.js'
import { InvalidInput } from '../../src/model/errors.js'
import type { ImportInput, Store } from '../../src/store/types.js'
import type { MakeStore } from './_contract.js'

const MD = '# Hello *world*\n\nRead [the guide](https://example.org "Guide"). Run `npm test`.\n'

function input(text = MD, format: 'md' | 'text' = 'md'): ImportInput {
  const doc = segmentDocument(text, format, { articleId: 'en-docs-01', tag: 'en-docs', lang: 'en' })
  const out: ImportInput = { id: 'en-docs-01', tag: 'en-docs', lang: 'en', title: doc.title ?? '', source: text, segmented: { lead: doc.lead, units: doc.units }, format, targets: ['sv'] }
  if (doc.skeleton) out.skeleton = doc.skeleton
  return out
}

/** What every Store keeps of a Markdown or HTML article (schema 16 in SQLite), and the codes rule of its writes. */
export function testDocuments(makeStore: MakeStore): void {
  let store: Store
  beforeEach(async () => {
    store = await makeStore()
  })
  afterEach(async () => {
    await store.close()
  })

  describe('documents', () => {
    it('keeps a document\'s kind, skeleton and unit codes as imported', async () => {
      const given = input()
      await store.importArticle(given)
      const a = await store.getArticle('en-docs-01')
      expect(a?.format).toBe('md')
      expect(a?.skeleton).toEqual(given.skeleton)
      const units = await store.listUnits('en-docs-01')
      expect(units.map((u) => u.source)).toEqual(['Hello ⟦1⟧world⟦/1⟧', 'Guide', 'Read ⟦1⟧the guide⟦/1⟧.', 'Run ⟦1/⟧.'])
      expect(units[3]?.codes).toEqual([{ id: 1, kind: 'standalone', what: 'code', data: ['`npm test`'] }])
      expect(units[1]?.codes).toBeUndefined()
      expect((await store.importArticle(input())).written).toBe(false)
    })

    it('gives each unit of a document its role there, in a page and in listings; a text unit has none', async () => {
      const md = '# Title\n\n- An item.\n\n| A | B |\n| --- | --- |\n| c | d |\n\n![A cat](cat.png)\n\nPlain words.\n'
      await store.importArticle(input(md))
      const page = await store.unitPage('en-docs-01', { lang: 'sv', limit: 100 })
      const roles = page.rows.map((r) => [r.unit.source, r.unit.role])
      expect(roles).toEqual([
        ['Title', 'heading'],
        ['An item.', 'list-item'],
        ['A', 'table-cell'],
        ['B', 'table-cell'],
        ['c', 'table-cell'],
        ['d', 'table-cell'],
        ['A cat', 'alt'],
        ['Plain words.', 'paragraph'],
      ])
      expect((await store.listUnits('en-docs-01')).map((u) => u.role)).toEqual(roles.map(([, r]) => r))
      // A page after a re-import that moved the units still names each one's role.
      await store.importArticle(input(`Before.\n\n${md}`))
      const again = await store.unitPage('en-docs-01', { limit: 2, after: 1 })
      expect(again.rows.map((r) => [r.unit.source, r.unit.role])).toEqual([
        ['Title', 'heading'],
        ['An item.', 'list-item'],
      ])
      const doc = segmentDocument('Plain text.', 'text', { articleId: 'en-docs-02', tag: 'en-docs', lang: 'en' })
      await store.importArticle({ id: 'en-docs-02', tag: 'en-docs', lang: 'en', title: 't', source: 'Plain text.', segmented: doc, targets: ['sv'] })
      expect((await store.unitPage('en-docs-02', { limit: 10 })).rows[0]?.unit.role).toBeUndefined()
    })

    it('reads an article imported without a kind as text', async () => {
      const doc = segmentDocument('Plain text.', 'text', { articleId: 'en-docs-02', tag: 'en-docs', lang: 'en' })
      await store.importArticle({ id: 'en-docs-02', tag: 'en-docs', lang: 'en', title: 't', source: 'Plain text.', segmented: doc, targets: ['sv'] })
      const a = await store.getArticle('en-docs-02')
      expect(a?.format ?? 'text').toBe('text')
      expect(a?.skeleton).toBeUndefined()
    })

    it('refuses a skeleton that does not give back the source, or a document without one, writing nothing', async () => {
      const bad = input()
      bad.source = `${MD}more`
      await expect(store.importArticle(bad)).rejects.toBeInstanceOf(InvalidInput)
      const bare = input()
      delete bare.skeleton
      await expect(store.importArticle(bare)).rejects.toBeInstanceOf(InvalidInput)
      expect(await store.listArticles()).toEqual([])
    })

    it('refuses a write whose paired codes do not fit the source, and takes moved codes and a missing standalone one', async () => {
      await store.importArticle(input())
      const units = await store.listUnits('en-docs-01')
      const w = (unitId: string, text: string) => store.writeTranslation({ articleId: 'en-docs-01', unitId, lang: 'sv', text, state: 'translated', author: 'ann' })
      const link = units[2]!.id
      await expect(w(link, 'Läs guiden.')).rejects.toBeInstanceOf(CodeMismatch)
      await expect(w(link, 'Läs ⟦1⟧guiden.')).rejects.toBeInstanceOf(CodeMismatch)
      await expect(w(link, 'Läs ⟦1⟧guiden⟦/1⟧ ⟦2/⟧.')).rejects.toBeInstanceOf(CodeMismatch)
      expect((await store.history('en-docs-01', link)).length).toBe(0)
      expect((await w(link, '⟦1⟧Guiden⟦/1⟧: läs den.')).version).toBe(1)
      expect((await w(units[3]!.id, 'Kör testerna.')).version).toBe(1)
      expect((await w(units[3]!.id, '')).version).toBe(2)
    })

    it('turns the inline Markdown of a text article\'s translations into codes on a Markdown re-import; one whose codes do not fit is kept, not stale', async () => {
      const text = '# Hello *world*\n\nRead **the guide** and [the docs](https://example.org/docs) first. Run `npm test` now.\n\nSee **this** and [that](https://example.org/that).\n'
      await store.importArticle(input(text, 'text'))
      const before = await store.listUnits('en-docs-01')
      expect(before.map((u) => u.source)).toEqual([
        '# Hello *world*',
        'Read **the guide** and [the docs](https://example.org/docs) first.',
        'Run `npm test` now.',
        'See **this** and [that](https://example.org/that).',
      ])
      const w = (i: number, text: string) => store.writeTranslation({ articleId: 'en-docs-01', unitId: before[i]!.id, lang: 'sv', text, state: 'translated', author: 'ann' })
      await w(0, '# Hej *världen*')
      await w(1, 'Läs [dokumenten](https://example.org/docs) och **guiden** först.')
      await w(2, 'Kör `npm test` nu.')
      // Bold left open, and the link's URL changed: these codes cannot all be matched.
      await w(3, 'Se **detta och [det där](https://example.org/sv/that).')

      const summary = await store.importArticle(input(text, 'md'))
      expect(summary.units).toMatchObject({ stale: 0, new: 0, obsolete: 0 })
      const after = await store.listUnits('en-docs-01')
      expect(after.map((u) => [u.id, u.source])).toEqual([
        [before[0]!.id, 'Hello ⟦1⟧world⟦/1⟧'],
        [before[1]!.id, 'Read ⟦1⟧the guide⟦/1⟧ and ⟦2⟧the docs⟦/2⟧ first.'],
        [before[2]!.id, 'Run ⟦1/⟧ now.'],
        [before[3]!.id, 'See ⟦1⟧this⟦/1⟧ and ⟦2⟧that⟦/2⟧.'],
      ])
      const ts = await store.listTranslations('en-docs-01', 'sv')
      expect(ts.map((t) => [t.text, t.stale])).toEqual([
        ['Hej ⟦1⟧världen⟦/1⟧', false],
        ['Läs ⟦2⟧dokumenten⟦/2⟧ och ⟦1⟧guiden⟦/1⟧ först.', false],
        ['Kör ⟦1/⟧ nu.', false],
        ['Se ⟦1⟧detta och ⟦2⟧det där](https://example.org/sv/that).', false],
      ])
      for (const i of [0, 1, 2]) expect(checkCodes(ts[i]!.text, after[i]!.source).errors).toEqual([])
      expect(checkCodes(ts[3]!.text, after[3]!.source).errors.map((e) => e.kind)).toEqual(['unbalanced', 'unbalanced'])
      const history = await store.history('en-docs-01', before[1]!.id, 'sv')
      expect(history.at(-1)).toMatchObject({ newText: 'Läs ⟦2⟧dokumenten⟦/2⟧ och ⟦1⟧guiden⟦/1⟧ först.', author: 'tolk', version: 2 })
      // Kept, but not saved again until its codes balance.
      await expect(w(3, ts[3]!.text)).rejects.toBeInstanceOf(CodeMismatch)
      expect((await w(3, 'Se ⟦1⟧detta⟦/1⟧ och ⟦2⟧det där⟦/2⟧.')).stale).toBe(false)
    })
  })
}
