import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { issueToken } from '../../src/auth/tokens.js'
import { textHash } from '../../src/qa/text-hash.js'
import { startServer } from '../../src/server.js'
import { openStore } from '../../src/store/open-store.js'
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js'
import { qaDatabase } from '../qa/_article.js'
import { runCli, runCliAsync } from '../cli/run-cli.js'

const dir = mkdtempSync(join(tmpdir(), 'tolk-check-qa-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let n = 0
const freshDb = () => join(dir, `db-${++n}`, 'tolk.sqlite')
const check = (db: string, ...args: string[]) => runCli(['check', '--db', db, 'en-news-01', '--lang', 'sv', '--min', '0', ...args])

describe('tolk check --qa', () => {
  it('is off by default, and with --qa error fails on errors, listing them as qa:<check> in JSON', async () => {
    const db = freshDb()
    const units = await qaDatabase(db)
    const off = JSON.parse(check(db, '--format', 'json').stdout)
    expect(off.passed).toBe(true)
    expect(off.languages.sv.qa).toBeUndefined()
    expect(off.problems.some((p: { kind: string }) => p.kind.startsWith('qa:'))).toBe(false)

    const r = check(db, '--qa', 'error', '--format', 'json')
    expect(r.status).toBe(1)
    const json = JSON.parse(r.stdout)
    expect(json.languages.sv).toMatchObject({ qa: { errors: 2, warnings: 2 }, passed: false, failed: ['qa'], reasons: ['2 QA findings'] })
    expect(json.problems.filter((p: { kind: string }) => p.kind.startsWith('qa:'))).toEqual([
      { lang: 'sv', file: null, line: null, key: units[0], kind: 'qa:numbers', severity: 'error', article: 'en-news-01', position: 1, message: `${units[0]} (error): Numbers differ: 5 of the source is missing; 6 is not in the source` },
      { lang: 'sv', file: null, line: null, key: units[1], kind: 'qa:forbidden-term', severity: 'error', article: 'en-news-01', position: 2, message: `${units[1]} (error): “porten” is “port”, a forbidden term: use “hamn”` },
    ])
    const warn = JSON.parse(check(db, '--qa', 'warning', '--format', 'json').stdout)
    expect(warn.problems.map((p: { kind: string }) => p.kind).filter((k: string) => k.startsWith('qa:'))).toEqual(['qa:numbers', 'qa:forbidden-term', 'qa:untranslated-term', 'qa:end-punctuation'])
    expect(warn.languages.sv.reasons).toEqual(['4 QA findings'])
  })

  it('leaves dismissed findings out, and passes once every error is dismissed', async () => {
    const db = freshDb()
    const units = await qaDatabase(db)
    const store = await createSqliteStore({ file: db })
    await store.qa.dismiss({ article: 'en-news-01', unit: units[0]!, lang: 'sv', check: 'numbers', hash: textHash('It costs 5 kr.', 'Det kostar 6 kr.'), by: 'rev', reason: 'new price' })
    await store.qa.dismiss({ article: 'en-news-01', unit: units[1]!, lang: 'sv', check: 'forbidden-term', hash: textHash('We walk to the harbour.', 'Vi går till porten.'), by: 'rev', reason: 'a name' })
    await store.close()
    const r = check(db, '--qa', 'error', '--format', 'json')
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout).languages.sv.qa).toEqual({ errors: 0, warnings: 2 })
  })

  it('shows the findings in every format: text, markdown, github, junit and SARIF', async () => {
    const db = freshDb()
    await qaDatabase(db)
    const text = check(db, '--qa', 'error').stdout
    expect(text).toMatch(/lang +coverage +min +untranslated +stale +qa errors +qa warnings +result/)
    expect(text).toMatch(/sv +\S+ % +0 +1 +0 +2 +2 +FAIL: 2 QA findings/)
    expect(text).toContain('en-news-01#1  sv  qa:numbers: ')
    const md = check(db, '--qa', 'error', '--format', 'markdown').stdout
    expect(md).toContain('| qa errors | qa warnings | result |')
    expect(md).toMatch(/\| 2 \| 2 \| ❌ 2 QA findings \|/)
    expect(md).toContain('| `en-news-01#2` | sv | qa:forbidden-term | ')
    const gh = check(db, '--qa', 'error', '--format', 'github').stdout
    expect(gh).toContain('title=tolk check%3A qa%3Anumbers (sv)')
    const junit = check(db, '--qa', 'error', '--format', 'junit').stdout
    expect(junit).toContain('<testcase classname="tolk.check.sv" name="qa">')
    expect(junit).toContain('<failure message="2 QA findings" type="qa">')
    expect(junit).not.toMatch(/name="coverage">\s*<failure/)
    const sarif = JSON.parse(check(db, '--qa', 'error', '--format', 'sarif').stdout)
    const run = sarif.runs[0]
    const rules = run.tool.driver.rules.map((x: { id: string }) => x.id)
    expect(rules).toContain('qa:numbers')
    expect(run.tool.driver.rules.find((x: { id: string }) => x.id === 'qa:end-punctuation').defaultConfiguration.level).toBe('warning')
    const numbers = run.results.find((x: { ruleId: string }) => x.ruleId === 'qa:numbers')
    expect(numbers).toMatchObject({ level: 'error', ruleIndex: rules.indexOf('qa:numbers') })
    expect(numbers.locations[0].logicalLocations[0].fullyQualifiedName).toMatch(/^en-news-01\//)
  })

  it('takes a baseline: findings it holds are tolerated, a new one fails', async () => {
    const db = freshDb()
    const units = await qaDatabase(db)
    const base = join(dir, `base-${n}.json`)
    check(db, '--qa', 'error', '--baseline', base, '--update-baseline')
    expect(check(db, '--qa', 'error', '--baseline', base).status).toBe(0)
    const store = await createSqliteStore({ file: db })
    await store.writeTranslation({ articleId: 'en-news-01', unitId: units[3]!, lang: 'sv', text: 'Alla är glada 9.', state: 'translated', ifVersion: 0, author: 'ana' })
    await store.close()
    const r = check(db, '--qa', 'error', '--baseline', base, '--format', 'json')
    expect(r.status).toBe(1)
    expect(JSON.parse(r.stdout).languages.sv.reasons).toEqual(['1 new QA finding'])
  })

  it('refuses --qa with a bad value or without a workbench source, exit 2', async () => {
    const db = freshDb()
    await qaDatabase(db)
    const bad = check(db, '--qa', 'fatal')
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/--qa takes error or warning, not "fatal"/)
    const locales = runCli(['check', '--locales', dir, '--qa', 'error'])
    expect(locales.status).toBe(2)
    expect(locales.stderr).toMatch(/--qa checks the workbench: use it with --db or --server/)
  })

  it('reads the findings of a running workbench with --server', async () => {
    const db = freshDb()
    await qaDatabase(db)
    const running = await startServer({ port: 0, host: '127.0.0.1', db, quiet: true, print: () => {} })
    try {
      const store = await openStore(db)
      await store.accounts.add('ci', [{ role: 'viewer', langs: [] }])
      const { token } = await issueToken(store.accounts, 'ci')
      await store.close()
      const r = await runCliAsync(['check', '--server', running.url, 'en-news-01', '--lang', 'sv', '--min', '0', '--qa', 'error', '--format', 'json'], { TOLK_TOKEN: token })
      expect(r.stderr).toBe('')
      expect(r.status).toBe(1)
      const json = JSON.parse(r.stdout)
      expect(json.languages.sv.qa).toEqual({ errors: 2, warnings: 2 })
      expect(json.problems.filter((p: { kind: string }) => p.kind.startsWith('qa:')).map((p: { kind: string }) => p.kind)).toEqual(['qa:numbers', 'qa:forbidden-term'])
    } finally {
      await running.close()
    }
  })
})
