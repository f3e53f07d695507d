import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkLocales } from '../../src/check/check-locales.js'
import { evaluate } from '../../src/check/evaluate.js'
import { parseMin } from '../../src/check/thresholds.js'
import type { CheckResult } from '../../src/check/types.js'
import { writeTree } from './tree.js'

// The layouts of real i18next projects that the check once failed or refused (issue 22, findings
// 1–7), checked in-process: the CLI's own handling of the same trees is in real-tree.test.ts.

interface Run {
  result: CheckResult
  warnings: string[]
}

/** Check a tree written from `files` (paths under locales/), every problem with its line. */
function run(files: Record<string, unknown>, opts: { source?: string; langs?: string[]; map?: Record<string, string> } = {}): Run {
  const root = writeTree(files)
  const dir = join(root, 'locales')
  const checked = checkLocales({
    dir,
    source: opts.source ?? 'en',
    ...(opts.langs ? { langs: opts.langs } : {}),
    ...(opts.map ? { map: new Map(Object.entries(opts.map)) } : {}),
    optionalPlurals: new Set(),
    everyLine: true,
  })
  const result = evaluate(checked, { source: { kind: 'locales', location: dir, lang: opts.source ?? 'en' }, measure: 'units', thresholds: parseMin(undefined) })
  return { result, warnings: checked.warnings ?? [] }
}

/** The problems as `lang kind key` lines, for compact assertions. */
function said(r: Run): string[] {
  return r.result.problems.map((p) => `${p.lang} ${p.kind} ${p.key}`)
}

describe('finding 1: a key ending in _other alone is a plain key', () => {
  const EN = { by_author_and_other: 'by {{author}} and one other', by_author_and_others: 'by {{author}} and others', files_one: 'one file', files_other: '{{count}} files' }

  it('is checked as a plain key in every language, Russian included', () => {
    const ru = { by_author_and_other: '{{author}} и ещё один', by_author_and_others: '{{author}} и другие', files_one: 'файл', files_few: '{{count}} файла', files_many: '{{count}} файлов', files_other: '{{count}} файла' }
    const r = run({ 'en/app.json': EN, 'ru/app.json': ru, 'ja/app.json': { by_author_and_other: '{{author}} a', by_author_and_others: '{{author}} b', files_other: '{{count}}' } })
    expect(said(r)).toEqual([])
    expect(r.result.passed).toBe(true)
  })

  it('is missing as a plain key, never a plural group, where a target lacks it', () => {
    const r = run({ 'en/app.json': EN, 'de/app.json': { by_author_and_others: 'von {{author}} und anderen', files_one: 'eine Datei', files_other: '{{count}} Dateien' } })
    expect(r.result.problems).toMatchObject([{ kind: 'missing', key: 'by_author_and_other', message: 'by_author_and_other is missing', line: 2 }])
  })

  it('is a group in a source language whose only form is other (Japanese)', () => {
    const r = run({ 'ja/app.json': { files_other: '{{count}} ファイル' }, 'en/app.json': { files_other: '{{count}} files' } }, { source: 'ja' })
    expect(said(r)).toEqual(['en plural files'])
  })
})

describe('finding 2: a plain key standing in for a plural', () => {
  const EN = { invite: { dialog: { desc_one: 'Invite {{count}} person', desc_other: 'Invite {{count}} people' } } }

  it('translates the group in a language with one plural form (zh)', () => {
    const r = run({ 'en/app.json': EN, 'zh/app.json': { invite: { dialog: { desc: '邀请 {{count}} 人' } } } })
    expect(said(r)).toEqual([])
    expect(r.result.languages.zh?.coverage).toBe(1)
  })

  it('is one plural problem, neither missing nor extra, in a language with more forms', () => {
    const r = run({ 'en/app.json': EN, 'de/app.json': { invite: { dialog: { desc: '{{count}} Personen einladen' } } } })
    expect(r.result.problems).toMatchObject([{ kind: 'plural', key: 'invite.dialog.desc', line: 4 }])
    expect(r.result.problems[0]?.message).toContain('desc_one, desc_other')
  })

  it('is extra beside the forms it would stand in for (i18next reads the forms)', () => {
    const r = run({ 'en/app.json': EN, 'zh/app.json': { invite: { dialog: { desc: '邀请', desc_other: '邀请 {{count}} 人' } } } })
    expect(said(r)).toEqual(['zh extra invite.dialog.desc'])
  })
})

