import { describe, expect, it } from 'vitest'
import { InvalidInput } from '../../src/model/errors.js'
import { resourceSetId } from '../../src/model/namespaces.js'
import type { ResourceSetImport } from '../../src/store/resource-sets.js'
import type { Store } from '../../src/store/types.js'

/**
 * What every Store does with i18next namespaces from subfolders (`en/admin/users.json` is the
 * namespace `admin/users`): kept beside an id derived from it, found again by it, hostile names
 * refused before anything is written. `freshStore` gives an empty store the caller closes.
 */
export function testNamespaceFolders(freshStore: () => Store | Promise<Store>): void {
  const layout = { indent: '  ', finalNewline: true }
  const e = (key: string, value: string) => ({ path: key.split('.'), value })
  const tree = (id: string): ResourceSetImport => ({
    id,
    lang: 'en',
    source: { ...layout, entries: [e('title', 'Users'), e('count_one', 'one user'), e('count_other', '{{count}} users')] },
    targets: [{ lang: 'sv', ...layout, entries: [e('title', 'Användare')] }],
  })

  describe('resource sets: namespaces in subfolders', () => {
    it('imports admin/users under an id derived from it, keeping the namespace and its title', async () => {
      const store = await freshStore()
      const [s] = await store.resourceSets.importTree([tree('admin/users'), tree('common')], { author: 'i' })
      const id = resourceSetId('admin/users')
      expect(s).toMatchObject({ namespace: 'admin/users', id, created: true, units: { new: 3 } })
      expect(id).toMatch(/^ns-[0-9a-f]{24}$/)
      const set = await store.resourceSets.get(id)
      expect(set).toMatchObject({ id, namespace: 'admin/users', lang: 'en', targets: ['sv'] })
      expect((await store.resourceSets.get('common'))!.namespace).toBe('common')
      expect((await store.resourceSets.list()).map((x) => x.namespace).sort()).toEqual(['admin/users', 'common'])
      expect((await store.getArticle(id))!.title).toBe('admin/users')
      expect(await store.getTranslation(id, 'title', 'sv')).toMatchObject({ text: 'Användare', state: 'translated' })
      // Re-importing finds the same set; nothing changes.
      const [again] = await store.resourceSets.importTree([tree('admin/users')], { author: 'i' })
      expect(again).toMatchObject({ created: false, revision: 1, units: { unchanged: 3 }, translations: { written: 0 } })
    })

    it('keeps admin/users and admin.users apart', async () => {
      const store = await freshStore()
      await store.resourceSets.importTree([tree('admin/users'), tree('admin.users')], { author: 'i' })
      expect((await store.resourceSets.get('admin.users'))!.namespace).toBe('admin.users')
      expect((await store.resourceSets.get(resourceSetId('admin/users')))!.namespace).toBe('admin/users')
      expect(await store.resourceSets.list()).toHaveLength(2)
    })

    it('takes saveMissing posts to a subfolder namespace, creating it once', async () => {
      const store = await freshStore()
      const r = await store.resourceSets.addMissing({ namespace: 'admin/users', lang: 'en', keys: [['title', 'Users']], targets: ['sv'] })
      expect(r).toMatchObject({ namespace: 'admin/users', created: true, added: ['title'] })
      const r2 = await store.resourceSets.addMissing({ namespace: 'admin/users', lang: 'en', keys: [['title', 'x'], ['more', 'More']], targets: ['sv'] })
      expect(r2).toMatchObject({ namespace: 'admin/users', created: false, added: ['more'], existing: 1 })
      expect((await store.listUnits(resourceSetId('admin/users'))).map((u) => u.id)).toEqual(['title', 'more'])
      // The import of the tree then finds the set saveMissing made.
      const [s] = await store.resourceSets.importTree([tree('admin/users')], { author: 'i' })
      expect(s!.created).toBe(false)
    })

    it('refuses hostile namespaces, writing nothing', async () => {
      const store = await freshStore()
      const hostile = ['..', 'admin/..', '../etc', '/admin', 'admin/', 'admin//users', 'admin\\users', 'ad\u0000min', 'ad\u0007min/x', 'a b', 'a/b/c/d/e/f/g/h/i', '', 'x'.repeat(101), `${'ab/'.repeat(90)}ab`]
      for (const ns of hostile) {
        await expect(store.resourceSets.importTree([tree('common'), tree(ns)], { author: 'i' }), JSON.stringify(ns)).rejects.toThrow(InvalidInput)
        await expect(store.resourceSets.addMissing({ namespace: ns, lang: 'en', keys: [['a', 'b']], targets: ['sv'] }), JSON.stringify(ns)).rejects.toMatchObject({ code: 'invalid-id' })
      }
      expect(await store.resourceSets.list()).toEqual([])
      // Eight levels is the most.
      await store.resourceSets.importTree([tree('a/b/c/d/e/f/g/h')], { author: 'i' })
      expect((await store.resourceSets.list()).map((s) => s.namespace)).toEqual(['a/b/c/d/e/f/g/h'])
    })
  })
}
