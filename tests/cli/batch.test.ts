import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

const dir = mkdtempSync(join(tmpdir(), 'tolk-batch-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let n = 0

/** A database with two articles and Swedish translations of their units, written by the CLI. */
async function twoArticles(): Promise<string> {
  const db = join(dir, `db-${++n}`, 'tolk.sqlite')
  const { createSqliteStore } = await import('../../src/store/sqlite/create-sqlite-store.js')
  const { importText } = await import('../../src/import/import-text.js')
  const store = createSqliteStore({ file: db })
  try {
    await importText(store, { id: 'sv-news-01', tag: 'sv-news', lang: 'en', targets: ['sv'], text: 'The cat sleeps. 42.\n' })
    await importText(store, { id: 'sv-news-02', tag: 'sv-news', lang: 'en', targets: ['sv'], text: 'A cat runs.\n' })
    const [a] = await store.listUnits('sv-news-01')
    const [b] = await store.listUnits('sv-news-02')
    await store.writeTranslation({ articleId: 'sv-news-01', unitId: a!.id, lang: 'sv', text: 'Katten sover.', state: 'translated', author: 'ann' })
    await store.writeTranslation({ articleId: 'sv-news-02', unitId: b!.id, lang: 'sv', text: 'En katt springer.', state: 'translated', author: 'ann' })
  } finally {
    await store.close()
  }
  return db
}

describe('tolk replace and tolk batch', () => {
  it('previews a regex replace, applies the preview, and undoes it', async () => {
    const db = await twoArticles()
    const dry = runCli(['replace', 'sv-news-01', 'sv-news-02', '--lang', 'sv', '--find', '([Kk])att(en)?', '--replace', '$1iss$2', '--regex', '--dry-run', '--as', 'ann', '--db', db])
    expect(dry.stderr).toBe('')
    const lines = dry.stdout.trimEnd().split('\n')
    expect(lines.slice(0, 2).map((l) => l.replace(/ \S+: /, ' U: '))).toEqual(['sv-news-01 1 U: [-Katten-]{+Kissen+} sover.', 'sv-news-02 1 U: En [-katt-]{+kiss+} springer.'])
    const id = /^preview (\S+): 2 changes, 0 skipped of 3 units; apply it with: tolk batch apply \1$/.exec(lines[2]!)?.[1]
    expect(id).toBeDefined()
    const applied = runCli(['batch', 'apply', id!, '--as', 'ann', '--json', '--db', db])
    expect(applied.status).toBe(0)
    const json = JSON.parse(applied.stdout)
    expect(json).toMatchObject({ id, dryRun: false, status: 'applied', skipped: [] })
    expect(json.changes.map((c: { after: string }) => c.after)).toEqual(['Kissen sover.', 'En kiss springer.'])
    const again = runCli(['batch', 'apply', id!, '--as', 'ann', '--db', db])
    expect(again.status).toBe(2)
    expect(again.stderr).toMatch(/^tolk batch: batch \S+ was applied already; make a new preview\n$/)
    const undo = runCli(['batch', 'undo', id!, '--as', 'ann', '--db', db])
    expect(undo.stdout).toMatch(new RegExp(`undid batch ${id} as batch \\S+: 2 changes, 0 skipped\\n$`))
  })

  it('copies the source of units without letters and sets states, at once without --dry-run', async () => {
    const db = await twoArticles()
    const copy = runCli(['batch', 'copy-source', '--tag', 'sv-news', '--lang', 'sv', '--json', '--db', db])
    expect(JSON.parse(copy.stdout).changes.map((c: { after: string }) => c.after)).toEqual(['42.'])
    const review = runCli(['batch', 'set-state', 'sv-news-01', '--lang', 'sv', '--to', 'reviewed', '--state', 'translated', '--range', '1', '--db', db])
    expect(review.stdout).toMatch(/^sv-news-01 1 \S+: Katten sover\. \(translated → reviewed\)\napplied batch \S+: 1 change, 0 skipped; undo it with: tolk batch undo \S+\n$/)
  })

  it('says what is wrong in one line and exits 2', async () => {
    const db = await twoArticles()
    const cases: [string[], RegExp][] = [
      [['replace', 'sv-news-01', '--lang', 'sv', '--find', '(', '--replace', 'x', '--regex', '--db', db], /not a valid regular expression: .*Unterminated group/],
      [['replace', 'sv-news-01', '--lang', 'sv', '--replace', 'x', '--db', db], /--find/],
      [['replace', '--lang', 'sv', '--find', 'a', '--replace', 'b', '--db', db], /ARTICLE… or --tag/],
      [['replace', 'sv-news-99', '--lang', 'sv', '--find', 'a', '--replace', 'b', '--db', db], /sv-news-99/],
      [['batch', 'set-state', 'sv-news-01', '--lang', 'sv', '--to', 'done', '--db', db], /--to/],
      [['batch', 'undo', 'nope', '--db', db], /no batch nope/],
      [['batch', 'explode', '--db', db], /unknown batch action "explode"/],
      [['batch', 'copy-source', 'sv-news-01', '--lang', 'sv', '--range', 'x', '--db', db], /segment range/],
    ]
    for (const [args, message] of cases) {
      const r = runCli(args)
      expect(r.status, args.join(' ')).toBe(2)
      expect(r.stderr, args.join(' ')).toMatch(message)
      expect(r.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1)
    }
  })
})
