import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CodeMismatch } from '../../src/codes/index.js'
import { segmentDocument } from '../../src/documents/index.js'
import { InvalidInput } from '../../src/model/errors.js'
import type { ImportInput, Store } from '../../src/store/types.js'
import type { MakeStore } from './_contract.js'

const MD = '# Hello *world*\n\nRead [the guide](https://example.org "Guide"). Run `npm test`.\n'

function input(text = MD): ImportInput {
  const doc = segmentDocument(text, 'md', { articleId: 'en-docs-01', tag: 'en-docs', lang: 'en' })
  const out: ImportInput = { id: 'en-docs-01', tag: 'en-docs', lang: 'en', title: doc.title ?? '', source: text, segmented: { lead: doc.lead, units: doc.units }, format: 'md', targets: ['sv'] }
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
  })
}
