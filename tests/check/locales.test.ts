import { describe, expect, it } from 'vitest'
import { check, checkJson, EN, writeTree } from './tree.js'

const SV = {
  title: 'Tolk',
  segments_one: '{{count}} segment kvar',
  segments_other: '{{count}} segment kvar',
  greeting: 'Hej {{name}}, du har {{total, number}} ord',
  menu: { file: 'Arkiv', help: 'Hjälp: $t(title)' },
}

describe('tolk check --locales', () => {
  it('passes a complete translation and says what it checked', () => {
    const root = writeTree({ 'en/app.json': EN, 'sv/app.json': SV })
    const r = check(root)
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/checked 2 files, 1 target language, 12 strings/)
    expect(r.stdout).toMatch(/passed: the 1 language$/m)
  })

  it('requires every Russian plural category: one, few, many and other', () => {
    const ru = { ...SV, segments_one: '{{count}} сегмент', segments_other: '{{count}} сегмента' }
    const { status, json } = checkJson(writeTree({ 'en/app.json': EN, 'ru/app.json': ru }))
    expect(status).toBe(1)
    expect(json.languages.ru?.plurals).toBe(2)
    const p = json.problems.find((x) => x.kind === 'plural')
    expect(p?.message).toContain('segments_few, segments_many')
    expect(p?.message).toContain('ru needs one, few, many, other')
  })

  it('needs only _other in Japanese and warns about forms Japanese does not use', () => {
    const ja = { ...SV, segments_other: '残り{{count}}セグメント' }
    delete (ja as Record<string, unknown>).segments_one
    const ok = checkJson(writeTree({ 'en/app.json': EN, 'ja/app.json': ja }))
    expect(ok.status).toBe(0)
    expect(ok.json.languages.ja?.plurals).toBe(0)
    const extra = checkJson(writeTree({ 'en/app.json': EN, 'ja/app.json': { ...ja, segments_one: 'x {{count}}' } }))
    expect(extra.status).toBe(0)
    expect(extra.json.problems).toMatchObject([{ kind: 'extra', severity: 'warning', key: 'segments_one' }])
  })

  it('requires _zero in Arabic but leaves it optional in languages without a CLDR zero', () => {
    const forms = { one: 'a', two: 'b', few: 'c', many: 'd', other: 'e' }
    const ar = { ...SV, segments_one: undefined, segments_other: undefined, ...Object.fromEntries(Object.entries(forms).map(([c, t]) => [`segments_${c}`, `{{count}} ${t}`])) }
    const r = checkJson(writeTree({ 'en/app.json': EN, 'ar/app.json': JSON.parse(JSON.stringify(ar)) }))
    expect(r.status).toBe(1)
    expect(r.json.problems.find((p) => p.kind === 'plural')?.message).toContain('segments_zero')
    const withZero = checkJson(writeTree({ 'en/app.json': EN, 'ar/app.json': { ...JSON.parse(JSON.stringify(ar)), segments_zero: 'لا شيء' } }))
    expect(withZero.status).toBe(0)
    const de = checkJson(writeTree({ 'en/app.json': EN, 'de/app.json': SV }))
    expect(de.status).toBe(0)
  })

  it('relaxes the named categories with --optional-plurals', () => {
    const ru = { ...SV, segments_one: '{{count}} сегмент', segments_few: '{{count}} сегмента', segments_other: '{{count}} сегмента' }
    const root = writeTree({ 'en/app.json': EN, 'ru/app.json': ru })
    expect(check(root).status).toBe(1)
    expect(check(root, '--optional-plurals', 'many').status).toBe(0)
    expect(check(root, '--optional-plurals', 'lots').status).toBe(2)
  })

  it('checks ordinal forms when the source has them', () => {
    const en = { place_ordinal_one: '{{count}}st', place_ordinal_two: '{{count}}nd', place_ordinal_few: '{{count}}rd', place_ordinal_other: '{{count}}th' }
    const sv = { place_ordinal_one: '{{count}}:a', place_ordinal_other: '{{count}}:e' }
    expect(check(writeTree({ 'en/o.json': en, 'sv/o.json': sv })).status).toBe(0)
    const { status, json } = checkJson(writeTree({ 'en/o.json': en, 'sv/o.json': { place_ordinal_other: '{{count}}:e' } }))
    expect(status).toBe(1)
    expect(json.problems[0]?.message).toContain('place_ordinal_one')
  })

  it('reports interpolations missing from or unknown to the target, in both spellings', () => {
    const sv = { ...SV, greeting: 'Hej {{nam}}, du har {{total}} ord' }
    const { status, json } = checkJson(writeTree({ 'en/app.json': EN, 'sv/app.json': sv }))
    expect(status).toBe(1)
    expect(json.languages.sv?.placeholders).toBe(1)
    // {{total}} for {{total, number}} is the same variable, its formatter left out: its own kind.
    expect(json.problems).toMatchObject([
      { kind: 'placeholder', key: 'greeting', line: 5 },
      { kind: 'formatter', key: 'greeting', line: 5, message: 'greeting formats {{total}} with no formatter where the source has number' },
    ])
    expect(json.problems[0]?.message).toBe('greeting lacks {{name}} and has {{nam}}, unknown to the source')
  })

  it('fails a translation that lost a $t() nesting', () => {
    const sv = { ...SV, menu: { file: 'Arkiv', help: 'Hjälp' } }
    const { status, json } = checkJson(writeTree({ 'en/app.json': EN, 'sv/app.json': sv }))
    expect(status).toBe(1)
    expect(json.problems).toMatchObject([{ kind: 'nesting', key: 'menu.help' }])
  })

  it('counts empty strings as untranslated', () => {
    const { status, json } = checkJson(writeTree({ 'en/app.json': EN, 'sv/app.json': { ...SV, title: '  ' } }))
    expect(status).toBe(1)
    expect(json.languages.sv).toMatchObject({ empty: 1, units: { total: 5, translated: 4 } })
  })

  it('warns about extra keys without failing', () => {
    const r = check(writeTree({ 'en/app.json': EN, 'sv/app.json': { ...SV, old: 'Gammal' } }))
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/warning: old is not in the source/)
  })

  it('reports a missing key at the line of its source key', () => {
    const sv = { ...SV, menu: { file: 'Arkiv' } }
    const { json } = checkJson(writeTree({ 'en/app.json': EN, 'sv/app.json': sv }))
    expect(json.problems).toMatchObject([{ kind: 'missing', key: 'menu.help', line: 8 }])
    expect(json.problems[0]?.file).toMatch(/locales\/en\/app\.json$/)
  })

  it('reads keys named like members of every JavaScript object as plain keys', () => {
    // Raw JSON: an object literal with __proto__ would set a prototype instead of a key.
    const en = '{"constructor": "Build", "toString": "Text", "__proto__": {"a": "A"}, "b": "B"}\n'
    const { status, json } = checkJson(writeTree({ 'en/app.json': en, 'de/app.json': '{"b": "B", "c": "C"}\n' }))
    expect(status).toBe(1)
    expect(json.checked.strings).toBe(6)
    expect(json.problems.map((p) => `${p.kind} ${p.key}`)).toEqual(['missing constructor', 'missing toString', 'missing __proto__.a', 'extra c'])
  })

  it('treats an object under a plural form name as that form missing, or as extra where the language has no such form', () => {
    const en = { n_one: '{{count}} file', n_other: '{{count}} files' }
    const { json } = checkJson(writeTree({ 'en/app.json': en, 'de/app.json': { n_other: '{{count}} Dateien', n_one: {} }, 'ja/app.json': { n_other: '{{count}}', n_one: {} } }))
    expect(json.problems.map((p) => `${p.lang} ${p.kind} ${p.key}`)).toEqual(['de plural n', 'ja extra n_one'])
    expect(json.problems[1]?.message).toBe('n_one is a plural form ja does not use; remove it or add it to the source')
  })

  it('treats a namespace file the target lacks as all its keys missing', () => {
    const { json } = checkJson(writeTree({ 'en/app.json': EN, 'en/b.json': { x: 'X' }, 'sv/app.json': SV }))
    expect(json.languages.sv).toMatchObject({ missing: 1, passed: false })
  })
})
