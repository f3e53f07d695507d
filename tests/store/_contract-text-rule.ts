import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { TextRuleError } from '../../src/model/text-rule.js'
import type { Store } from '../../src/store/types.js'
import { SAMPLE, article } from './fixtures/articles.js'

/**
 * The one text rule, enforced by the store itself on every write function: whatever path calls
 * it (API, editor, saveMissing, file imports, CLI), a text against the rule is refused with
 * TextRuleError and nothing of the call is written.
 */
export function testTextRule(store: () => Store): void {
  const BAD = ['a\u0000b', 'bell\u0007', '\u001b[31mred', 'del\u007f', 'half \ud800 alone', 'low \udc00']

  const sample = async () => {
    await store().importArticle(article('en-general-01', SAMPLE, { targets: ['sv'] }))
    return (await store().listUnits('en-general-01')).map((u) => u.id)
  }

  describe('the text rule', () => {
    it('lists no faults in a store that only ever took checked writes', async () => {
      await sample()
      expect(await store().textFaults()).toEqual([])
    })

    it('refuses a translation against it, and one over 100,000 characters', async () => {
      const [u] = await sample()
      for (const text of [...BAD, 'x'.repeat(100_001)]) {
        await expect(store().writeTranslation({ articleId: 'en-general-01', unitId: u!, lang: 'sv', text, state: 'translated', author: 'ann' })).rejects.toThrow(TextRuleError)
      }
      expect(await store().history('en-general-01', u!)).toEqual([])
      // Exactly the limit is fine.
      await store().writeTranslation({ articleId: 'en-general-01', unitId: u!, lang: 'sv', text: 'x'.repeat(100_000), state: 'translated', author: 'ann' })
    })

    it('refuses an article whose text or title is against it', async () => {
      for (const bad of BAD) {
        const text = `The start. ${bad}\n`
        await expect(store().importArticle(article('en-general-02', text, { targets: ['sv'] }))).rejects.toThrow(TextRuleError)
        await expect(store().importArticle(article('en-general-03', SAMPLE, { targets: ['sv'], title: `T ${bad}` }))).rejects.toThrow(TextRuleError)
      }
      expect(await store().listArticles()).toEqual([])
    })

    it('refuses a saveMissing fallback against it, or over 10,000 characters, and writes none of the post', async () => {
      for (const bad of [...BAD, 'x'.repeat(10_001)]) {
        await expect(store().resourceSets.addMissing({ namespace: 'app', lang: 'en', keys: [['ok', 'Fine'], ['k', bad]], targets: ['sv'] })).rejects.toThrow(TextRuleError)
      }
      expect(await store().resourceSets.get('app')).toBeUndefined()
    })

    it('refuses a locale tree with one bad string whole', async () => {
      const layout = { indent: '  ', finalNewline: true }
      for (const bad of BAD) {
        const sets = [
          { id: 'good', lang: 'en', source: { ...layout, entries: [{ path: ['a'], value: 'A' }] }, targets: [] },
          { id: 'bad', lang: 'en', source: { ...layout, entries: [{ path: ['b'], value: 'B' }] }, targets: [{ ...layout, lang: 'sv', entries: [{ path: ['b'], value: bad }] }] },
        ]
        await expect(store().resourceSets.importTree(sets, { author: 'ann' })).rejects.toThrow(TextRuleError)
      }
      expect(await store().resourceSets.list()).toEqual([])
    })

    it('refuses a TMX file with one text over the limit whole, naming its line', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-rule-'))
      const file = path.join(dir, 'm.tmx')
      const tu = (sv: string) => `<tu><tuv xml:lang="en"><seg>Good day.</seg></tuv><tuv xml:lang="sv"><seg>${sv}</seg></tuv></tu>`
      // (XML cannot carry the control characters at all: such a file is not well-formed.)
      fs.writeFileSync(file, `<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en"/><body>\n${tu('God dag.')}\n${tu('😀'.repeat(50_001))}\n</body></tmx>\n`)
      try {
        await expect(store().memory.importTmx(file, { name: 'm.tmx' })).rejects.toThrow(/m\.tmx: line 4: .*100000/)
        expect(await store().memory.pairs()).toEqual([])
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    })
  })
}
