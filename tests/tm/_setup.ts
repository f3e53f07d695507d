import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { onFileCleanup } from '../_cleanup.js'
import { importText } from '../../src/import/import-text.js'
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js'
import type { Store } from '../../src/store/types.js'

let dir: string | undefined
let n = 0

/** A path in a temp dir of the current test file's, removed when the file has run. */
export function tempPath(name: string): string {
  if (dir === undefined) {
    const made = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-tm-'))
    dir = made
    onFileCleanup(() => {
      fs.rmSync(made, { recursive: true, force: true })
      if (dir === made) dir = undefined
    })
  }
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

/** Write a file under the test file's temp dir; its path. */
export function writeTemp(name: string, text: string | Buffer): string {
  const file = tempPath(name)
  fs.writeFileSync(file, text)
  return file
}
