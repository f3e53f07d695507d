/**
 * #23 finding 13: i18next trees written on Windows. A BOM is kept when export-locales writes over
 * the file it came from (and import warns `not-byte-stable` naming it, since a fresh folder gets
 * none); CRLF line endings likewise, with a warning that names line endings as the cause.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { localeTrees } from './_locale-tree.js'
import { runCli } from './run-cli.js'

const { root, fresh, writeTree } = localeTrees('tolk-locale-bytes-')
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

// As Visual Studio and Notepad save them: a UTF-8 BOM, CRLF line endings.
const json = (o: object) => `${JSON.stringify(o, null, 2)}\n`
const TREE = {
  'en/app.json': `\uFEFF${json({ title: 'Floods in Lund', nav: { home: 'Home' } })}`,
  'sv/app.json': json({ title: 'Översvämningar i Lund', nav: { home: 'Hem' } }).replace(/\n/g, '\r\n'),
}

describe('i18next files with a BOM or CRLF line endings', () => {
  it('warns naming the BOM and the line endings, not spacing or escapes', () => {
    const src = writeTree(TREE)
    const db = path.join(fresh(), 'tolk.sqlite')
    const r = runCli(['import-locales', src, '--source', 'en', '--db', db, '--json'])
    expect(r.status, r.stderr).toBe(0)
    const warnings = JSON.parse(r.stdout).warnings as { code: string; message: string }[]
    expect(warnings).toEqual([
      {
        code: 'not-byte-stable',
        message: expect.stringMatching(/en\/app\.json: starts with a byte order mark \(BOM\)/),
      },
      {
        code: 'not-byte-stable',
        message: expect.stringMatching(/sv\/app\.json: has Windows line endings \(CRLF\)/),
      },
    ])
    expect(warnings.map((w) => w.message).join('\n')).not.toMatch(/spacing|escapes/)
  })

  it('keeps the BOM and the CRLF line endings when it writes back over the same tree', () => {
    const src = writeTree(TREE)
    const db = path.join(fresh(), 'tolk.sqlite')
    expect(runCli(['import-locales', src, '--source', 'en', '--db', db]).status).toBe(0)
    const unchanged = runCli(['export-locales', src, '--db', db, '--json'])
    expect(unchanged.status, unchanged.stderr).toBe(0)
    expect(JSON.parse(unchanged.stdout).written).toEqual([])
    expect(runCli(['translate', 'app', 'nav.home', '--lang', 'sv', '--db', db, 'Start']).status).toBe(0)
    expect(runCli(['export-locales', src, '--db', db]).status).toBe(0)
    expect(fs.readFileSync(path.join(src, 'en/app.json'), 'utf8')).toBe(TREE['en/app.json'])
    expect(fs.readFileSync(path.join(src, 'sv/app.json'), 'utf8')).toBe(TREE['sv/app.json'].replace('Hem', 'Start'))
  })

  it('writes a fresh folder without a BOM, with LF', () => {
    const src = writeTree(TREE)
    const db = path.join(fresh(), 'tolk.sqlite')
    expect(runCli(['import-locales', src, '--source', 'en', '--db', db]).status).toBe(0)
    const out = fresh()
    expect(runCli(['export-locales', out, '--db', db]).status).toBe(0)
    expect(fs.readFileSync(path.join(out, 'en/app.json'), 'utf8')).toBe(TREE['en/app.json'].slice(1))
    expect(fs.readFileSync(path.join(out, 'sv/app.json'), 'utf8')).not.toContain('\r')
  })
})
