import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../src/store/open-store.js'
import { runCli, seededDb } from '../cli/run-cli.js'

interface Unit {
  id: string
}

describe('tolk check --db', () => {
  it('fails on the untranslated seed and passes once every unit is translated', async () => {
    const db = await seededDb(join(mkdtempSync(join(tmpdir(), 'tolk-check-db-')), 'tolk.sqlite'))
    const report = runCli(['report', '--format', 'json', '--db', db])
    expect(report.status).toBe(0)
    const article = JSON.parse(report.stdout).articles[0] as { id: string; languages: Record<string, { untranslated: Unit[] }> }
    const langs = Object.keys(article.languages)

    const before = runCli(['check', '--db', db, '--format', 'json'])
    expect(before.status).toBe(1)
    const json = JSON.parse(before.stdout)
    expect(json.source.kind).toBe('db')
    expect(json.checked.files).toBe(1)
    for (const lang of langs) expect(json.languages[lang]).toMatchObject({ coverage: 0, passed: false })
    expect(json.problems[0]).toMatchObject({ kind: 'untranslated', article: article.id, position: 1, file: null })

    const text = runCli(['check', '--db', db])
    expect(text.stdout).toMatch(new RegExp(`${article.id}#1 +${langs[0]} +untranslated`))

    // Translated through the store, as `tolk translate` does (tested in tests/cli/): one process per
    // unit and language made this the slowest test of the suite.
    const store = await openStore(db)
    let written = 0
    for (const lang of langs) {
      for (const unit of article.languages[lang]?.untranslated ?? []) {
        await store.writeTranslation({ articleId: article.id, unitId: unit.id, lang, text: `[${lang}] ${unit.id}`, state: 'translated', author: 'ann' })
        written++
      }
    }
    await store.close()
    expect(written).toBeGreaterThan(0)
    const after = runCli(['check', '--db', db])
    expect(after.stderr).toBe('')
    expect(after.status).toBe(0)
    expect(after.stdout).toMatch(/passed: all \d+ languages/)
  }, 180_000)
})
