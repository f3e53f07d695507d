import { join } from 'node:path'
import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { checkLocales } from '../../src/check/check-locales.js'
import { writeTree } from './tree.js'

// The check's plural and key-shape decisions, confirmed by what i18next 26 renders: each case
// renders the source's call with counts 0, 1, 2 and 5 in the target language (no fallback), and
// the check must call the key translated exactly when every render shows the target's text.

const COUNTS = [0, 1, 2, 5]

/** i18next's t without the project's typed keys (these resources are the test's own). */
type AnyT = (key: string, options?: Record<string, unknown>) => unknown

/** What `t(key, {count})` (or `t(key)` when `counted` is false) renders for each count. */
async function render(lng: string, resources: Record<string, unknown>, key: string, counted: boolean): Promise<string[]> {
  const i18n = i18next.createInstance()
  await i18n.init({ lng, fallbackLng: false, resources: { [lng]: { translation: resources } }, interpolation: { escapeValue: false } })
  const t = i18n.t.bind(i18n) as unknown as AnyT
  return COUNTS.map((count) => String(counted ? t(key, { count, author: 'A' }) : t(key, { author: 'A' })))
}

/** The check's problems for `lng` against the English source: `kind key` each. */
function checked(en: Record<string, unknown>, lng: string, target: Record<string, unknown>): string[] {
  const root = writeTree({ 'en/app.json': en, [`${lng}/app.json`]: target })
  const r = checkLocales({ dir: join(root, 'locales'), source: 'en', optionalPlurals: new Set(), everyLine: true })
  const problems = Array.isArray(r.problems) ? r.problems : r.problems.all(() => 'error')
  return problems.map((p) => `${p.kind} ${p.key}`)
}

describe('what i18next 26 renders decides the check', () => {
  it('x_other alone is a plain key: only t("x_other") finds it for every count', async () => {
    const en = { by_author_and_other: 'by {{author}} and another' }
    expect(await render('en', en, 'by_author_and_other', false)).toEqual(COUNTS.map(() => 'by A and another'))
    expect(await render('en', en, 'by_author_and_other', true)).toEqual(COUNTS.map(() => 'by A and another'))
    // Called as a plural it is no group: count 1 finds no x_one and falls back to the key.
    expect(await render('en', en, 'by_author_and', true)).toEqual(['by A and another', 'by_author_and', 'by A and another', 'by A and another'])
    // So each language needs the plain key, and nothing else.
    const ru = { by_author_and_other: '{{author}} и ещё один' }
    expect(await render('ru', ru, 'by_author_and_other', true)).toEqual(COUNTS.map(() => 'A и ещё один'))
    expect(checked(en, 'ru', ru)).toEqual([])
    expect(checked(en, 'ru', {})).toEqual(['missing by_author_and_other'])
  })

  it('x_one with x_other is a group: t("x", {count}) picks the form', async () => {
    const en = { files_one: 'one file', files_other: '{{count}} files' }
    expect(await render('en', en, 'files', true)).toEqual(['0 files', 'one file', '2 files', '5 files'])
    const ja = { files_other: '{{count}} ファイル' }
    expect(await render('ja', ja, 'files', true)).toEqual(['0 ファイル', '1 ファイル', '2 ファイル', '5 ファイル'])
    expect(checked(en, 'ja', ja)).toEqual([])
  })

  it('a plain key stands in for the group in a one-form language, not in German', async () => {
    const en = { desc_one: 'Invite {{count}} person', desc_other: 'Invite {{count}} people' }
    const zh = { desc: '邀请 {{count}} 人' }
    expect(await render('zh', zh, 'desc', true)).toEqual(['邀请 0 人', '邀请 1 人', '邀请 2 人', '邀请 5 人'])
    expect(checked(en, 'zh', zh)).toEqual([])
    // German shows the one text for every count: rendered, but never in the singular.
    const de = { desc: '{{count}} Personen einladen' }
    expect(await render('de', de, 'desc', true)).toEqual(['0 Personen einladen', '1 Personen einladen', '2 Personen einladen', '5 Personen einladen'])
    expect(checked(en, 'de', de)).toEqual(['plural desc'])
    // Beside the forms, i18next reads the forms and never the plain key.
    const both = { desc: 'plain', desc_other: '邀请 {{count}} 人' }
    expect(await render('zh', both, 'desc', true)).toEqual(['邀请 0 人', '邀请 1 人', '邀请 2 人', '邀请 5 人'])
    expect(checked(en, 'zh', both)).toEqual(['extra desc'])
  })

  it('a flat "a.b" and a nested {a:{b}} resolve alike', async () => {
    expect(await render('de', { 'nav.home': 'Start' }, 'nav.home', false)).toEqual(COUNTS.map(() => 'Start'))
    expect(await render('de', { nav: { home: 'Start' } }, 'nav.home', false)).toEqual(COUNTS.map(() => 'Start'))
    expect(checked({ nav: { home: 'Home' } }, 'de', { 'nav.home': 'Start' })).toEqual([])
    expect(checked({ 'nav.home': 'Home' }, 'de', { nav: { home: 'Start' } })).toEqual([])
  })

  it('an array element resolves by its index', async () => {
    const i18n = i18next.createInstance()
    await i18n.init({ lng: 'de', fallbackLng: false, resources: { de: { translation: { steps: ['Eins', 'Zwei'] } } } })
    const t = i18n.t.bind(i18n) as unknown as AnyT
    expect(t('steps.1')).toBe('Zwei')
    expect(t('steps', { returnObjects: true })).toEqual(['Eins', 'Zwei'])
    expect(t('steps.2')).toBe('steps.2')
    expect(checked({ steps: ['One', 'Two', 'Three'] }, 'de', { steps: ['Eins', 'Zwei'] })).toEqual(['missing steps.2'])
  })
})
