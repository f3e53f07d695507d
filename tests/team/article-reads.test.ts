import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { requireSummary } from '../../src/store/require-article.js'
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js'
import type { Store } from '../../src/store/types.js'
import { articleActivity } from '../../src/team/activity-feed.js'
import { commentActions } from '../../src/team/comment-access.js'
import { article, SAMPLE } from '../store/fixtures/articles.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-reads-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** A store that counts whole-article reads (source text and skeleton: megabytes for a long document). */
function counting(store: Store): { store: Store; whole: () => number } {
  let n = 0
  const wrapped = new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'getArticle') return (id: string) => (n++, target.getArticle(id))
      const v = Reflect.get(target, key, receiver)
      return typeof v === 'function' ? v.bind(target) : v
    },
  })
  return { store: wrapped, whole: () => n }
}

describe('the team workflow reads an article\'s summary, never its whole text', () => {
  it('names an unknown article, an archived one (404 to read, 409 to write), and reads no source doing so', async () => {
    const base = createSqliteStore({ file: path.join(dir, 'a.sqlite') })
    try {
      await base.importArticle(article('en-general-01', SAMPLE, { targets: ['sv'] }))
      await base.importArticle(article('en-general-02', SAMPLE, { targets: ['sv'] }))
      await base.archiveArticle('en-general-02', { by: 'x' })
      const { store, whole } = counting(base)
      expect((await requireSummary(store, 'en-general-01')).targets).toEqual(['sv'])
      await expect(requireSummary(store, 'en-general-99')).rejects.toMatchObject({ code: 'unknown-article', status: 404 })
      await expect(requireSummary(store, 'en-general-02')).rejects.toMatchObject({ code: 'archived', status: 404 })
      await expect(requireSummary(store, 'en-general-02', 'write')).rejects.toMatchObject({ code: 'archived', status: 409 })
      await articleActivity(store, { article: 'en-general-01', limit: 10 })
      const [unit] = await base.listUnits('en-general-01')
      const admin = { account: 'boss', grants: [{ role: 'admin' as const, langs: [] }] }
      await commentActions(store, admin).add({ article: 'en-general-01', unit: unit!.id, lang: 'sv', kind: 'comment', text: 'Bra.' })
      expect(whole()).toBe(0)
    } finally {
      await base.close()
    }
  })
})
