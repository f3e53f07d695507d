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
export function testResourceSets(freshStore: () => Store | Promise<Store>): void {
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
      const store = await freshStore()
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

    it('refuses to create a namespace no one could translate (no targets but the posted language): 409 no-targets, nothing created', async () => {
      const store = await freshStore()
      for (const targets of [[], ['en']]) {
        const err = await store.resourceSets.addMissing({ namespace: 'app', lang: 'en', keys: [['a', 'First']], targets }).catch((e: unknown) => e)
        expect(err).toBeInstanceOf(TolkError)
        expect(err).toMatchObject({ code: 'no-targets', status: 409 })
        expect((err as Error).message).toMatch(/tolk serve --targets .*TOLK_TARGETS/)
        expect(await store.resourceSets.get('app')).toBeUndefined()
        expect(await store.getArticle('app')).toBeUndefined()
        expect(await store.listArticles()).toEqual([])
      }
      // An existing namespace still takes posts whatever the server's targets.
      await store.resourceSets.addMissing({ namespace: 'app', lang: 'en', keys: [['a', 'First']], targets: ['sv'] })
      expect(await store.resourceSets.addMissing({ namespace: 'app', lang: 'en', keys: [['b', 'Second']], targets: [] })).toMatchObject({ added: ['b'] })
    })

    it('never overwrites a key that exists, but fills in an empty source', async () => {
      const store = await freshStore()
      await store.resourceSets.addMissing({ namespace: 'app', lang: 'en', keys: [['a', 'First'], ['b', '']], targets: ['sv'] })
      const r = await store.resourceSets.addMissing({ namespace: 'app', lang: 'en', keys: [['a', 'Second'], ['b', 'Now known'], ['c', 'New']], targets: ['de'] })
      expect(r).toMatchObject({ created: false, added: ['c'], existing: 2 })
      const units = await store.listUnits('app')
      expect(units.map((u) => [u.id, u.source])).toEqual([['a', 'First'], ['b', 'Now known'], ['c', 'New']])
      expect((await store.resourceSets.get('app'))!.targets).toEqual(['sv'])
      expect((await store.getArticle('app'))!.words).toBe(4)
    })

    it('takes a post to another language as a new target, inventing no source', async () => {
      const store = await freshStore()
      await store.resourceSets.addMissing({ namespace: 'app', lang: 'en', keys: [['a', 'First']], targets: ['sv'] })
      const r = await store.resourceSets.addMissing({ namespace: 'app', lang: 'fr', keys: [['zz', 'Rien']], targets: [] })
      expect(r).toMatchObject({ added: [], targetAdded: true })
      expect((await store.resourceSets.get('app'))!.targets).toEqual(['sv', 'fr'])
      expect((await store.listUnits('app')).map((u) => u.id)).toEqual(['a'])
      const again = await store.resourceSets.addMissing({ namespace: 'app', lang: 'fr', keys: [['a', '']], targets: [] })
      expect(again.targetAdded).toBe(false)
    })

    it('refuses a namespace that is an article, a bad key or language, writing nothing', async () => {
      const store = await freshStore()
      await importText(store, { id: 'sv-general-01', tag: 'sv-general', lang: 'en', targets: ['sv'], text: 'One. Two.\n' })
      await expect(store.resourceSets.addMissing({ namespace: 'sv-general-01', lang: 'en', keys: [['a', 'x']], targets: [] })).rejects.toMatchObject({ status: 409 })
      await expect(store.resourceSets.addMissing({ namespace: 'app', lang: 'en', keys: [['ok', 'x'], ['', 'y']], targets: [] })).rejects.toThrow(InvalidInput)
      await expect(store.resourceSets.addMissing({ namespace: 'app', lang: 'xx-nope', keys: [['ok', 'x']], targets: [] })).rejects.toThrow(InvalidInput)
      expect(await store.resourceSets.get('app')).toBeUndefined()
      expect(await store.getArticle('app')).toBeUndefined()
    })

    it('translations of keys go through the versioned write path with history', async () => {
      const store = await freshStore()
      await store.resourceSets.addMissing({ namespace: 'app', lang: 'en', keys: [['nav.home', 'Home']], targets: ['sv'] })
      const t = await store.writeTranslation({ articleId: 'app', unitId: 'nav.home', lang: 'sv', text: 'Hem', state: 'translated', ifVersion: 0, author: 'ann' })
      expect(t.version).toBe(1)
      await expect(store.writeTranslation({ articleId: 'app', unitId: 'nav.home', lang: 'sv', text: 'Hemma', state: 'translated', ifVersion: 0, author: 'bo' })).rejects.toMatchObject({ status: 412 })
      expect((await store.history('app', 'nav.home', 'sv')).map((h) => h.newText)).toEqual(['Hem'])
      const [cov] = await store.coverage({ articles: ['app'] })
      expect(cov!.units.translated).toBe(1)
    })

    it('refuses to re-import an article over a resource set', async () => {
      const store = await freshStore()
      await store.resourceSets.addMissing({ namespace: 'app-01', lang: 'en', keys: [['a', 'x']], targets: ['sv'] })
      await expect(importText(store, { id: 'app-01', tag: 'en-general', lang: 'en', targets: ['sv'], text: 'Hello.\n' })).rejects.toMatchObject({ status: 409, code: 'not-an-article' })
    })
  })

  describe('resource sets: importing a tree', () => {
    it('makes source keys units and target strings translated, through the write path', async () => {
      const store = await freshStore()
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
      const store = await freshStore()
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
      const store = await freshStore()
      const bad = tree({ id: 'other', source: { ...layout, entries: [e('fine', 'x'), { path: [''], value: 'y' }] } })
      await expect(store.resourceSets.importTree([tree(), bad], { author: 'importer' })).rejects.toThrow(InvalidInput)
      expect(await store.resourceSets.list()).toEqual([])
      expect(await store.getArticle('common')).toBeUndefined()
    })

    it('refuses two keys with one id, and an article namespace', async () => {
      const store = await freshStore()
      const dup = tree({ source: { ...layout, entries: [e('a.b', 'x'), { path: ['a.b'], value: 'y' }] } })
      await expect(store.resourceSets.importTree([dup], { author: 'i' })).rejects.toMatchObject({ code: 'duplicate-key' })
      await importText(store, { id: 'sv-general-01', tag: 'sv-general', lang: 'en', targets: ['sv'], text: 'One.\n' })
      await expect(store.resourceSets.importTree([tree({ id: 'sv-general-01' })], { author: 'i' })).rejects.toThrow(TolkError)
    })
  })

  describe('resource sets: keys that are no unit ids', () => {
    it('keeps a stable derived id and the key itself; re-importing changes nothing', async () => {
      const store = await freshStore()
      const keys = ['Welcome back, {{name}}!', 'errors:notFound', 'a/b', '🎉', 'x'.repeat(300), '__proto__', 'constructor', 'Save', 'save']
      const set = tree({ source: { ...layout, entries: keys.map((k) => ({ path: [k], value: `v ${k.length}` })) }, targets: [{ lang: 'sv', ...layout, entries: [{ path: ['errors:notFound'], value: 'Hittades inte' }] }] })
      await store.resourceSets.importTree([set], { author: 'i' })
      const units = await store.listUnits('common')
      expect(units.map((u) => u.key ?? u.id)).toEqual(keys)
      expect(new Set(units.map((u) => u.id)).size).toBe(keys.length)
      for (const u of units) expect(u.id).toMatch(/^[A-Za-z0-9._-]{1,100}$/)
      const id = units[1]!.id
      expect(await store.getTranslation('common', id, 'sv')).toMatchObject({ text: 'Hittades inte', state: 'translated' })
      const [again] = await store.resourceSets.importTree([set], { author: 'i' })
      expect(again).toMatchObject({ revision: 1, units: { unchanged: keys.length }, translations: { unchanged: 1, written: 0 } })
      expect((await store.listUnits('common')).map((u) => u.id)).toEqual(units.map((u) => u.id))
      // A post of the same key finds the same unit; nested JSON cannot hold a key under it.
      const r = await store.resourceSets.addMissing({ namespace: 'common', lang: 'en', keys: [['errors:notFound', 'x'], ['Hello there', 'y']], targets: [] })
      expect(r).toMatchObject({ existing: 1, added: ['Hello there'] })
      await expect(store.resourceSets.addMissing({ namespace: 'common', lang: 'en', keys: [['errors:notFound.more', 'z']], targets: [] })).rejects.toMatchObject({ status: 409, code: 'key-conflict' })
    })

    it('refuses an empty key, saying why', async () => {
      const store = await freshStore()
      await expect(store.resourceSets.addMissing({ namespace: 'app', lang: 'en', keys: [['', 'x']], targets: [] })).rejects.toThrow(/empty key: i18next cannot look it up/)
    })
  })

  describe('resource sets: plural forms of the target languages', () => {
    const forms = (lang: string, entries: [string, string][]) => ({ lang, ...layout, entries: entries.map(([k, v]) => e(k, v)) })
    const plural = (targets: ResourceSetImport['targets']): ResourceSetImport => ({
      id: 'app',
      lang: 'en',
      source: { ...layout, entries: [e('title', 'Files'), e('items_one', 'one file'), e('items_other', '{{count}} files')] },
      targets,
    })

    it('reads an x_other without another of the text language\'s forms as a plain key (issue 22)', async () => {
      const store = await freshStore()
      const set: ResourceSetImport = {
        id: 'app',
        lang: 'en',
        source: { ...layout, entries: [e('by_author_and_other', 'by {{author}} and one other'), e('by_author_and_others', 'by {{author}} and {{count}} others'), e('place_ordinal_other', '{{count}}th')] },
        targets: [forms('ru', [['by_author_and_other', '{{author}} и ещё один']])],
      }
      await store.resourceSets.importTree([set], { author: 'i' })
      expect((await store.listUnits('app')).map((u) => [u.id, u.plural ?? null, u.borrowed ?? false])).toEqual([
        ['by_author_and_other', null, false],
        ['by_author_and_others', null, false],
        ['place_ordinal_other', null, false],
      ])
      // Japanese has only `other`: there, x_other alone is its group.
      await store.resourceSets.importTree([{ ...set, id: 'ja-app', lang: 'ja', targets: [forms('ru', [])] }], { author: 'i' })
      const ja = await store.listUnits('ja-app')
      expect(ja.filter((u) => !u.borrowed && u.id !== 'by_author_and_others').map((u) => [u.id, u.plural ?? null])).toEqual([['by_author_and_other', 'other'], ['place_ordinal_other', 'ordinal_other']])
    })

    it('writes the forms a plain key stands in for as translations, not as keys of the file (issue 22)', async () => {
      const store = await freshStore()
      const zh = { ...forms('zh', [['title', '文件']]), standIns: [e('items_other', '{{count}} 个文件')] }
      const [s] = await store.resourceSets.importTree([plural([{ ...zh, entries: [...zh.entries, e('items', '{{count}} 个文件')] }])], { author: 'i' })
      expect(s).toMatchObject({ translations: { written: 2, unknown: 1 } })
      expect((await store.listTranslations('app', 'zh')).map((t) => [t.unitId, t.text])).toEqual([['title', '文件'], ['items_other', '{{count}} 个文件']])
      const set = await store.resourceSets.get('app')
      const file = set!.files.find((f) => f.lang === 'zh')!
      expect(file.layout).toEqual([['title'], ['items']])
      expect(file.extras).toEqual({ items: '{{count}} 个文件' })
      // Imported again unchanged: nothing written.
      const [again] = await store.resourceSets.importTree([plural([{ ...zh, entries: [...zh.entries, e('items', '{{count}} 个文件')] }])], { author: 'i' })
      expect(again!.translations).toMatchObject({ written: 0, unchanged: 2 })
    })

    it('gives each group a unit for every form any target has, borrowing the _other source', async () => {
      const store = await freshStore()
      const [s] = await store.resourceSets.importTree([plural([
        forms('ru', [['items_one', '{{count}} файл'], ['items_few', '{{count}} файла'], ['items_many', '{{count}} файлов'], ['items_other', '{{count}} файла']]),
        forms('ja', [['items_other', '{{count}} ファイル'], ['items_one', 'ja one']]),
        forms('ar', []),
        forms('de', [['title', 'Dateien']]),
      ])], { author: 'i' })
      // ja's items_one is a form Japanese does not use: kept with its file, not a translation.
      expect(s).toMatchObject({ units: { new: 7 }, translations: { written: 6, unknown: 1 } })
      const units = await store.listUnits('app')
      expect(units.map((u) => [u.id, u.plural ?? null, u.borrowed ?? false, u.source])).toEqual([
        ['title', null, false, 'Files'],
        ['items_one', 'one', false, 'one file'],
        ['items_other', 'other', false, '{{count}} files'],
        ['items_zero', 'zero', true, '{{count}} files'],
        ['items_two', 'two', true, '{{count}} files'],
        ['items_few', 'few', true, '{{count}} files'],
        ['items_many', 'many', true, '{{count}} files'],
      ])
      const ids = async (lang: string) => (await store.listTranslations('app', lang)).map((t) => t.unitId)
      // `_zero` is listed in every language, as i18next looks it up for 0 everywhere (#23.8); it
      // counts only where CLDR has a zero category (the coverage below).
      expect(await ids('ru')).toEqual(['title', 'items_one', 'items_other', 'items_zero', 'items_few', 'items_many'])
      expect(await ids('ja')).toEqual(['title', 'items_other', 'items_zero'])
      expect(await ids('de')).toEqual(['title', 'items_one', 'items_other', 'items_zero'])
      expect(await ids('ar')).toHaveLength(7)
      const cov = Object.fromEntries((await store.coverage({ articles: ['app'] })).map((c) => [c.lang, c.units]))
      expect(cov.ru).toMatchObject({ initial: 1, translated: 4 })
      expect(cov.ja).toMatchObject({ initial: 1, translated: 1 })
      expect(cov.ar).toMatchObject({ initial: 7, translated: 0 })
      expect(cov.de).toMatchObject({ initial: 2, translated: 1 })
      const pending = await store.pendingUnits('app', 'ja')
      expect(pending.map((p) => [p.id, p.plural])).toEqual([['title', null]])
      await expect(store.writeTranslation({ articleId: 'app', unitId: 'items_few', lang: 'de', text: 'x', state: 'translated', author: 'a' })).rejects.toMatchObject({ code: 'not-a-plural-form', status: 400 })
      const set = await store.resourceSets.get('app')
      expect(set!.files.find((f) => f.lang === 'ja')!.extras).toEqual({ items_one: 'ja one' })
    })

    it('follows a changed _other into the borrowed forms, turning their translations stale', async () => {
      const store = await freshStore()
      const ru = forms('ru', [['items_few', '{{count}} файла']])
      await store.resourceSets.importTree([plural([ru])], { author: 'i' })
      const edited = plural([ru])
      edited.source.entries[2] = e('items_other', '{{count}} documents')
      const [s] = await store.resourceSets.importTree([edited], { author: 'i' })
      expect(s!.units).toMatchObject({ changed: 3, unchanged: 2 })
      expect((await store.listUnits('app')).find((u) => u.id === 'items_many')!.source).toBe('{{count}} documents')
      expect(await store.getTranslation('app', 'items_few', 'ru')).toMatchObject({ stale: true, madeFrom: '{{count}} files' })
    })

    it('adds the forms a language needs when saveMissing makes it a target', async () => {
      const store = await freshStore()
      await store.resourceSets.addMissing({ namespace: 'app', lang: 'en', keys: [['items_one', '']], targets: ['de'] })
      await store.resourceSets.addMissing({ namespace: 'app', lang: 'en', keys: [['items_other', '{{count}} items']], targets: [] })
      expect((await store.listUnits('app')).map((u) => [u.id, u.plural])).toEqual([['items_one', 'one'], ['items_other', 'other']])
      const r = await store.resourceSets.addMissing({ namespace: 'app', lang: 'ru', keys: [['items_few', '']], targets: [] })
      expect(r.targetAdded).toBe(true)
      expect((await store.listUnits('app')).map((u) => [u.id, u.source])).toEqual([['items_one', ''], ['items_other', '{{count}} items'], ['items_few', '{{count}} items'], ['items_many', '{{count}} items']])
      const ru = (await store.coverage({ articles: ['app'], langs: ['ru'] }))[0]!
      expect(ru.units.initial).toBe(4)
      // The first real `_one` fallback fills in that form's source, never a borrowed one's.
      await store.resourceSets.addMissing({ namespace: 'app', lang: 'en', keys: [['items_one', 'one item']], targets: [] })
      expect((await store.listUnits('app')).map((u) => u.source)).toEqual(['one item', '{{count}} items', '{{count}} items', '{{count}} items'])
    })
  })
}
