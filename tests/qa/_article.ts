import { importText } from '../../src/import/import-text.js'
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js'
import type { Store } from '../../src/store/types.js'

/**
 * An article with one finding of each kind that tests of the overview's outputs look for: a
 * number lost (error), a forbidden term (error) with its preferred term missing (warning), and an
 * end mark left out (warning). Answers the unit ids in order.
 */
export async function seedQaArticle(store: Store): Promise<string[]> {
  await importText(store, {
    id: 'en-news-01', tag: 'en-news', lang: 'en', targets: ['sv', 'de'],
    text: 'It costs 5 kr.\n\nWe walk to the harbour.\n\nThe boats are ready.\n\nEveryone is happy.\n',
  })
  await store.terms.addEntry('sv-news', {
    terms: [{ lang: 'en', text: 'harbour' }, { lang: 'sv', text: 'hamn', status: 'preferred' }, { lang: 'sv', text: 'port', status: 'forbidden' }],
  }, { by: 'boss' })
  const units = (await store.listUnits('en-news-01')).map((u) => u.id)
  const texts = ['Det kostar 6 kr.', 'Vi går till porten.', 'Båtarna är redo']
  for (const [i, text] of texts.entries()) {
    await store.writeTranslation({ articleId: 'en-news-01', unitId: units[i]!, lang: 'sv', text, state: 'translated', ifVersion: 0, author: 'ana' })
  }
  return units
}

/** A SQLite file holding {@link seedQaArticle}'s article. */
export async function qaDatabase(file: string): Promise<string[]> {
  const store = await createSqliteStore({ file })
  try {
    return await seedQaArticle(store)
  } finally {
    await store.close()
  }
}
