import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { exportArticle } from '../../src/formats/export-article.js'
import { importText } from '../../src/import/import-text.js'
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js'
import { startServer } from '../../src/server.js'
import { issueToken } from '../../src/auth/tokens.js'
import { createApp } from '../../src/http/app.js'
import { ARTICLE } from '../http/_setup.js'
import { relistTextFaults } from './_relist-text-faults.js'

// Schema 14 lists the texts stored before the store enforced the text rule; XML exports refuse
// them naming the unit (400, never a 500); rewriting a text takes it off the list.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-faults-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/**
 * A database as an older Tolk left it: texts against the rule written behind the store's back,
 * then schema 14's step, which lists them, run as an upgrade would run it.
 */
async function olderDatabase(): Promise<{ file: string; units: string[] }> {
  const file = path.join(dir, `db-${Math.random().toString(36).slice(2)}.sqlite`)
  const store = createSqliteStore({ file })
  await importText(store, ARTICLE)
  const units = (await store.listUnits(ARTICLE.id)).map((u) => u.id)
  await store.writeTranslation({ articleId: ARTICLE.id, unitId: units[1]!, lang: 'sv', text: 'Vädret är fint.', state: 'translated', author: 'ann' })
  await store.writeTranslation({ articleId: ARTICLE.id, unitId: units[2]!, lang: 'de', text: 'Wir gehen.', state: 'translated', author: 'ann' })
  await store.close()
  const raw = new Database(file)
  raw.prepare('UPDATE translations SET text = ? WHERE unit_id = ? AND lang = ?').run('Vädret\u0007 är fint.', units[1], 'sv')
  raw.prepare('UPDATE translations SET text = ? WHERE unit_id = ? AND lang = ?').run('Wir\u0000 gehen.', units[2], 'de')
  raw.prepare('UPDATE articles SET title = ? WHERE id = ?').run('\u001b[1mWelcome', ARTICLE.id)
  relistTextFaults(raw)
  raw.close()
  return { file, units }
}

describe('SQLite schema 14 (an older SQLite file): texts stored against the rule', () => {
  it('are listed by article, unit and language when the database is upgraded', async () => {
    const { file, units } = await olderDatabase()
    const store = createSqliteStore({ file })
    try {
      expect(await store.textFaults()).toEqual(
        [
          { articleId: ARTICLE.id, unitId: null, lang: 'en', what: 'title', problem: expect.stringMatching(/control character U\+001B/) },
          { articleId: ARTICLE.id, unitId: units[1], lang: 'sv', what: 'translation', problem: expect.stringMatching(/control character U\+0007 .*line 1, column 7/) },
          { articleId: ARTICLE.id, unitId: units[2], lang: 'de', what: 'translation', problem: expect.stringMatching(/control character U\+0000/) },
        ].sort((a, b) => String(a.unitId ?? '').localeCompare(String(b.unitId ?? ''))),
      )
      // Rewritten (and so checked), a text leaves the list.
      await store.writeTranslation({ articleId: ARTICLE.id, unitId: units[1]!, lang: 'sv', text: 'Vädret är fint.', state: 'translated', author: 'ann' })
      expect((await store.textFaults()).map((f) => f.lang)).toEqual(['en', 'de'])
    } finally {
      await store.close()
    }
  })

  it('make every XML export of their language refuse, 400 naming the unit over HTTP; PO still carries them', async () => {
    const { file, units } = await olderDatabase()
    const store = createSqliteStore({ file })
    try {
      for (const format of ['tmx', 'xliff12', 'xliff2'] as const) {
        await expect(exportArticle(store, ARTICLE.id, 'sv', format)).rejects.toThrow(new RegExp(`unit ${units[1]} holds a control character`))
      }
      expect((await exportArticle(store, ARTICLE.id, 'sv', 'po')).body).toContain('Vädret\\007 är fint.')
      await store.accounts.add('boss', [{ role: 'admin', langs: [] }])
      const { token } = await issueToken(store.accounts, 'boss')
      const app = createApp({ store, log: false })
      const res = await app.request(`/api/articles/${ARTICLE.id}/export?lang=sv&format=xliff12`, { headers: { authorization: `Bearer ${token}` } })
      expect(res.status).toBe(400)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
      expect(((await res.json()) as { detail: string }).detail).toContain(`unit ${units[1]} holds a control character`)
    } finally {
      await store.close()
    }
  })

  it('are named by tolk serve at start', async () => {
    const { file } = await olderDatabase()
    const lines: string[] = []
    const server = await startServer({ port: 0, host: '127.0.0.1', db: file, quiet: true, print: (l) => lines.push(l) })
    try {
      expect(lines).toContainEqual(expect.stringMatching(/^tolk: 3 stored texts break the text rule .*tolk text-faults/))
      const res = await fetch(`${server.url}/healthz`)
      expect(res.status).toBe(200)
    } finally {
      await server.close()
    }
  })
})
