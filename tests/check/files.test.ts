import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../cli/run-cli.js'
import { ARTICLE, makeFixture, type Fixture } from '../formats/fixture.js'
import type { CheckJson } from './tree.js'

const EXT = { xliff12: 'xlf', xliff2: 'xliff', po: 'po' } as const

type Json = CheckJson & { source: { kind: string; lang: string | null }; languages: Record<string, { stale: number; words: { total: number; translated: number } }> }

function json(args: string[]): { status: number | null; json: Json; stderr: string } {
  const r = runCli(['check', ...args, '--format', 'json'])
  return { status: r.status, json: JSON.parse(r.stdout) as Json, stderr: r.stderr }
}

describe('tolk check --files', () => {
  let fx: Fixture
  let l10n: string
  beforeAll(async () => {
    fx = await makeFixture()
    await fx.store.close()
    l10n = join(fx.dir, 'l10n')
    for (const format of ['xliff12', 'xliff2', 'po'] as const) {
      for (const lang of ['sv', 'de']) {
        mkdirSync(join(l10n, format), { recursive: true })
        const out = join(l10n, format, `${lang}.${EXT[format]}`)
        const r = runCli(['export', ARTICLE, '--lang', lang, '--format', format, '--output', out, '--db', fx.db])
        expect(r.stderr).toBe('')
      }
    }
  }, 120_000)

  it.each(['xliff12', 'xliff2', 'po'] as const)('counts %s exports as tolk check --db counts the database', (format) => {
    const db = json(['--db', fx.db])
    const files = json(['--files', join(l10n, format, `*.${EXT[format]}`)])
    expect(files.stderr).toBe('')
    expect(files.status).toBe(1)
    expect(files.json.source).toMatchObject({ kind: 'files', lang: 'en' })
    expect(files.json.checked.files).toBe(2)
    for (const lang of ['sv', 'de']) {
      const want = db.json.languages[lang]
      const got = files.json.languages[lang]
      expect(got).toMatchObject({ coverage: want?.coverage, units: want?.units, words: want?.words, missing: want?.missing, stale: want?.stale })
    }
    expect(files.json.languages.sv?.stale).toBe(1)
    const stale = files.json.problems.find((p) => p.kind === 'stale')
    expect(stale).toMatchObject({ lang: 'sv', file: join(l10n, format, `sv.${EXT[format]}`) })
    expect(stale?.line).toBeGreaterThan(1)
    for (const p of files.json.problems) expect(p.line).toBeGreaterThan(0)
  })

  it('reads a mix of formats from several --files, repeated or comma-separated, with --min and --by units', () => {
    const r = json([
      '--files', `${join(l10n, 'xliff12', 'sv.xlf')},${join(l10n, 'po', 'de.po')}`,
      '--files', join(l10n, 'xliff2', '**', 'sv.xliff'),
      '--min', '0', '--by', 'units',
    ])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.json.checked.files).toBe(3)
    expect(Object.keys(r.json.languages)).toEqual(['de', 'sv'])
  })

  it('finds placeholders, empty targets and untranslated entries in hand-written PO and XLIFF', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tolk-check-files-'))
    writeFileSync(join(dir, 'app.po'), [
      'msgid ""',
      'msgstr ""',
      '"Language: fr\\n"',
      '',
      'msgid "Hello {{name}}"',
      'msgstr "Bonjour {{nom}}"',
      '',
      'msgid "Bye"',
      'msgstr ""',
      '',
    ].join('\n'))
    writeFileSync(join(dir, 'app.xlf'), [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">',
      '  <file original="app" source-language="en" target-language="fr" datatype="plaintext"><body>',
      '    <trans-unit id="a"><source>Save</source><target> </target></trans-unit>',
      '  </body></file>',
      '</xliff>',
    ].join('\n'))
    const r = json(['--files', join(dir, '*.{po,xlf}')])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(1)
    expect(r.json.languages.fr).toMatchObject({ placeholders: 1, empty: 1, missing: 1, units: { total: 3, translated: 1 } })
    expect(r.json.problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'placeholder', key: 'Hello {{name}}', line: 5, file: join(dir, 'app.po') }),
      expect.objectContaining({ kind: 'untranslated', key: 'Bye', line: 8 }),
      expect.objectContaining({ kind: 'empty', key: 'a', line: 4, file: join(dir, 'app.xlf') }),
    ]))
    const gh = runCli(['check', '--files', join(dir, '*.po'), '--format', 'github'])
    expect(gh.stdout).toContain(`::error file=${join(dir, 'app.po')},line=5,`)
  })

  it('checks every plural form of a PO entry the header\'s nplurals asks for, and their placeholders', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tolk-check-files-'))
    writeFileSync(join(dir, 'ru.po'), [
      'msgid ""',
      'msgstr ""',
      '"Language: ru\\n"',
      '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"',
      '',
      'msgid "{{count}} file"', // line 6: the third form is empty
      'msgid_plural "{{count}} files"',
      'msgstr[0] "{{count}} файл"',
      'msgstr[1] "{{count}} файла"',
      'msgstr[2] ""',
      '',
      'msgid "{{count}} folder"', // line 12: complete
      'msgid_plural "{{count}} folders"',
      'msgstr[0] "{{count}} папка"',
      'msgstr[1] "{{count}} папки"',
      'msgstr[2] "{{count}} папок"',
      '',
      'msgid "{{count}} day"', // line 18: no form at all
      'msgid_plural "{{count}} days"',
      'msgstr[0] ""',
      'msgstr[1] ""',
      'msgstr[2] ""',
      '',
      'msgid "{{count}} user in {{team}}"', // line 24: the first form may drop the count, not invent {{n}}
      'msgid_plural "{{count}} users in {{team}}"',
      'msgstr[0] "один пользователь в {{team}} {{n}}"',
      'msgstr[1] "{{count}} пользователя в {{team}}"',
      'msgstr[2] "{{count}} пользователей в {{team}}"',
      '',
      'msgid "{{count}} disk"', // line 30: the third form is not there at all
      'msgid_plural "{{count}} disks"',
      'msgstr[0] "{{count}} диск"',
      'msgstr[1] "{{count}} диска"',
      '',
    ].join('\n'))
    const r = json(['--files', join(dir, 'ru.po')])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(1)
    expect(r.json.languages.ru).toMatchObject({ units: { total: 5, translated: 2 }, missing: 1, plurals: 2, placeholders: 1 })
    // Broken text first (it fails whatever the threshold), then the gaps, in file order.
    expect(r.json.problems).toEqual([
      expect.objectContaining({ kind: 'placeholder', key: '{{count}} user in {{team}}', line: 24, message: expect.stringContaining('{{n}}') }),
      expect.objectContaining({ kind: 'plural', key: '{{count}} file', line: 6, message: expect.stringContaining('msgstr[2]') }),
      expect.objectContaining({ kind: 'untranslated', key: '{{count}} day', line: 18 }),
      expect.objectContaining({ kind: 'plural', key: '{{count}} disk', line: 30 }),
    ])

    // Without Plural-Forms, gettext's default of two forms applies; a bad header exits 2 naming it.
    writeFileSync(join(dir, 'de.po'), ['msgid ""', 'msgstr ""', '"Language: de\\n"', '', 'msgid "{{count}} file"', 'msgid_plural "{{count}} files"', 'msgstr[0] "{{count}} Datei"', 'msgstr[1] "{{count}} Dateien"', ''].join('\n'))
    expect(json(['--files', join(dir, 'de.po')]).json.languages.de).toMatchObject({ units: { total: 1, translated: 1 }, plurals: 0 })
    writeFileSync(join(dir, 'bad.po'), ['msgid ""', 'msgstr ""', '"Language: de\\n"', '"Plural-Forms: nplurals=many; plural=n;\\n"', ''].join('\n'))
    const bad = runCli(['check', '--files', join(dir, 'bad.po')])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/bad\.po: .*Plural-Forms/)
  })

  it('exits 2 when a glob matches no file, and names file and line of a malformed one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tolk-check-files-'))
    const none = runCli(['check', '--files', join(dir, '*.xlf')])
    expect(none.status).toBe(2)
    expect(none.stderr).toContain('matched no files')
    writeFileSync(join(dir, 'bad.xlf'), '<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">\n  <file>\n</xliff>\n')
    const bad = runCli(['check', '--files', join(dir, '*.xlf')])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/bad\.xlf: line 4/)
    expect(bad.stderr).not.toMatch(/\n\s+at /)
  })
})
