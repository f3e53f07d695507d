import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importText } from '../../src/import/import-text.js'
import { articleQa, unitsWithOpenFindings } from '../../src/qa/article-qa.js'
import { textHash } from '../../src/qa/text-hash.js'
import type { Store } from '../../src/store/types.js'

/** What every Store does for QA dismissals (issue #21), and the overview read over them. */
export function testQaStore(makeStore: () => Store | Promise<Store>): void {
  let store: Store
  let units: string[]
  beforeEach(async () => {
    store = await makeStore()
    await importText(store, {
      id: 'en-news-01', tag: 'en-news', lang: 'en', targets: ['sv', 'de'],
      text: 'It costs 5 kr.\n\nThe ferry leaves at noon.\n\nThe ferry leaves at noon.\n',
    })
    units = (await store.listUnits('en-news-01')).map((u) => u.id)
  })
  afterEach(async () => {
    await store.close()
  })
  const write = (unitId: string, text: string, lang = 'sv') =>
    store.getTranslation('en-news-01', unitId, lang).then((t) =>
      store.writeTranslation({ articleId: 'en-news-01', unitId, lang, text, state: 'translated', ifVersion: t.version, author: 'ana' }),
    )
  const dismissal = (over: Partial<Parameters<Store['qa']['dismiss']>[0]> = {}) => ({
    article: 'en-news-01', unit: units[0]!, lang: 'sv', check: 'numbers' as const, hash: textHash('a', 'b'), by: 'ana', reason: 'a price in kronor', ...over,
  })

  describe('QA dismissals', () => {
    it('keeps a dismissal with who, why, when and the text hash, per language, and lists it', async () => {
      const d = await store.qa.dismiss(dismissal())
      expect(d).toMatchObject({ article: 'en-news-01', unit: units[0], lang: 'sv', check: 'numbers', by: 'ana', reason: 'a price in kronor', hash: textHash('a', 'b') })
      expect(Date.parse(d.at)).not.toBeNaN()
      expect(await store.qa.list('en-news-01', 'sv')).toEqual([d])
      expect(await store.qa.list('en-news-01', 'de')).toEqual([])
    })

    it('replaces a dismissal of the same unit, language and check, and takes one back', async () => {
      await store.qa.dismiss(dismissal())
      await store.qa.dismiss(dismissal({ check: 'identical', reason: '' }))
      const again = await store.qa.dismiss(dismissal({ by: 'bo', reason: '  fine  ', hash: textHash('a', 'c') }))
      expect(again).toMatchObject({ by: 'bo', reason: 'fine', hash: textHash('a', 'c') })
      expect((await store.qa.list('en-news-01', 'sv')).map((x) => [x.check, x.by])).toEqual([['identical', 'ana'], ['numbers', 'bo']])
      expect(await store.qa.undismiss({ article: 'en-news-01', unit: units[0]!, lang: 'sv', check: 'numbers' })).toBe(true)
      expect(await store.qa.undismiss({ article: 'en-news-01', unit: units[0]!, lang: 'sv', check: 'numbers' })).toBe(false)
      expect((await store.qa.list('en-news-01', 'sv')).map((x) => x.check)).toEqual(['identical'])
    })

    it('refuses an unknown unit or article, an unknown check, and a bad reason or hash', async () => {
      await expect(store.qa.dismiss(dismissal({ unit: 'nope' }))).rejects.toMatchObject({ status: 404, code: 'unknown-unit' })
      await expect(store.qa.dismiss(dismissal({ article: 'en-news-99' }))).rejects.toMatchObject({ status: 404, code: 'unknown-unit' })
      await expect(store.qa.dismiss(dismissal({ check: 'spelling' as never }))).rejects.toMatchObject({ status: 400, code: 'unknown-qa-check' })
      await expect(store.qa.dismiss(dismissal({ reason: 'x'.repeat(1001) }))).rejects.toMatchObject({ status: 400 })
      await expect(store.qa.dismiss(dismissal({ reason: 'bell\u0007' }))).rejects.toMatchObject({ status: 400 })
      await expect(store.qa.dismiss(dismissal({ hash: "'; DROP TABLE x" }))).rejects.toMatchObject({ status: 400 })
      expect(await store.qa.list('en-news-01', 'sv')).toEqual([])
    })
  })

  describe('QA overview over the store', () => {
    it('finds numbers, inconsistency and identical texts; a dismissal holds until the text changes', async () => {
      await write(units[0]!, 'Det kostar 6 kr.')
      await write(units[1]!, 'Färjan går vid lunch.')
      await write(units[2]!, 'Färjan avgår klockan tolv.')
      const report = await articleQa(store, 'en-news-01', 'sv')
      expect(report.findings.map((f) => [f.position, f.check, f.severity])).toEqual([
        [1, 'numbers', 'error'],
        [2, 'inconsistent-translation', 'warning'],
        [3, 'inconsistent-translation', 'warning'],
      ])
      expect(report.findings[0]!.message).toBe('Numbers differ: 5 of the source is missing; 6 is not in the source')
      expect(report.findings[1]!.message).toContain('“Färjan avgår klockan tolv.” (segment 3)')
      expect([...(await unitsWithOpenFindings(store, 'en-news-01', 'sv'))]).toEqual([units[0], units[1], units[2]])
      expect([...(await unitsWithOpenFindings(store, 'en-news-01', 'sv', 'error'))]).toEqual([units[0]])

      const first = report.findings[0]!
      await store.qa.dismiss(dismissal({ hash: textHash('It costs 5 kr.', 'Det kostar 6 kr.') }))
      const after = await articleQa(store, 'en-news-01', 'sv')
      expect(after.findings[0]).toEqual({ ...first, dismissed: { by: 'ana', reason: 'a price in kronor', at: expect.any(String) } })
      expect([...(await unitsWithOpenFindings(store, 'en-news-01', 'sv', 'error'))]).toEqual([])
      // Another language is another finding: German is not dismissed.
      await write(units[0]!, 'Es kostet 7 kr.', 'de')
      expect((await articleQa(store, 'en-news-01', 'de')).findings[0]?.dismissed).toBeUndefined()

      await write(units[0]!, 'Det kostar 8 kr.')
      const changed = await articleQa(store, 'en-news-01', 'sv')
      expect(changed.findings[0]).toMatchObject({ check: 'numbers', message: 'Numbers differ: 5 of the source is missing; 8 is not in the source' })
      expect(changed.findings[0]!.dismissed).toBeUndefined()
    })

    it('refuses a language that is not a target and an unknown article', async () => {
      await expect(articleQa(store, 'en-news-01', 'fi')).rejects.toMatchObject({ status: 400, code: 'not-a-target' })
      await expect(articleQa(store, 'en-news-02', 'sv')).rejects.toMatchObject({ status: 404 })
    })
  })
}