describe('finding 3: flat and nested keys are the same key', () => {
  it('matches "a.b" in one file with {"a":{"b":…}} in the other, both ways', () => {
    const en = { 'nav.home': 'Home', nav: { about: 'About' }, footer: { links: { terms: 'Terms' } } }
    const de = { nav: { home: 'Start', 'about': 'Über' }, 'footer.links.terms': 'AGB' }
    expect(said(run({ 'en/app.json': en, 'de/app.json': de }))).toEqual([])
  })

  it('names a flat source key missing by its dotted path, at its line', () => {
    const r = run({ 'en/app.json': { 'nav.home': 'Home', 'nav.about': 'About' }, 'de/app.json': { nav: { home: 'Start' } } })
    expect(r.result.problems).toMatchObject([{ kind: 'missing', key: 'nav.about', line: 3 }])
  })

  it('finds the line of a problem in a flat target key', () => {
    const r = run({ 'en/app.json': { nav: { home: 'Home {{name}}' } }, 'de/app.json': { x: 'y', 'nav.home': 'Start {{nam}}' } })
    expect(r.result.problems).toMatchObject([{ kind: 'placeholder', key: 'nav.home', line: 3 }, { kind: 'extra', key: 'x', line: 2 }])
  })

  it('keeps natural-language keys with dots as they are written', () => {
    const r = run({ 'en/app.json': { 'Loading...': 'Loading...', 'Saved.': 'Saved.' }, 'de/app.json': { 'Loading...': 'Lädt...' } })
    expect(r.result.problems).toMatchObject([{ kind: 'missing', key: 'Saved.', line: 3 }])
  })
})

describe('finding 4: folder names that are not BCP 47 tags', () => {
  const EN = { title: 'Title' }

  it('reads pt_BR as pt-BR, with --lang and as the source language', () => {
    const r = run({ 'en_US/app.json': EN, 'pt_BR/app.json': { title: 'Título' }, 'nb_NO/app.json': {} }, { source: 'en-US', langs: ['pt-BR', 'nb-NO'] })
    expect(Object.keys(r.result.languages)).toEqual(['nb-NO', 'pt-BR'])
    expect(said(r)).toEqual(['nb-NO missing title'])
  })

  it('skips a folder that still is no tag, with a warning, unless --map names it', () => {
    const files = { 'en/app.json': EN, 'zhtw/app.json': { title: '標題' }, 'de/app.json': EN }
    const skipped = run(files)
    expect(Object.keys(skipped.result.languages)).toEqual(['de'])
    expect(skipped.warnings).toEqual([expect.stringMatching(/zhtw.*not a BCP 47 language tag.*skipped.*--map zhtw=/)])
    const mapped = run(files, { map: { zhtw: 'zh-TW' } })
    expect(Object.keys(mapped.result.languages)).toEqual(['de', 'zh-TW'])
    expect(mapped.warnings).toEqual([])
  })

  it('refuses a tree holding both pt_BR and pt-BR, naming both folders', () => {
    expect(() => run({ 'en/app.json': EN, 'pt_BR/app.json': EN, 'pt-BR/app.json': EN })).toThrow(/pt-BR and pt_BR both name the language pt-BR/)
  })
})

