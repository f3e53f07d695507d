import { describe, expect, it } from 'vitest'
import type { ArticleListQuery, Store } from '../../src/store/types.js'
import { article } from './fixtures/articles.js'

const TEXT = 'One two three four five. Six seven eight nine ten.\n'

/** Every page of a listing, following `next`. */
async function allPages(store: Store, q: Omit<ArticleListQuery, 'after'>) {
  const ids: string[] = []
  let after: string | undefined
  for (let guard = 0; guard < 100; guard++) {
    const page = await store.listArticlesPage({ ...q, ...(after ? { after } : {}) })
    expect(page.articles.length).toBeLessThanOrEqual(q.limit)
    ids.push(...page.articles.map((a) => a.id))
    if (page.next === null) return ids
    after = page.next
  }
  throw new Error('no last page')
}

/**
 * The dashboard's listing: a page of articles (never their source text) searched, filtered,
 * sorted and paged by keyset. `store()` is the test's fresh store.
 */
export function testArticleListing(store: () => Store): void {
  describe('listArticlesPage', () => {
    // a: 10 words, sv all done; b: nothing done; c: sv half done, tag sv-news, title "Zebra"
    const setUp = async () => {
      const s = store()
      await s.importArticle({ ...article('en-general-a', TEXT, { targets: ['sv', 'de'], title: 'Apples' }) })
      await s.importArticle({ ...article('en-general-b', TEXT, { targets: ['de'], title: 'bananas' }) })
      await s.importArticle({ ...article('sv-news-c', TEXT, { targets: ['sv', 'fi'], title: 'Zebra' }), tag: 'sv-news' })
      const write = async (id: string, n: number) => {
        const units = await s.listUnits(id)
        for (const u of units.slice(0, n)) {
          await s.writeTranslation({ articleId: id, unitId: u.id, lang: 'sv', text: 'x', state: 'translated', author: 'ann', ifVersion: 0 })
        }
      }
      await write('en-general-a', 2)
      await write('sv-news-c', 1)
      return s
    }

    it('sorts by name, case-insensitively, and pages by keyset without repeats', async () => {
      const s = await setUp()
      expect(await allPages(s, { sort: 'name', limit: 1 })).toEqual(['en-general-a', 'en-general-b', 'sv-news-c'])
      const first = await s.listArticlesPage({ sort: 'name', limit: 2 })
      expect(first.articles.map((a) => [a.id, a.title, a.units, a.targets])).toEqual([
        ['en-general-a', 'Apples', 2, ['sv', 'de']],
        ['en-general-b', 'bananas', 2, ['de']],
      ])
      expect(first.next).not.toBeNull()
    })

    it('sorts by progress (least done first) and by words left (most first), in one language or all', async () => {
      const s = await setUp()
      expect(await allPages(s, { sort: 'progress', limit: 2 })).toEqual(['en-general-b', 'sv-news-c', 'en-general-a'])
      expect(await allPages(s, { sort: 'left', limit: 2 })).toEqual(['sv-news-c', 'en-general-a', 'en-general-b'])
      expect(await allPages(s, { sort: 'progress', lang: 'sv', limit: 5 })).toEqual(['sv-news-c', 'en-general-a'])
    })

    it('sorts by last change (an import or a translation), newest first', async () => {
      const s = await setUp()
      // Times have milliseconds: make sure each change is later than the one before.
      const tick = () => new Promise((r) => setTimeout(r, 3))
      await tick()
      await s.importArticle({ ...article('en-general-b', `${TEXT}Eleven.\n`, { title: 'bananas' }) })
      const ids = await allPages(s, { sort: 'changed', limit: 1 })
      expect(ids[0]).toBe('en-general-b')
      expect(ids).toHaveLength(3)
      const [unit] = await s.listUnits('en-general-a')
      await tick()
      const written = await s.writeTranslation({ articleId: 'en-general-a', unitId: unit!.id, lang: 'de', text: 'y', state: 'translated', author: 'ann', ifVersion: 0 })
      expect(await allPages(s, { sort: 'changed', limit: 2 })).toEqual(['en-general-a', 'en-general-b', 'sv-news-c'])
      const [first] = (await s.listArticlesPage({ sort: 'changed', limit: 1 })).articles
      expect(first?.changedAt).toBe(written.updatedAt)
    })

    it('searches title or id, case-insensitively, and filters by tag and target language', async () => {
      const s = await setUp()
      expect(await allPages(s, { sort: 'name', search: 'BANANA', limit: 5 })).toEqual(['en-general-b'])
      expect(await allPages(s, { sort: 'name', search: 'news-c', limit: 5 })).toEqual(['sv-news-c'])
      expect(await allPages(s, { sort: 'name', search: '%', limit: 5 })).toEqual([])
      expect(await allPages(s, { sort: 'name', tag: 'sv-news', limit: 5 })).toEqual(['sv-news-c'])
      expect(await allPages(s, { sort: 'name', lang: 'de', limit: 5 })).toEqual(['en-general-a', 'en-general-b'])
    })

    it('searches and sorts by name folding case beyond ASCII', async () => {
      const s = await setUp()
      await s.importArticle({ ...article('en-general-d', TEXT, { targets: ['sv'], title: 'ÄRTER och ΣΟΦΊΑ' }) })
      expect(await allPages(s, { sort: 'name', search: 'ärter', limit: 5 })).toEqual(['en-general-d'])
      expect(await allPages(s, { sort: 'name', search: 'σοφία', limit: 5 })).toEqual(['en-general-d'])
      // Folded, Ä sorts after every ASCII letter, as ä does (byte order of the folded title).
      expect(await allPages(s, { sort: 'name', limit: 2 })).toEqual(['en-general-a', 'en-general-b', 'sv-news-c', 'en-general-d'])
    })

    it('puts articles in the given languages first', async () => {
      const s = await setUp()
      expect(await allPages(s, { sort: 'name', first: ['fi'], limit: 1 })).toEqual(['sv-news-c', 'en-general-a', 'en-general-b'])
      expect(await allPages(s, { sort: 'left', first: ['sv'], limit: 1 })).toEqual(['sv-news-c', 'en-general-a', 'en-general-b'])
    })

    it('leaves archived articles out and refuses a cursor it did not write', async () => {
      const s = await setUp()
      await s.archiveArticle('en-general-a', { by: 'ann' })
      expect(await allPages(s, { sort: 'name', limit: 5 })).toEqual(['en-general-b', 'sv-news-c'])
      await expect(s.listArticlesPage({ sort: 'name', limit: 5, after: 'not a cursor' })).rejects.toThrow(/cursor/)
    })
  })
}
