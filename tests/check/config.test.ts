import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHECK_FIELDS, CONFIGURABLE_KINDS } from '../../src/check/config/check-config.js'
import { findCheckConfig, readConfigAt } from '../../src/check/config/find-config.js'
import { checkLocales } from '../../src/check/check-locales.js'
import { evaluate } from '../../src/check/evaluate.js'
import { parseMin } from '../../src/check/thresholds.js'
import { ROOT, runCli } from '../cli/run-cli.js'
import { writeTree } from './tree.js'

// The config file (issue 22): tolk.config.json or .tolkrc.json found by walking up, validated
// against the published schema (a bad field exits 2 naming it), every flag overriding it;
// i18next-cli's config as a fallback for the locale tree.

function folder(files: Record<string, unknown>): string {
  const root = mkdtempSync(join(tmpdir(), 'tolk-config-'))
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true })
    writeFileSync(join(root, path), typeof content === 'string' ? content : JSON.stringify(content))
  }
  return root
}

describe('the config file', () => {
  it('is found by walking up from the working folder, its paths relative to it', async () => {
    const root = folder({ 'a/tolk.config.json': { check: { locales: 'l10n', source: 'pt_BR'.replace('_', '-'), min: { default: 90, sv: 100 }, map: { zhtw: 'zh-TW' } } }, 'a/b/c/.keep': '' })
    const cfg = await findCheckConfig(join(root, 'a/b/c'))
    expect(cfg).toMatchObject({ file: join(root, 'a/tolk.config.json'), locales: join(root, 'a/l10n'), source: 'pt-BR', min: '90,sv=100' })
    expect(cfg?.map?.get('zhtw')).toBe('zh-TW')
    const rc = folder({ '.tolkrc.json': { check: { by: 'units' } } })
    expect(await findCheckConfig(rc)).toMatchObject({ by: 'units' })
    await expect(findCheckConfig(folder({ 'tolk.config.json': {}, '.tolkrc.json': {} }))).rejects.toThrow(/two config files in one folder/)
  })

  it('names the field of a bad setting', async () => {
    const bad = async (check: unknown) => readConfigAt(join(folder({ 'tolk.config.json': { check } }), 'tolk.config.json')).then(() => 'accepted', (e: Error) => e.message.replace(/^.*tolk\.config\.json: /, ''))
    expect(await bad({ min: { default: 120 } })).toBe('check.min.default must be a percentage 0–100')
    expect(await bad({ mni: 90 })).toMatch(/^check\.mni is not a setting of tolk check \(locales, source, /)
    expect(await bad({ severity: { extra: 'silent' } })).toBe('check.severity.extra must be "error", "warn" or "off"')
    expect(await bad({ severity: { typo: 'off' } })).toMatch(/^check\.severity\.typo is no kind of problem/)
    expect(await bad({ ignore: { de: 'promo.*' } })).toBe('check.ignore.de must be a list of key patterns')
    expect(await bad({ source: 'xx-nope' })).toBe('check.source names no language: "xx-nope"')
    expect(await bad([])).toBe('check must be an object')
  })

  it('matches the published JSON Schema field for field', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schema/tolk.config.schema.json'), 'utf8')) as { properties: { check: { properties: Record<string, { properties?: Record<string, unknown> }> } } }
    const check = schema.properties.check.properties
    expect(Object.keys(check)).toEqual([...CHECK_FIELDS])
    expect(Object.keys(check.severity?.properties ?? {})).toEqual([...CONFIGURABLE_KINDS])
  })

  it('falls back to i18next-cli: its output path, primary language and locales', async () => {
    const json = folder({ 'i18next.config.json': { locales: ['en', 'de', 'sv'], extract: { output: 'public/locales/{{language}}/{{namespace}}.json' } }, 'src/.keep': '' })
    expect(await findCheckConfig(join(json, 'src'))).toMatchObject({ locales: join(json, 'public/locales'), source: 'en', lang: ['de', 'sv'] })
    const mjs = folder({ 'i18next.config.mjs': "export default { locales: ['de', 'en'], extract: { primaryLanguage: 'en', output: 'locales/{{language}}/{{namespace}}.json' } }\n" })
    expect(await findCheckConfig(mjs)).toMatchObject({ locales: join(mjs, 'locales'), source: 'en', lang: ['de'] })
    const tolkFirst = folder({ 'tolk.config.json': { check: { source: 'sv' } }, 'i18next.config.json': { locales: ['en'] } })
    expect(await findCheckConfig(tolkFirst)).toMatchObject({ source: 'sv' })
  })

  it('sets severity per kind, ignores keys, and gives way to every flag (CLI)', () => {
    const root = writeTree({
      'en/app.json': { title: 'Title', speed: 'Speed {{v, rate}}', legacy: { a: 'A', b: 'B' }, promo: { x: 'X' }, items_one: 'one', items_other: 'many' },
      'de/app.json': { title: 'Titel', speed: 'Tempo {{v, bytes}}', old: 'alt', items_one: 'eins', items_other: 'viele' },
      'sv/app.json': { title: 'Titel', speed: 'Fart {{v, rate}}', promo: { x: 'X' } },
    })
    const config = join(root, 'tolk.config.json')
    writeFileSync(config, JSON.stringify({ check: { locales: 'locales', source: 'en', min: 100, severity: { extra: 'off', formatter: 'warn' }, ignore: { '*': ['legacy.**'], de: ['promo.*'], sv: ['items'] } } }))
    const r = runCli(['check', '--config', config, '--format', 'json'])
    expect(r.stderr).toBe('')
    const json = JSON.parse(r.stdout) as { passed: boolean; languages: Record<string, { passed: boolean; failed: string[] }>; problems: { lang: string; kind: string; severity: string; key: string }[] }
    expect(json.problems.map((p) => `${p.lang} ${p.severity} ${p.kind} ${p.key}`)).toEqual(['de warning formatter speed'])
    expect(json.passed).toBe(true)
    // A flag overrides the file.
    const flags = JSON.parse(runCli(['check', '--config', config, '--source', 'de', '--min', '0', '--format', 'json']).stdout) as typeof json
    expect(Object.keys(flags.languages)).toEqual(['en', 'sv'])
    expect(flags.passed).toBe(true)
    writeFileSync(config, JSON.stringify({ check: { locales: 'locales', severity: { extra: 'error' } } }))
    const extra = JSON.parse(runCli(['check', '--config', config, '--format', 'json', '--lang', 'de']).stdout) as typeof json
    expect(extra.languages.de).toMatchObject({ passed: false, failed: expect.arrayContaining(['extra']) })
    writeFileSync(config, JSON.stringify({ check: { locales: 'locales', min: '90,sv=x' } }))
    const bad = runCli(['check', '--config', config])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/^tolk check: .*tolk\.config\.json: check\.min: --min takes percentages/)
  })

  it('turns a gap kind off in the list, never in the coverage', () => {
    const root = writeTree({ 'en/app.json': { a: 'A', b: 'B {{n}}' }, 'de/app.json': { b: 'B {{m}}' } })
    const run = (severity: Record<string, 'error' | 'warn' | 'off'>) => {
      const checked = checkLocales({ dir: join(root, 'locales'), source: 'en', optionalPlurals: new Set() })
      return evaluate(checked, { source: { kind: 'locales', location: root, lang: 'en' }, measure: 'units', thresholds: parseMin(undefined), severity })
    }
    const off = run({ missing: 'off', placeholder: 'warn' })
    expect(off.problems.map((p) => `${p.severity} ${p.kind}`)).toEqual(['warning placeholder'])
    expect(off.languages.de).toMatchObject({ passed: false, failed: ['coverage'], coverage: 0.5 })
  })
})
