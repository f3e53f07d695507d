import Database from 'better-sqlite3'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildReport, type ReportOptions } from '../../src/report/build-report.js'
import { reportJson } from '../../src/report/report-json.js'
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js'
import type { Store } from '../../src/store/types.js'
import { runCli } from '../cli/run-cli.js'
import { SAMPLE, article } from '../store/fixtures/articles.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-report-json-'))
const file = path.join(dir, 'tolk.sqlite')
let store: Store
afterAll(async () => {
  await store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const TITLE = 'Quotes " and \\ and {01} and 😀 and \u2028'

/** Turn the `{01}` placeholders of titles and sources into the control characters they name. */
function beforeTheRule(): void {
  const raw = new Database(file)
  const codes = ['01', '08', '0c', '1f', '7f']
  const sql = (col: string) => codes.reduce((e, c) => `replace(${e}, '{${c}}', char(${Number.parseInt(c, 16)}))`, col)
  raw.exec(`UPDATE articles SET title = ${sql('title')}, source = ${sql('source')}; UPDATE units SET source = ${sql('source')}`)
  raw.close()
}

// Articles in every shape a report meets: states, stale units, obsolete units, targets changed
// after translations were made, titles that need escaping, an article never translated.
beforeAll(async () => {
  store = createSqliteStore({ file })
  await store.importArticle(article('en-general-02', SAMPLE, { targets: ['sv', 'de', 'fi'], title: TITLE }))
  await store.importArticle(article('en-general-01', SAMPLE, { targets: ['de', 'sv'] }))
  await store.importArticle(article('en-general-03', 'One sentence only.', { targets: ['fi'] }))
  // Sources with every kind of character JSON escapes (or must not): the listing's JSON of them
  // is written by the database, and has to be JSON.stringify's to the character.
  // Control characters are against the text rule: stored, as by a Tolk before the rule, behind
  // the store's back (the listing must still write them as JSON.stringify does).
  const odd = ['Tab\there, "quoted" and back\\slash.', 'Controls {01}{08}{0c}{1f} and DEL {7f}.', 'Emoji 😀, \u2028 and \u2029, é and ß.', '</script> & <b>.']
  await store.importArticle(article('en-general-04', odd.join(' '), { targets: ['sv', 'de'] }))
  beforeTheRule()
  const units = await store.listUnits('en-general-02')
  const write = (unit: number, lang: string, state: 'initial' | 'translated' | 'reviewed' | 'final', text = `${lang} ${unit}`) =>
    store.writeTranslation({ articleId: 'en-general-02', unitId: units[unit]!.id, lang, text, state, author: 't' })
  await write(0, 'sv', 'translated')
  await write(1, 'sv', 'reviewed')
  await write(2, 'sv', 'final')
  await write(3, 'sv', 'initial', '')
  await write(1, 'de', 'final')
  await write(2, 'fi', 'translated')
  await write(4, 'fi', 'reviewed')
  // Edit one sentence (its translations turn stale), drop another (obsolete), move targets on.
  const edited = SAMPLE.replace('Children swim there in summer!', 'Children swim there in the summer!').replace(' Who built the mill?', '')
  await store.importArticle(article('en-general-02', edited, { targets: ['sv', 'fi', 'nb'], title: TITLE }))
  beforeTheRule()
  // A resource set with plural forms only some targets have (Russian few/many borrowed from
  // _other, Japanese only other) and a key that is no unit id ("key" in the listing).
  const e = (k: string, value: string) => ({ path: [k], value })
  await store.resourceSets.importTree([{
    id: 'app', lang: 'en', source: { indent: '  ', finalNewline: true, entries: [e('title', 'Files'), e('items_one', 'one file'), e('items_other', '{{count}} files'), e('Welcome back, "{{name}}"!', 'Welcome back!')] },
    targets: [{ lang: 'ru', indent: '  ', finalNewline: true, entries: [e('items_one', '{{count}} файл'), e('items_few', '{{count}} файла')] }, { lang: 'ja', indent: '  ', finalNewline: true, entries: [e('items_other', '{{count}} ファイル')] }],
  }], { author: 't' })
})

/** What the JSON always was: JSON.stringify of each article of buildReport, one a line. */
async function reference(opts: ReportOptions): Promise<string> {
  const { articles } = await buildReport(store, opts)
  if (articles.length === 0) return '{"articles": []}\n'
  return `{"articles": [\n${articles.map((a) => JSON.stringify(a)).join(',\n')}\n]}\n`
}

async function written(opts: ReportOptions, chunkSize?: number, stretch?: number): Promise<string> {
  let out = ''
  for await (const chunk of reportJson(store, opts, chunkSize, stretch)) out += chunk
  return out
}

const CASES: [string, ReportOptions][] = [
  ['every article', {}],
  ['named articles, in the order named, one twice', { articles: ['en-general-03', 'en-general-02', 'en-general-03'] }],
  ['some languages, one asked twice, one no article has', { langs: ['fi', 'sv', 'fi', 'xx'] }],
  ['a language only one article has', { langs: ['nb'] }],
  ['no language at all', { langs: [] }],
]

describe('reportJson', () => {
  for (const [name, opts] of CASES) {
    it(`writes the listing exactly as JSON.stringify of the report: ${name}`, async () => {
      expect(await written(opts)).toBe(await reference(opts))
    })
    it(`writes the listing read a stretch of 2 units at a time exactly the same: ${name}`, async () => {
      expect(await written(opts, 50, 2)).toBe(await reference(opts))
    })
    it(`writes the summary exactly as JSON.stringify of the report: ${name}`, async () => {
      expect(await written({ ...opts, summary: true })).toBe(await reference({ ...opts, summary: true }))
    })
  }

  it('has something to compare: stale, obsolete and every state show in the report', async () => {
    const [a] = (await buildReport(store, { articles: ['en-general-02'] })).articles
    expect(a?.languages.sv?.units).toMatchObject({ translated: 1, reviewed: 1, final: 1, stale: 1 })
    expect(a?.languages.sv?.stale).toHaveLength(1)
    expect(a?.languages.fi?.units.translated).toBe(1)
    expect(Object.keys(a?.languages ?? {})).toEqual(['sv', 'fi', 'nb'])
  })

  it('holds sources JSON has to escape', async () => {
    const units = await store.listUnits('en-general-04')
    expect(units.map((u) => u.source)).toContain('Tab\there, "quoted" and back\\slash.')
    expect(units.some((u) => u.source.includes('\u0001'))).toBe(true)
  })

  it('cuts the text into chunks without changing it', async () => {
    const whole = await written({})
    const chunks: string[] = []
    for await (const c of reportJson(store, {}, 100)) chunks.push(c)
    expect(chunks.length).toBeGreaterThan(2)
    expect(chunks.join('')).toBe(whole)
  })

  it('writes an empty report as an empty list', async () => {
    expect(await written({ langs: ['sv'], articles: ['en-general-03'] })).toBe(await reference({ langs: ['sv'], articles: ['en-general-03'] }))
  })

  it('is what tolk report --format json prints, with and without --summary', async () => {
    for (const flags of [[], ['--summary'], ['--lang', 'sv,fi']]) {
      const r = runCli(['report', '--format', 'json', ...flags, '--db', file])
      expect(r.stderr).toBe('')
      const opts: ReportOptions = flags[0] === '--lang' ? { langs: ['sv', 'fi'] } : { summary: flags[0] === '--summary' }
      expect(r.stdout).toBe(await reference(opts))
    }
  })
})
