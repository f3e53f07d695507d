import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll } from 'vitest'
import { importText } from '../../src/import/import-text.js'
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js'
import type { Store } from '../../src/store/types.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-tm-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
let n = 0

/** A path in this file's temp dir. */
export function tempPath(name: string): string {
  return path.join(dir, `${++n}-${name}`)
}

/** A fresh store on a real SQLite file in a temp dir. */
export function freshStore(): Store {
  return createSqliteStore({ file: tempPath('tolk.sqlite') })
}

/** Import an English article (tag sv-general, target sv) made of the given sentences. */
export async function addArticle(store: Store, id: string, sentences: string[], tag = 'sv-general') {
  await importText(store, { id, tag, lang: 'en', targets: ['sv', 'de'], text: sentences.join(' ') + '\n' })
  return store.listUnits(id)
}

/** Translate units of an article into Swedish, in order, as `anna`. */
export async function translateAll(store: Store, id: string, targets: string[], lang = 'sv') {
  const units = await store.listUnits(id)
  for (let i = 0; i < targets.length; i++) {
    await store.writeTranslation({
      articleId: id,
      unitId: units[i]!.id,
      lang,
      text: targets[i]!,
      state: 'translated',
      author: 'anna',
    })
  }
}