describe('finding 5: namespaces in subfolders', () => {
  it('checks en/admin/users.json as the namespace admin/users', () => {
    const r = run({ 'en/app.json': { a: 'A' }, 'en/admin/users.json': { name: 'Name', role: 'Role' }, 'de/app.json': { a: 'A' }, 'de/admin/users.json': { name: 'Name' }, 'fr/app.json': { a: 'A' } })
    const where = r.result.problems.map((p) => `${p.lang} ${p.key} ${p.file?.split('/locales/')[1]}:${p.line}`)
    // Missing keys in source order, each key's languages together.
    expect(where).toEqual(['fr name en/admin/users.json:2', 'de role en/admin/users.json:3', 'fr role en/admin/users.json:3'])
    expect(r.result.checked.files).toBe(5)
  })
})

describe('finding 6: arrays are checked element by element', () => {
  const EN = { steps: ['Open the file', 'Press {{key}}', 'Done'], title: 'Title' }

  it('passes a complete array', () => {
    expect(said(run({ 'en/app.json': EN, 'de/app.json': { steps: ['Datei öffnen', '{{key}} drücken', 'Fertig'], title: 'Titel' } }))).toEqual([])
  })

  it('reports a missing element and a broken one, at the array’s line', () => {
    const r = run({ 'en/app.json': EN, 'de/app.json': { title: 'Titel', steps: ['Datei öffnen', 'Drücken'] } })
    expect(r.result.problems).toMatchObject([
      { kind: 'placeholder', key: 'steps.1', line: 3 },
      { kind: 'missing', key: 'steps.2', line: 2 },
    ])
  })
})

describe('finding 7: formatters and Trans-component tags, each its own kind', () => {
  it('reports a changed formatter as a formatter problem that fails the language', () => {
    const en = { speed: 'Speed: {{value, rate(unit: kb)}}', size: 'Size: {{value, bytes}}', date: 'On {{when, datetime}}' }
    const de = { speed: 'Tempo: {{value, bytes(unit: kb)}}', size: 'Größe: {{value, BYTES}}', date: 'Am {{when}}' }
    const r = run({ 'en/app.json': en, 'de/app.json': de })
    expect(r.result.problems).toMatchObject([
      { kind: 'formatter', key: 'speed', line: 2, message: 'speed formats {{value}} with bytes where the source has rate' },
      { kind: 'formatter', key: 'date', line: 4, message: 'date formats {{when}} with no formatter where the source has datetime' },
    ])
    expect(r.result.languages.de).toMatchObject({ formatters: 2, passed: false, failed: ['formatters'] })
  })

  it('reports lost, unknown and broken tags as tag problems', () => {
    const en = { a: 'Click <0>here</0> or <strong>there</strong>', b: 'Read <1>the terms</1>.<br/>Thanks', c: 'Go <0>now</0>', d: 'Plain <b>bold</b>' }
    const de = { a: 'Klicken Sie <0>hier</0> oder dort', b: 'Lesen Sie <1>die AGB</1>.<br />Danke', c: 'Los </0>jetzt<0>', d: 'Nur <i>fett</i>' }
    const r = run({ 'en/app.json': en, 'de/app.json': de })
    expect(r.result.problems.map((p) => `${p.kind} ${p.key} ${p.line}: ${p.message}`)).toEqual([
      'tags a 2: a lacks <strong>, </strong>',
      'tags c 4: c breaks the order of <0>…</0>',
      'tags d 5: d lacks <b>, </b> and has <i>, </i>, unknown to the source',
    ])
    expect(r.result.languages.de).toMatchObject({ tags: 3, failed: ['tags'] })
  })

  it('checks tags and formatters in plural forms', () => {
    const en = { n_one: '<0>{{count}}</0> file of {{size, bytes}}', n_other: '<0>{{count}}</0> files of {{size, bytes}}' }
    const de = { n_one: '<0>eine</0> Datei von {{size, number}}', n_other: '{{count}} Dateien von {{size, bytes}}' }
    expect(said(run({ 'en/app.json': en, 'de/app.json': de }))).toEqual(['de formatter n_one', 'de tags n_other'])
  })
})
