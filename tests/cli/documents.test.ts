import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-cli-docs-'))
const db = path.join(dir, 'tolk.sqlite')
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
const tolk = (args: string[]) => runCli([...args, '--db', db])
const fixtures = new URL('../documents/fixtures/', import.meta.url)

describe('tolk import and export of documents', () => {
  it('imports an HTML file by its extension, refuses a dropped code with exit 2, exports the document', () => {
    const file = path.join(dir, 'en-news-01.html')
    fs.copyFileSync(new URL('news.html', fixtures), file)
    const imported = tolk(['import', file, '--lang', 'en', '--targets', 'sv', '--json'])
    expect(imported.stderr).toBe('')
    expect(imported.status).toBe(0)
    expect(JSON.parse(imported.stdout).units.new).toBe(25)

    const units = JSON.parse(runCli(['report', 'en-news-01', '--format', 'json', '--db', db]).stdout).articles[0].languages.sv.untranslated as { id: string; source: string }[]
    const quay = units.find((u) => u.source.startsWith('Ferries leave'))!
    const dropped = tolk(['translate', 'en-news-01', quay.id, '--lang', 'sv', '--as', 'ana', 'Färjor går från kaj 3.'])
    expect(dropped.status).toBe(2)
    expect(dropped.stderr).toContain('⟦1⟧…⟦/1⟧ of the source is missing')
    const moved = tolk(['translate', 'en-news-01', quay.id, '--lang', 'sv', '--as', 'ana', 'Till april: ⟦1⟧kaj 3⟦/1⟧ & inget annat.'])
    expect(moved.status).toBe(0)

    const failed = tolk(['export', 'en-news-01', '--lang', 'sv', '--format', 'original', '--untranslated', 'fail'])
    expect(failed.status).toBe(2)
    expect(failed.stderr).toMatch(/24 units are not translated into sv in en-news-01/)

    const out = path.join(dir, 'news.sv.html')
    const exported = tolk(['export', 'en-news-01', '--lang', 'sv', '--format', 'original', '--output', out])
    expect(exported.status).toBe(0)
    const html = fs.readFileSync(out, 'utf8')
    expect(html).toContain('<li>Till april: <strong>kaj 3</strong> &amp; inget annat.</li>')
    expect(html.replace(/<li>Till april.*?<\/li>/, '')).toBe(fs.readFileSync(file, 'utf8').replace(/<li>Ferries leave.*?<\/li>/, ''))
  })

  it('takes --format md for a file of another name, and refuses an unknown kind', () => {
    const file = path.join(dir, 'en-guide-01.txt')
    fs.copyFileSync(new URL('guide.md', fixtures), file)
    expect(tolk(['import', file, '--format', 'rtf', '--targets', 'sv']).status).toBe(2)
    const imported = tolk(['import', file, '--format', 'md', '--lang', 'en', '--targets', 'sv'])
    expect(imported.status).toBe(0)
    const exported = tolk(['export', 'en-guide-01', '--lang', 'sv', '--format', 'original'])
    expect(exported.stdout).toBe(fs.readFileSync(file, 'utf8'))
  })
})

describe('tolk segment of a Markdown file', () => {
  it('lists the units an import would make: no block marks, inline markup as codes', () => {
    const r = runCli(['segment', '--lang', 'en', new URL('guide.md', fixtures).pathname])
    expect(r.status).toBe(0)
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines).toContain('Features')
    expect(lines).toContain('Tolk is a ⟦1⟧translation workbench⟦/1⟧.')
    expect(lines.some((l) => /^(#|- |\|)/.test(l))).toBe(false)
  })
})
