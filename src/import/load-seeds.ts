import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Store } from '../store/types.js'
import { importText } from './import-text.js'

/** One entry of `seeds/manifest.json`. */
interface SeedEntry {
  id: string
  file: string
  tag: string
  lang?: string
  targets: string[]
}

/** The repository's `seeds/` folder. */
export const SEEDS_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url))

/**
 * Load the seed articles named in `seeds/manifest.json` into an empty store (first start).
 * Returns the ids loaded; does nothing when the store already holds articles.
 */
export async function loadSeedsIfEmpty(store: Store, dir = SEEDS_DIR): Promise<string[]> {
  // Archived articles count: a database whose articles are all archived is not a new one.
  if ((await store.listArticles()).length > 0 || (await store.listArchived()).length > 0) return []
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { articles: SeedEntry[] }
  const loaded: string[] = []
  for (const seed of manifest.articles) {
    const text = await readFile(join(dir, seed.file), 'utf8')
    const req = { id: seed.id, tag: seed.tag, targets: seed.targets, text, ...(seed.lang ? { lang: seed.lang } : {}) }
    await importText(store, req)
    loaded.push(seed.id)
  }
  return loaded
}
