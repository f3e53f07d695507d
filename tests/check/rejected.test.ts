import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportArticle } from '../../src/formats/export-article.js'
import { openStore } from '../../src/store/open-store.js'
import { runCli, seededDb } from '../cli/run-cli.js'

describe('a rejected unit in tolk check', () => {
  it('counts as untranslated with --db, and with --files when the XLIFF 2.0 says tolk:rejected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tolk-check-rejected-'))
    const db = await seededDb(join(dir, 'tolk.sqlite'))
    const store = await openStore(db)
    const article = (await store.listArticles())[0]!
    const units = await store.listUnits(article.id)
    for (const lang of article.targets) {
      for (const u of units) await store.writeTranslation({ articleId: article.id, unitId: u.id, lang, text: `[${lang}] ${u.id}`, state: 'translated', author: 'ann' })
    }
    const unit = units[2]!
    const lang = article.targets[0]!
    await store.writeTranslation({ articleId: article.id, unitId: unit.id, lang, text: `[${lang}] ${unit.id}`, state: 'rejected', reason: 'Not Swedish yet', author: 'rita' })
    const xlf = join(dir, `${lang}.xlf`)
    writeFileSync(xlf, (await exportArticle(store, article.id, lang, 'xliff2')).body)
    await store.close()

    const byDb = runCli(['check', '--db', db, '--format', 'json'])
    expect(byDb.status).toBe(1)
    const json = JSON.parse(byDb.stdout)
    expect(json.problems).toEqual([expect.objectContaining({ kind: 'untranslated', lang, position: 3, article: article.id })])
    expect(json.problems[0].message).toMatch(/rejected by a reviewer/)
    expect(json.languages[lang]).toMatchObject({ passed: false })
    expect(json.languages[lang].units).toMatchObject({ total: units.length, translated: units.length - 1 })

    const byFiles = runCli(['check', '--files', xlf, '--format', 'json'])
    const files = JSON.parse(byFiles.stdout)
    expect(files.problems.map((p: { kind: string; key: string }) => [p.kind, p.key])).toEqual([['untranslated', unit.id]])
  }, 180_000)
})
