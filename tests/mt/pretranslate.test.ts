/**
 * Pre-translation with an engine: the memory first, then machine translation, through the
 * versioned write path; per-unit failures counted with their reasons; the cache; the CLI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importText } from '../../src/import/import-text.js'
import { createEngines } from '../../src/mt/engines.js'
import type { MtEngine } from '../../src/mt/types.js'
import type { Store } from '../../src/store/types.js'
import { pretranslate } from '../../src/tm/pretranslate.js'
import { runCli, seededDb } from '../cli/run-cli.js'
import { freshStore, tempPath } from '../tm/_setup.js'
import { describeWith } from '../tools/need.js'
import { useApy } from './_apy.js'
import { startStandIn, type StandIn } from './_standins.js'

const SENTENCES = ['The cat is black.', 'The dog sleeps in the house.', 'Read the book.']

async function addSpanish(store: Store, id: string, sentences = SENTENCES) {
  await importText(store, { id, tag: 'en-general', lang: 'en', targets: ['es'], text: sentences.join(' ') + '\n' })
  return store.listUnits(id)
}

describeWith(['apertium'], 'pre-translation with Apertium', { timeout: 60_000 }, () => {
  const apy = useApy()
  let engine: MtEngine
  beforeAll(() => {
    engine = createEngines([{ name: 'apertium', kind: 'apertium', url: apy.url() }]).get('apertium')!
  })

  it('an English article with target es is pre-translated, with origin mt and author mt:apertium, kept out of the memory', async () => {
    const store = freshStore()
    try {
      const units = await addSpanish(store, 'en-general-01')
      const s = await pretranslate(store, 'en-general-01', 'es', { mt: engine })
      expect(s).toMatchObject({ untranslated: 3, filled: 0, mt: { engine: 'apertium', author: 'mt:apertium', filled: 3, failed: 0, cached: 0 } })
      const ts = await store.listTranslations('en-general-01', 'es')
      expect(ts.map((t) => [t.text, t.state, t.author])).toEqual([
        ['El gato es negro.', 'translated', 'mt:apertium'],
        [expect.stringMatching(/perro/), 'translated', 'mt:apertium'],
        [expect.stringMatching(/libro/), 'translated', 'mt:apertium'],
      ])
      const h = await store.history('en-general-01', units[0]!.id, 'es')
      expect(h.map((e) => e.origin)).toEqual([{ kind: 'mt', engine: 'apertium' }])
      expect(await store.memory.hasPair('es', 'en')).toBe(false)
      // The same sentences elsewhere come from the cache, not the engine.
      await addSpanish(store, 'en-general-02')
      const again = await pretranslate(store, 'en-general-02', 'es', { mt: engine })
      expect(again.mt).toMatchObject({ filled: 3, cached: 3 })
    } finally {
      await store.close()
    }
  })

  it('codes (a link, emphasis) of a Markdown article survive, and the document comes back with them', async () => {
    const store = freshStore()
    try {
      await importText(store, {
        id: 'en-general-05',
        tag: 'en-general',
        lang: 'en',
        targets: ['es'],
        format: 'md',
        text: 'The *black* cat reads [the book](https://example.org/book).\n',
      })
      const s = await pretranslate(store, 'en-general-05', 'es', { mt: engine })
      expect(s.mt).toMatchObject({ filled: 1, failed: 0 })
      const [t] = await store.listTranslations('en-general-05', 'es')
      expect(t!.text).toMatch(/⟦1⟧.+⟦\/1⟧/)
      expect(t!.text).toMatch(/⟦2⟧.+⟦\/2⟧/)
      expect(t!.text).toMatch(/gato/)
    } finally {
      await store.close()
    }
  })

  it('the CLI pre-translates with --mt apertium=URL and says what it did', async () => {
    const db = await seededDb(tempPath('cli.sqlite'))
    const store = (await import('../../src/store/sqlite/create-sqlite-store.js')).createSqliteStore({ file: db })
    await addSpanish(store, 'en-general-09')
    await store.close()
    const r = runCli(['pretranslate', 'en-general-09', '--lang', 'es', '--mt', `apertium=${apy.url()}`, '--state', 'initial', '--db', db])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^en-general-09 es: filled 0 of 3 untranslated units as tm\nen-general-09 es: machine-translated 3 as mt:apertium\n$/)
  })
})

describe('pre-translation: memory first, failures per unit', () => {
  let stand: StandIn
  let engine: MtEngine
  beforeAll(async () => {
    stand = await startStandIn('openai', 'k')
    engine = createEngines([{ name: 'llm', kind: 'openai', url: stand.url, key: 'k' }]).get('llm')!
  })
  afterAll(() => stand.close())

  it('takes memory matches at or above --min first, machine text for the rest, and reports each failure', async () => {
    const store = freshStore()
    try {
      const a = await addSpanish(store, 'en-general-01', ['The cat is black.', 'Plain words here.'])
      await store.writeTranslation({ articleId: 'en-general-01', unitId: a[0]!.id, lang: 'es', text: 'El gato es negro.', state: 'translated', author: 'ana' })
      await addSpanish(store, 'en-general-02', ['The cat is black.', 'Some more words.', '!500 broken.', '!garbled too.'])
      const s = await pretranslate(store, 'en-general-02', 'es', { mt: engine, mtState: 'initial' })
      expect(s).toMatchObject({ untranslated: 4, filled: 1, byScore: { 100: 1 } })
      expect(s.mt).toEqual({
        engine: 'llm',
        author: 'mt:llm',
        filled: 1,
        cached: 0,
        repaired: 0,
        failed: 2,
        reasons: { 'answered HTTP 500: Internal error': 1, 'malformed reply: not JSON': 1 },
      })
      const ts = await store.listTranslations('en-general-02', 'es')
      expect(ts.map((t) => [t.text, t.state, t.author])).toEqual([
        ['El gato es negro.', 'translated', 'tm'],
        ['SOME MORE WORDS.', 'initial', 'mt:llm'],
        ['', 'initial', null],
        ['', 'initial', null],
      ])
    } finally {
      await store.close()
    }
  })

  it('a dry run asks no engine and writes nothing', async () => {
    const store = freshStore()
    try {
      await addSpanish(store, 'en-general-01', ['One thing.', 'Two things.'])
      const before = stand.requests.length
      const s = await pretranslate(store, 'en-general-01', 'es', { mt: engine, dryRun: true })
      expect(s.mt).toMatchObject({ filled: 2 })
      expect(stand.requests.length).toBe(before)
      expect((await store.listTranslations('en-general-01', 'es')).every((t) => t.version === 0)).toBe(true)
    } finally {
      await store.close()
    }
  })

  it('the CLI refuses an engine it does not know, or bad configuration, in one line with exit 2', async () => {
    const db = await seededDb(tempPath('bad.sqlite'))
    for (const [mt, why] of [
      ['deepl', /no engine "deepl" is configured/],
      ['google=https://x', /unknown engine kind "google"/],
    ] as const) {
      const r = runCli(['pretranslate', 'sv-general-01', '--lang', 'de', '--mt', mt, '--db', db], { env: { TOLK_MT: '' } })
      expect(r.status).toBe(2)
      expect(r.stderr).toMatch(why)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
    }
  })
})
