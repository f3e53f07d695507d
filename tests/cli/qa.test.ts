import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js'
import { textHash } from '../../src/qa/text-hash.js'
import { qaDatabase } from '../qa/_article.js'
import { runCli } from './run-cli.js'

const dir = mkdtempSync(join(tmpdir(), 'tolk-qa-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let n = 0
const freshDb = () => join(dir, `db-${++n}`, 'tolk.sqlite')

describe('tolk qa', () => {
  it('lists the findings as text and as the API’s JSON, marks a dismissed one, and filters', async () => {
    const db = freshDb()
    const units = await qaDatabase(db)
    const text = runCli(['qa', 'en-news-01', '--lang', 'sv', '--db', db])
    expect(text.stderr).toBe('')
    expect(text.status).toBe(0)
    expect(text.stdout).toBe([
      'en-news-01 sv: 2 errors, 2 warnings (termbase sv-news)',
      `1\t${units[0]}\terror\tnumbers\tNumbers differ: 5 of the source is missing; 6 is not in the source`,
      `2\t${units[1]}\terror\tforbidden-term\t“porten” is “port”, a forbidden term: use “hamn”`,
      `2\t${units[1]}\twarning\tuntranslated-term\t“harbour” should be translated “hamn”`,
      `3\t${units[2]}\twarning\tend-punctuation\tThe source ends with “.”, the translation without an end mark`,
      '',
    ].join('\n'))
    const json = JSON.parse(runCli(['qa', 'en-news-01', '--lang', 'sv', '--format', 'json', '--severity', 'error', '--db', db]).stdout)
    expect(json).toMatchObject({ article: 'en-news-01', lang: 'sv', termbase: 'sv-news' })
    expect(json.findings.map((f: { check: string }) => f.check)).toEqual(['numbers', 'forbidden-term'])

    const store = await createSqliteStore({ file: db })
    await store.qa.dismiss({ article: 'en-news-01', unit: units[0]!, lang: 'sv', check: 'numbers', hash: textHash('It costs 5 kr.', 'Det kostar 6 kr.'), by: 'rev', reason: 'price\nchanged' })
    await store.close()
    const after = runCli(['qa', 'en-news-01', '--lang', 'sv', '--severity', 'error', '--db', db]).stdout
    expect(after).toContain('en-news-01 sv: 1 errors, 0 warnings, 1 dismissed')
    expect(after).toContain('\tnumbers\tNumbers differ: 5 of the source is missing; 6 is not in the source\t(dismissed by rev: price changed)\n')
    expect(runCli(['qa', 'en-news-01', '--lang', 'sv', '--open', '--severity', 'error', '--db', db]).stdout).not.toContain('numbers')
  })

  it('refuses bad usage and input with one line and exit 2', async () => {
    const db = freshDb()
    await qaDatabase(db)
    const cases: [string[], RegExp][] = [
      [['qa', '--lang', 'sv'], /name one article/],
      [['qa', 'en-news-01'], /--lang/],
      [['qa', 'en-news-01', '--lang', 'fi'], /fi is not a target language of en-news-01: use one of sv, de/],
      [['qa', 'en-news-09', '--lang', 'sv'], /en-news-09/],
      [['qa', 'en-news-01', '--lang', 'sv', '--format', 'xml'], /unknown --format "xml"/],
      [['qa', 'en-news-01', '--lang', 'sv', '--severity', 'fatal'], /unknown --severity "fatal"/],
      [['qa', 'en-news-01', '--lang', 'sv', '--tag', 'Sv'], /tag/],
      [['qa', 'en-news-01', '--lang', 'x\u0007'], /./],
      [['qa', 'en-news-01', '--lang', 'sv', '--consistency', 'all'], /unknown --consistency "all"/],
    ]
    for (const [args, message] of cases) {
      const r = runCli([...args, '--db', db])
      expect(r.status, args.join(' ')).toBe(2)
      expect(r.stderr, args.join(' ')).toMatch(message)
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1)
    }
  })
})
