// Issue 16, items 5–10: the rough edges a newcomer hit in the first hour, each tried with the
// built CLI on a temp database.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js'
import { ROOT, runCli, seededDb } from './run-cli.js'

let dir: string
let db: string
const tolk = (...args: string[]) => runCli([...args, '--db', db])
const SEED = join(ROOT, 'seeds/sv-general-01.txt')
// Twelve words of English: enough letters to act on the detector's guess, too few to be sure.
const SHORT_ENGLISH = 'My dog likes long walks in the park. She sleeps all day.\n'
// Five words: too few letters to act on the guess, so the tag's language is taken.
const TINY_ENGLISH = 'The dog sleeps all day.\n'

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tolk-edges-'))
  db = join(dir, 'tolk.sqlite')
})

/** A fresh database holding the seed, made in this process (fewer CLI processes to wait for). */
async function seeded(): Promise<void> {
  await seededDb(db)
}

/** The seed's first unit id, read in this process. */
async function firstUnit(): Promise<string> {
  const store = createSqliteStore({ file: db })
  try {
    return (await store.listUnits('sv-general-01'))[0]!.id
  } finally {
    await store.close()
  }
}

describe('5. a translation that starts with "-"', () => {
  it('is taken as text after the unit id, with options before or after it', async () => {
    await seeded()
    const unit = await firstUnit()
    const r = tolk('translate', 'sv-general-01', unit, '--lang', 'sv', '- Delar upp text i segment.')
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const j = runCli(['export', 'sv-general-01', '--db', db, '--lang', 'sv', '--format', 'i18next'])
    expect(JSON.parse(j.stdout)[unit]).toBe('- Delar upp text i segment.')
    // `--` still works, for a text that is itself an option's name.
    expect(runCli(['translate', '--db', db, 'sv-general-01', unit, '--lang', 'sv', '--', '--lang']).status).toBe(0)
    expect(JSON.parse(runCli(['export', 'sv-general-01', '--db', db, '--lang', 'sv', '--format', 'i18next']).stdout)[unit]).toBe('--lang')
  })

  it('names an unknown option in balanced quotes', () => {
    const r = runCli(['report', '--nope'])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/unknown option "--nope"/)
    const line = r.stderr.trim()
    expect(line.split('\n')).toHaveLength(1)
    expect((line.match(/"/g) ?? []).length % 2).toBe(0)
    expect((line.match(/'/g) ?? []).length % 2).toBe(0)
  })
})

describe('6. a re-import by --id', () => {
  it('uses the stored tag of an article whose id implies none', () => {
    const file = join(dir, 'guide.md')
    copyFileSync(SEED, file)
    expect(tolk('import', file, '--tag', 'sv-guide', '--lang', 'en', '--targets', 'sv').status).toBe(0)
    writeFileSync(file, `${SHORT_ENGLISH}Another line here.\n`)
    const r = tolk('import', file, '--id', 'guide', '--json')
    expect(r.stderr).not.toMatch(/cannot tell the tag/)
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ article: 'guide', revision: 2, outcome: 'changed' })
  })
})

describe('7. a dry run', () => {
  it('counts an article that does not exist yet as new, and says nothing was imported', async () => {
    await seeded()
    const folder = join(dir, 'in')
    mkdirSync(folder)
    copyFileSync(SEED, join(folder, 'sv-general-02.txt'))
    const r = tolk('import', folder, '--dry-run', '--lang', 'en', '--targets', 'sv')
    expect(r.status).toBe(0)
    expect(r.stdout).toBe('1 of 1 files would be imported (1 new, 0 changed, 0 unchanged), 0 skipped (dry run: nothing written)\n')
    expect(tolk('report', 'sv-general-02').status).toBe(2) // nothing was written
    const one = tolk('import', join(folder, 'sv-general-02.txt'), '--dry-run', '--lang', 'en', '--targets', 'sv')
    expect(one.stdout).toMatch(/^sv-general-02: would be new at revision 1;.*\(dry run: nothing written\)$/m)
  })
})

describe('8. a short text', () => {
  it('says which language it assumed and the flag that sets it, and the refusal names the fix', async () => {
    await seeded()
    const folder = join(dir, 'pets')
    mkdirSync(folder)
    writeFileSync(join(folder, 'de-pets-05.md'), SHORT_ENGLISH)
    const r = tolk('import', folder, '--targets', 'sv')
    expect(r.status).toBe(0)
    expect(r.stderr).toMatch(/warning: de-pets-05\.md: the text has 12 words, too few to be sure of its language: taken as en, as it reads, though its tag declares de; if it is de, say --lang de/)
    writeFileSync(join(folder, 'de-pets-05.md'), TINY_ENGLISH)
    expect(tolk('import', folder).stderr).toMatch(/warning: de-pets-05\.md: the text has 5 words, too few to be sure of its language: taken as de, its tag's language; if it is en, say --lang en/)
    const sv = join(dir, 'sv-pets-01.md')
    writeFileSync(sv, TINY_ENGLISH)
    const refused = tolk('import', sv, '--targets', 'sv')
    expect(refused.status).toBe(2)
    expect(refused.stderr).toMatch(/target language sv is the text language as guessed .*say --lang en/)
    expect(tolk('import', sv, '--targets', 'sv', '--lang', 'en').status).toBe(0)
  })
})

describe('9. a --db that is not there or not a database', () => {
  it('creates no database on a verb that reads, and names the path', () => {
    const missing = join(dir, 'tolk.sqlit')
    for (const args of [['report'], ['export', 'sv-general-01', '--lang', 'sv', '--format', 'po'], ['user', 'list']]) {
      const r = runCli([...args, '--db', missing])
      expect(r.status, args.join(' ')).toBe(2)
      expect(r.stderr).toMatch(`no database at ${missing}`)
      expect(r.stdout).toBe('')
    }
    expect(runCli(['report', '--db', missing]).status).toBe(2) // still not there
  })

  it('refuses a folder, a text file and an empty file, naming each, with exit 2', () => {
    const folder = join(dir, 'folder')
    mkdirSync(folder)
    const text = join(dir, 'notes.txt')
    writeFileSync(text, 'not a database\n'.repeat(100))
    const empty = join(dir, 'empty.sqlite')
    writeFileSync(empty, '')
    for (const file of [folder, text, empty]) {
      const r = runCli(['report', '--db', file])
      expect(r.status, file).toBe(2)
      expect(r.stderr).toContain(file)
      expect(r.stderr).not.toMatch(/unexpected error/)
    }
  })
})

describe('10. warnings users stop reading', () => {
  it('a fresh database warns on no command', () => {
    const seedCopy = join(dir, 'sv-general-01.txt')
    copyFileSync(SEED, seedCopy)
    const runs = [
      tolk('import', SEED),
      tolk('report', '--summary'),
      tolk('import', seedCopy),
      tolk('export', 'sv-general-01', '--lang', 'de', '--format', 'xliff2'),
      tolk('analyse', 'sv-general-01', '--lang', 'sv'),
    ]
    for (const r of runs) {
      expect(r.status).toBe(0)
      expect(r.stderr).toBe('')
    }
  })

  it('an explicit --lang confirms the language: later re-imports do not warn', async () => {
    await seeded()
    const file = join(dir, 'sv-news-01.txt')
    copyFileSync(SEED, file)
    const first = tolk('import', file, '--targets', 'de')
    expect(first.stderr).toMatch(/reads as en but its tag declares sv.*say --lang en to confirm/)
    expect(tolk('import', file).stderr).toMatch(/tag declares sv/)
    expect(tolk('import', file, '--lang', 'en', '--json').stdout).toMatch(/"outcome":"changed"/)
    writeFileSync(file, `${SHORT_ENGLISH}\n${readSeed()}`)
    const after = tolk('import', file)
    expect(after.status).toBe(0)
    expect(after.stderr).toBe('')
  })

  it('segment --lang sv on English text warns', () => {
    const r = runCli(['segment', '--lang', 'sv', SEED])
    expect(r.status).toBe(0)
    expect(r.stderr).toMatch(/warning: the text reads as en but is declared sv; .*say --lang en/)
  })
})

function readSeed(): string {
  return runCli(['segment', '--lang', 'en', SEED]).stdout
}

describe('11. a file given to the wrong verb', () => {
  it('import-translations names an empty file, a TMX memory and JSON for what they are, with the verb that reads them', async () => {
    await seeded()
    const tmx = join(dir, 'own.tmx')
    expect(tolk('export', 'sv-general-01', '--lang', 'sv', '--format', 'tmx', '--output', tmx).status).toBe(0)
    const empty = join(dir, 'empty.po')
    writeFileSync(empty, '\n')
    const json = join(dir, 'sv.json')
    writeFileSync(json, '{"a": "b"}\n')
    const cases: [string, RegExp][] = [
      [empty, /empty\.po is empty/],
      [tmx, /own\.tmx is a TMX translation memory.*tolk tm import/],
      [json, /sv\.json is JSON.*tolk import-locales/],
    ]
    for (const [file, message] of cases) {
      const r = tolk('import-translations', file)
      expect(r.status, file).toBe(2)
      expect(r.stderr).toMatch(message)
      expect(r.stderr).not.toMatch(/X-Tolk-Article|DOCTYPE/)
    }
    const po = join(dir, 'sv.po')
    expect(tolk('export', 'sv-general-01', '--lang', 'sv', '--format', 'po', '--output', po).status).toBe(0)
    const wrong = tolk('tm', 'import', po)
    expect(wrong.status).toBe(2)
    expect(wrong.stderr).toMatch(/sv\.po is a PO file, not a TMX memory: .*tolk import-translations/)
  })

  it('tm import of an exported article adds nothing the memory already holds', async () => {
    await seeded()
    const unit = await firstUnit()
    expect(tolk('translate', 'sv-general-01', unit, '--lang', 'sv', 'HTS-toppmötet').status).toBe(0)
    const tmx = join(dir, 'own.tmx')
    expect(tolk('export', 'sv-general-01', '--lang', 'sv', '--format', 'tmx', '--output', tmx).status).toBe(0)
    expect(tolk('tm', 'import', tmx).stdout).toMatch(/1 units read, 0 entries added, 1 already held/)
    const hits = JSON.parse(tolk('tm', 'search', 'toppmötet', '--lang', 'sv', '--format', 'json').stdout) as { hits: unknown[] }
    expect(hits.hits).toHaveLength(1)
  })
})
