import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { importText } from '../../src/import/import-text.js'
import { MIGRATIONS } from '../../src/store/migrations/index.js'
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js'
import type { Store } from '../../src/store/types.js'
import { testArchive } from './_contract-archive.js'
import { testPluralCoverageCounters } from './_contract-plural-coverage.js'
import { testResourceSets } from './_contract-resource-sets.js'
import { testNamespaceFolders } from './_contract-namespaces.js'
import { testPluralZero } from './_contract-plural-zero.js'

const open: Store[] = []
const dirs: string[] = []
afterEach(async () => {
  for (const s of open.splice(0)) await s.close()
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

function freshStore(): Store {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-rs-'))
  dirs.push(dir)
  const store = createSqliteStore({ file: path.join(dir, 'tolk.sqlite') })
  open.push(store)
  return store
}

describe('SQLite store', () => {
  testResourceSets(freshStore)
  testNamespaceFolders(freshStore)
  testPluralZero(freshStore)
  testPluralCoverageCounters(freshStore)
  testArchive(freshStore)
})

describe('SQLite schema 7 (an older SQLite file)', () => {
  it('migrates a schema-6 database; articles and resource sets then live side by side', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-rs-'))
    dirs.push(dir)
    const file = path.join(dir, 'old.sqlite')
    const raw = new Database(file)
    for (const m of MIGRATIONS.filter((m) => m.version <= 6)) raw.exec(m.sql)
    raw.pragma('user_version = 6')
    raw.close()
    const old = createSqliteStore({ file })
    open.push(old)
    expect(await old.resourceSets.list()).toEqual([])
    await importText(old, { id: 'sv-general-01', tag: 'sv-general', lang: 'en', targets: ['sv'], text: 'One. Two.\n' })
    await old.resourceSets.addMissing({ namespace: 'app', lang: 'en', keys: [['a', 'x']], targets: ['sv'] })
    expect((await old.listArticles()).map((a) => a.id)).toEqual(['app', 'sv-general-01'])
  })
})
