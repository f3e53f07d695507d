import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../cli/run-cli.js'
import { check, EN, writeTree } from './tree.js'

describe('bad input exits 2 with a clear message', () => {
  it('a missing locale folder', () => {
    const r = runCli(['check', '--locales', join(tmpdir(), 'no-such-tolk-dir'), '--source', 'en'])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/^tolk check: cannot read the locale folder .*no such directory/)
  })

  it('a tree without the source language', () => {
    const r = check(writeTree({ 'sv/a.json': EN }))
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/has no folder for the source language en \(language folders found: sv\)/)
  })

  it('malformed JSON, with file, line and column', () => {
    const root = writeTree({ 'en/a.json': EN, 'sv/a.json': '{\n  "title": "Tolk",\n  "x": tru\n}\n' })
    const r = check(root)
    expect(r.status).toBe(2)
    expect(r.stderr).toContain(`${join(root, 'locales/sv/a.json')}:3:8: malformed JSON: unexpected "t"`)
  })

  it('malformed JSON that V8 gives a position for', () => {
    const root = writeTree({ 'en/a.json': EN, 'sv/a.json': '{\n  "title": "Tolk",\n}\n' })
    const r = check(root)
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('a.json:3:1: malformed JSON')
  })

  it('a language folder that is not a BCP 47 tag is skipped with a warning, not a refusal', () => {
    const r = check(writeTree({ 'en/a.json': EN, 'swedish_SE/a.json': EN, 'sv/a.json': EN }))
    expect(r.status).toBe(0)
    expect(r.stderr).toMatch(/^tolk check: warning: .*the folder name "swedish_SE" is not a BCP 47 language tag; skipped \(.*--map swedish_SE=/)
    expect(r.stdout).toMatch(/checked 2 files, 1 target language,/)
  })

  it('a value that is not a string, with file and line', () => {
    // (An array is a list of strings: i18next's returnObjects; see real-trees.test.ts.)
    for (const bad of [42, null, true]) {
      const root = writeTree({ 'en/a.json': EN, 'sv/a.json': { title: 'Tolk', menu: { file: bad } } })
      const r = check(root)
      expect(r.status).toBe(2)
      expect(r.stderr).toMatch(/sv\/a\.json:4: "menu\.file" is .*; translations must be strings/)
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/)
    }
  })

  it('a non-string value in the source', () => {
    const r = check(writeTree({ 'en/a.json': { a: 'A', n: 3 }, 'sv/a.json': { a: 'A' } }))
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/en\/a\.json:3: "n" is a number/)
  })

  it('invalid UTF-8', () => {
    const root = writeTree({ 'en/a.json': EN, 'sv/a.json': Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x22, 0x22, 0x7d]) })
    const r = check(root)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/sv\/a\.json is not valid UTF-8/)
  })

  it('invalid UTF-8 in a file that also holds U+FFFD, and U+FFFD alone is valid', () => {
    // Decoding turns invalid bytes into U+FFFD: a file holding the character itself must still pass.
    const replacement = Buffer.from('{"a": "\uFFFD"}', 'utf8')
    const bad = Buffer.concat([Buffer.from('{"a": "\uFFFD', 'utf8'), Buffer.from([0xc3]), Buffer.from('"}', 'utf8')])
    expect(check(writeTree({ 'en/a.json': { a: 'A' }, 'sv/a.json': replacement })).status).toBe(0)
    const r = check(writeTree({ 'en/a.json': { a: 'A' }, 'sv/a.json': bad }))
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/sv\/a\.json is not valid UTF-8/)
  })

  it('no source or two sources', () => {
    expect(runCli(['check']).status).toBe(2)
    expect(runCli(['check', '--locales', 'x', '--db', 'y']).status).toBe(2)
  })

  it('a database file that does not exist (the check does not create one)', () => {
    const r = runCli(['check', '--db', join(mkdtempSync(join(tmpdir(), 'tolk-check-')), 'none.sqlite')])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/no database at/)
  })

  it('a server that does not answer', () => {
    const r = runCli(['check', '--server', 'http://127.0.0.1:9'])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/cannot reach http:\/\/127\.0\.0\.1:9/)
  })
})
