/**
 * A memory to test, on either backend, with the few workbench writes its tests need: an article
 * of English sentences, and translations of its units (the history the memory follows).
 */
import { importText } from '../../src/import/import-text.js'
import { openPgStore } from '../../src/store/pg/create-pg-store.js'
import type { Store } from '../../src/store/types.js'
import type { TranslationMemory } from '../../src/tm/types.js'
import { freshStore } from './_setup.js'

export interface MemoryFixture {
  memory: TranslationMemory
  /** Add an article of `sentences` (text language en, targets sv and de); its unit ids in order. */
  addArticle(id: string, sentences: string[], tag?: string): Promise<string[]>
  /**
   * Write a translation as `anna` (state `initial` with an empty text takes it back); with
   * `engine`, a machine's text taken unedited.
   */
  write(articleId: string, unitId: string, lang: string, text: string, state: 'initial' | 'translated' | 'reviewed' | 'final', engine?: string): Promise<void>
  close(): Promise<void>
}

export type MakeMemory = () => Promise<MemoryFixture>

/** The fixture over a whole store: its memory, and writes through its one write path. */
export function storeFixture(store: Store): MemoryFixture {
  return {
    memory: store.memory,
    async addArticle(id, sentences, tag = 'sv-general') {
      await importText(store, { id, tag, lang: 'en', targets: ['sv', 'de'], text: sentences.join(' ') + '\n' })
      return (await store.listUnits(id)).map((u) => u.id)
    },
    async write(articleId, unitId, lang, text, state, engine) {
      const origin = engine === undefined ? undefined : { kind: 'mt' as const, engine }
      await store.writeTranslation({ articleId, unitId, lang, text, state, author: 'anna', origin })
    },
    close: () => store.close(),
  }
}

export const sqliteMemory: MakeMemory = async () => storeFixture(freshStore())

/** The memory of a PostgreSQL store on a fresh schema (`url`). */
export function pgMemory(url: () => Promise<string>): MakeMemory {
  return async () => storeFixture(await openPgStore({ url: await url() }))
}
