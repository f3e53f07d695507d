/**
 * A real SQLite store in a temp folder holding one article whose translations are in every state:
 * translated, reviewed, final, stale (source edited after translating), a draft, and untranslated.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { importText } from '../../src/import/import-text.js'
import { openStore } from '../../src/store/open-store.js'
import type { Store } from '../../src/store/types.js'

export const ARTICLE = 'en-news-01'

/** The article: a heading, markup-looking text, quotes, a tab, an emoji, an inner line break. */
export const TEXT = [
  'Floods & <storms> in Lund',
  '',
  'The river rose by "two metres" overnight. Schools\tclosed early. 🌧 Rain is expected until Friday.',
  '',
  'The mayor spoke at noon. Nobody was hurt.',
  '',
].join('\n')

export const EDITED = TEXT.replace('The mayor spoke at noon.', 'The mayor spoke at ten.')

export interface Fixture {
  store: Store
  dir: string
  db: string
  units: { id: string; source: string }[]
}

/** Open a fresh store and fill it; close it with `fixture.store.close()`. */
export async function makeFixture(): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'tolk-formats-'))
  const db = join(dir, 'tolk.sqlite')
  const store = await openStore(db)
  await importText(store, {
    id: ARTICLE,
    tag: 'en-news',
    lang: 'en',
    targets: ['sv', 'de'],
    text: TEXT,
  })
  const units = (await store.listUnits(ARTICLE)).map((u) => ({ id: u.id, source: u.source }))
  const write = (i: number, text: string, state: 'initial' | 'translated' | 'reviewed' | 'final') =>
    store.writeTranslation({
      articleId: ARTICLE,
      unitId: units[i]!.id,
      lang: 'sv',
      text,
      state,
      author: 'ann',
    })
  await write(0, 'Översvämningar & <stormar> i Lund', 'translated')
  await write(1, 'Floden steg med "två meter" under natten.', 'reviewed')
  await write(2, 'Skolorna\tstängde tidigt.', 'final')
  await write(4, 'Borgmästaren talade vid middagstid.', 'translated')
  await write(3, 'Regn väntas (utkast)', 'initial')
  // Editing the sentence translated last makes its translation stale.
  await importText(store, { id: ARTICLE, tag: 'en-news', text: EDITED })
  return { store, dir, db, units }
}
