import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  INDEX,
  readReference,
  REGENERATE,
  referenceDrift,
  referencePages,
  renderReference,
  verbPage,
  writeReference,
} from '../../src/cli/reference.js'
import { usage } from '../../src/cli/main.js'
import { VERBS } from '../../src/cli/verbs.js'
import { ROOT } from './run-cli.js'

const verb = (name: string, help: string) => ({ verb: name, summary: `does ${name}`, help })

describe('the CLI reference (docs/cli.md, docs/cli/VERB.md)', () => {
  const temps: string[] = []
  afterEach(() => {
    for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  it('is what the verbs print for --help now', async () => {
    const drift = referenceDrift(await referencePages(), readReference(join(ROOT, 'docs')))
    expect(drift, `${drift.join('; ')}: run ${REGENERATE}`).toEqual([])
  })

  it('has the index and a page for every verb of the registry, with the help the CLI prints', async () => {
    const pages = await referencePages()
    expect([...pages.keys()]).toEqual([INDEX, ...Object.keys(VERBS).map((v) => `cli/${v}.md`)])
    const index = pages.get(INDEX) ?? ''
    expect(index).toContain(usage())
    for (const name of Object.keys(VERBS)) expect(index).toContain(`| [\`tolk ${name}\`](cli/${name}.md) | `)
    const serve = pages.get('cli/serve.md') ?? ''
    expect(serve).toMatch(/^# tolk serve\n/)
    expect(serve).toContain('Usage: tolk serve')
    expect(serve).toContain('](../cli.md)')
  })

  it('names the verb whose page drifted, is missing or is left over', () => {
    const have = renderReference('Usage: tolk', [verb('serve', 'old'), verb('gone', 'x'), verb('check', 'same')])
    const want = renderReference('Usage: tolk', [verb('serve', 'new'), verb('check', 'same'), verb('archive', 'y')])
    have.set(INDEX, want.get(INDEX) ?? '')
    expect(referenceDrift(want, have)).toEqual([
      'tolk serve (docs/cli/serve.md): page differs from the help',
      'tolk archive (docs/cli/archive.md): page missing',
      'docs/cli/gone.md: no verb gone in the registry, page left over',
    ])
    expect(referenceDrift(want, want)).toEqual([])
  })

  it('writes every page and deletes the pages of verbs that no longer exist', () => {
    const docs = mkdtempSync(join(tmpdir(), 'tolk-cliref-'))
    temps.push(docs)
    const before = renderReference('Usage: tolk', [verb('serve', 'a'), verb('gone', 'b')])
    expect(writeReference(docs, before)).toEqual({ written: [INDEX, 'cli/serve.md', 'cli/gone.md'], removed: [] })
    writeFileSync(join(docs, 'cli', 'notes.txt'), 'not a page')
    const after = renderReference('Usage: tolk', [verb('serve', 'a2'), verb('token', 'c')])
    expect(writeReference(docs, after)).toEqual({ written: [INDEX, 'cli/serve.md', 'cli/token.md'], removed: ['cli/gone.md'] })
    expect(readdirSync(join(docs, 'cli')).sort()).toEqual(['notes.txt', 'serve.md', 'token.md'])
    expect(referenceDrift(after, readReference(docs))).toEqual([])
    expect(writeReference(docs, after)).toEqual({ written: [], removed: [] })
  })

  it('refuses a verb name that is no fit file name', () => {
    expect(() => verbPage('../x')).toThrow(/verb name/)
    expect(() => verbPage('Serve')).toThrow(/verb name/)
  })

  it('keeps a summary as text: no HTML tag out of <lng>, no cell ended by |', () => {
    const pages = renderReference('Usage: tolk', [{ verb: 'x', summary: 'load DIR/<lng>/*.json | more', help: '' }])
    expect(pages.get(INDEX)).toContain('| load DIR/\\<lng\\>/\\*.json \\| more |')
    expect(pages.get('cli/x.md')).toContain('\n\nLoad DIR/\\<lng\\>/\\*.json \\| more.\n\n')
  })

  it('fences help that holds backticks so the code block stays whole', () => {
    const pages = renderReference('Usage: tolk', [verb('x', 'run ```this``` or `that`')])
    expect(pages.get('cli/x.md')).toContain('````text\nrun ```this``` or `that`\n````')
  })
})
