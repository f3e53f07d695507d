import { describe, expect, it } from 'vitest'
import { importText } from '../../src/import/import-text.js'
import { InvalidInput, TolkError } from '../../src/model/errors.js'
import { buildReport } from '../../src/report/build-report.js'
import type { ResourceSetImport } from '../../src/store/resource-sets.js'
import type { Store } from '../../src/store/types.js'

/**
 * What every Store does with i18next resource sets (saveMissing posts, locale-tree imports);
 * `freshStore` gives an empty store that the caller closes after each test.
 */
export function testResourceSets(freshStore: () => Store): void {
  const layout = { indent: '  ', finalNewline: true }
  const e = (key: string, value: string) => ({ path: key.split('.'), value })

  function tree(over: Partial<ResourceSetImport> = {}): ResourceSetImport {
    return {
      id: 'common',
      lang: 'en',
      source: { ...layout, entries: [e('nav.home', 'Home'), e('nav.about', 'About us'), e('items_one', 'one item'), e('items_other', '{{count}} items')] },
      targets: [{ lang: 'sv', ...layout, entries: [e('nav.home', 'Hem')] }],
      ...over,
    }
  }

  describe('resource sets: saveMissing', () => {
    it('creates the namespace with the posted language and the default targets, keys as untranslated units', async () => {
      const store = freshStore()
      const r = await store.resourceSets.addMissing({ namespace: 'app', lang: 'en', keys: [['missing.key', 'Fallback text'], ['items_one', ''], ['items_other', '']], targets: ['sv', 'de'] })
      expect(r).toEqual({ namespace: 'app', lang: 'en', created: true, added: ['missing.key', 'items_one', 'items_other'], existing: 0, targetAdded: false })
      const set = await store.resourceSets.get('app')
      expect(set).toMatchObject({ id: 'app', lang: 'en', targets: ['sv', 'de'] })
      const units = await store.listUnits('app')
      expect(units.map((u) => [u.id, u.source, u.position])).toEqual([['missing.key', 'Fallback text', 1], ['items_one', '', 2], ['items_other', '', 3]])
      const report = await buildReport(store, { articles: ['app'] })
      const sv = report.articles[0]!.languages.sv!
      expect(sv.units.initial).toBe(3)
      expect(sv.untranslated!.map((u) => u.id)).toEqual(['missing.key', 'items_one', 'items_other'])
    })

    it('never overwrites a key that exists, but fills in an empty source', async () => {
      const store = freshStore()
      await store.resourceSets.addMissing({ namespace: 'app', lang: 'en', keys: [['a', 'First'], ['b', '']], targets: ['sv'] })
      const r = await store.resourceSets.addMissing({ namespace: 'app', lang: 'en', keys: [['a', 'Second'], ['b', 'Now known'], ['c', 'New']], targets: ['de'] })
      expect(r).toMatchObject({ created: false, added: ['c'], existing: 2 })
      const units = await store.listUnits('app')
      expect(units.map((u) => [u.id, u.source])).toEqual([['a', 'First'], ['b', 'Now known'], ['c', 'New']])
      expect((await store.resourceSets.get('app'))!.targets).toEqual(['sv'])
      expect((await store.getArticle('app'))!.words).toBe(4)
    })

    it('takes a post to another language as a new target, inventing no source', async () => {
      const store = freshStore()
      await store.resourceSets.addMissing({ namespace: 'app', lang: 'en', keys: [['a', 'First']], targets: ['sv'] })
      const r = await store.resourceSets.addMissing({ namespace: 'app', lang: 'fr', keys: [['zz', 'Rien']], targets: [] })
      expect(r).toMatchObject({ added: [], targetAdded: true })
      expect((await store.resourceSets.get('app'))!.targets).toEqual(['sv', 'fr'])
      expect((await store.listUnits('app')).map((u) => u.id)).toEqual(['a'])
      const again = await store.resourceSets.addMissing({ namespace: 'app', lang: 'fr', keys: [['a', '']], targets: [] })
      expect(again.targetAdded).toBe(false)
    })

    it('refuses a namespace that is an article, a bad key or language, writing nothing', async () => {
      const store = freshStore()
      await importText(store, { id: 'sv-general-01', tag: 'sv-general', lang: 'en', targets: ['sv'], text: 'One. Two.\n' })
      await expect(store.resourceSets.addMissing({ namespace: 'sv-general-01', lang: 'en', keys: [['a', 'x']], targets: [] })).rejects.toMatchObject({ status: 409 })
      await expect(store.resourceSets.addMissing({ namespace: 'app', lang: 'en', keys: [['ok', 'x'], ['bad key', 'y']], targets: [] })).rejects.toThrow(InvalidInput)
      await expect(store.resourceSets.addMissing({ namespace: 'app', lang: 'xx-nope', keys: [['ok', 'x']], targets: [] })).rejects.toThrow(InvalidInput)
      expect(await store.resourceSets.get('app')).toBeUndefined()
      expect(await store.getArticle('app')).toBeUndefined()
    })

    it('translations of keys go through the versioned write path with history', async () => {
      const store = freshStore()
      await store.resourceSets.addMissing({ namespace: 'app', lang: 'en', keys: [['nav.home', 'Home']], targets: ['sv'] })
      const t = await store.writeTranslation({ articleId: 'app', unitId: 'nav.home', lang: 'sv', text: 'Hem', state: 'translated', ifVersion: 0, author: 'ann' })
      expect(t.version).toBe(1)
      await expect(store.writeTranslation({ articleId: 'app', unitId: 'nav.home', lang: 'sv', text: 'Hemma', state: 'translated', ifVersion: 0, author: 'bo' })).rejects.toMatchObject({ status: 412 })
      expect((await store.history('app', 'nav.home', 'sv')).map((h) => h.newText)).toEqual(['Hem'])
      const [cov] = await store.coverage({ articles: ['app'] })
      expect(cov!.units.translated).toBe(1)
    })

    it('refuses to re-import an article over a resource set', async () => {
      const store = freshStore()
      await store.resourceSets.addMissing({ namespace: 'app-01', lang: 'en', keys: [['a', 'x']], targets: ['sv'] })
      await expect(importText(store, { id: 'app-01', tag: 'en-general', lang: 'en', targets: ['sv'], text: 'Hello.\n' })).rejects.toMatchObject({ status: 409, code: 'not-an-article' })
    })
  })

  describe('resource sets: importing a tree', () => {
    it('makes source keys units and target strings translated, through the write path', async () => {
      const store = freshStore()
      const [s] = await store.resourceSets.importTree([tree()], { author: 'importer' })
      expect(s).toMatchObject({ namespace: 'common', created: true, revision: 1, units: { new: 4 }, translations: { written: 1, unknown: 0 }, targets: ['sv'] })
      expect((await store.listUnits('common')).map((u) => u.id)).toEqual(['nav.home', 'nav.about', 'items_one', 'items_other'])
      const t = await store.getTranslation('common', 'nav.home', 'sv')
      expect(t).toMatchObject({ text: 'Hem', state: 'translated', version: 1, author: 'importer' })
      expect(await store.history('common', 'nav.home', 'sv')).toHaveLength(1)
      const set = await store.resourceSets.get('common')
      expect(set!.files.map((f) => f.lang)).toEqual(['en', 'sv'])
      expect(set!.files[0]!.layout).toEqual([['nav', 'home'], ['nav', 'about'], ['items_one'], ['items_other']])
    })

    it('re-importing an unchanged tree writes nothing; a changed source turns its translation stale', async () => {
      const store = freshStore()
      await store.resourceSets.importTree([tree()], { author: 'importer' })
      const [same] = await store.resourceSets.importTree([tree()], { author: 'importer' })
      expect(same).toMatchObject({ revision: 1, units: { new: 0, changed: 0, unchanged: 4, obsolete: 0 }, translations: { written: 0, unchanged: 1 } })
      const edited = tree({ source: { ...layout, entries: [e('nav.home', 'Start page'), e('items_one', 'one item'), e('items_other', '{{count}} items')] } })
      const [s] = await store.resourceSets.importTree([edited], { author: 'importer' })
      expect(s).toMatchObject({ revision: 2, units: { changed: 1, obsolete: 1, unchanged: 2 } })
      expect(await store.getTranslation('common', 'nav.home', 'sv')).toMatchObject({ stale: true, text: 'Hem' })
      expect((await store.listUnits('common')).map((u) => u.id)).toEqual(['nav.home', 'items_one', 'items_other'])
    })

    it('writes nothing when any namespace is bad (one transaction)', async () => {
      const store = freshStore()
      const bad = tree({ id: 'other', source: { ...layout, entries: [e('fine', 'x'), { path: ['no good'], value: 'y' }] } })
      await expect(store.resourceSets.importTree([tree(), bad], { author: 'importer' })).rejects.toThrow(InvalidInput)
      expect(await store.resourceSets.list()).toEqual([])
      expect(await store.getArticle('common')).toBeUndefined()
    })

    it('refuses two keys with one id, and an article namespace', async () => {
      const store = freshStore()
      const dup = tree({ source: { ...layout, entries: [e('a.b', 'x'), { path: ['a.b'], value: 'y' }] } })
      await expect(store.resourceSets.importTree([dup], { author: 'i' })).rejects.toMatchObject({ code: 'duplicate-key' })
      await importText(store, { id: 'sv-general-01', tag: 'sv-general', lang: 'en', targets: ['sv'], text: 'One.\n' })
      await expect(store.resourceSets.importTree([tree({ id: 'sv-general-01' })], { author: 'i' })).rejects.toThrow(TolkError)
    })
  })
}
