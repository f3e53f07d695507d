import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkLocales, type CheckedSource } from '../../src/check/check-locales.js'
import { evaluate } from '../../src/check/evaluate.js'
import { eachProblem, listedProblems } from '../../src/check/problem-list.js'
import { parseMin } from '../../src/check/thresholds.js'
import { unjudgedSeverity, type CheckResult, type Problem } from '../../src/check/types.js'
import { checkJson, EN, writeTree } from './tree.js'

// A locale tree's problems are made only when printed (problem-list.ts). Whatever is printed must
// equal what judging a plain list of them gives: the same problems, lines and severities.

// sv: two keys missing, a broken placeholder, a lost nesting, an extra key; de: one key missing;
// ru: a plural form missing; fr: the whole namespace file absent.
const SV = { title: 'Tolk', greeting: 'Hej {{nam}}', menu: { file: 'Arkiv', help: 'Hjälp' }, old: 'Gammal' }
const DE = { ...EN, menu: { file: 'Datei' } }
const RU = { ...EN, segments_one: '{{count}} сегмент', segments_other: '{{count}} сегмента', segments_few: '{{count}} сегмента' }
const tree = () => writeTree({ 'en/app.json': EN, 'en/more.json': { a: 'A', b: 'B {{x}}' }, 'sv/app.json': SV, 'sv/more.json': { a: 'A' }, 'de/app.json': DE, 'de/more.json': { a: 'A', b: 'B {{x}}' }, 'ru/app.json': RU, 'ru/more.json': { b: 'Б {{x}}' }, 'fr/app.json': EN })

const SOURCE = { kind: 'locales' as const, location: 'locales', lang: 'en' }

/** The same check, with its problems made at once and judged one by one. */
function eager(checked: CheckedSource, all: Problem[]): CheckedSource {
  return { ...checked, problems: all }
}

function judged(root: string, min: string | undefined, everyLine = false): { deferred: CheckResult; plain: CheckResult } {
  const opts = { dir: join(root, 'locales'), source: 'en', optionalPlurals: new Set<string>(), everyLine }
  const thresholds = parseMin(min)
  const deferred = evaluate(checkLocales(opts), { source: SOURCE, measure: 'words', thresholds })
  const checked = checkLocales(opts)
  if (Array.isArray(checked.problems)) throw new Error('a locale tree should defer its problems')
  const plain = evaluate(eager(checked, checked.problems.all((_, kind) => unjudgedSeverity(kind))), { source: SOURCE, measure: 'words', thresholds })
  return { deferred, plain }
}

describe('problems made only when printed', () => {
  for (const [min, everyLine] of [[undefined, false], ['0', false], ['50', false], ['80,de=100', false], ['100,sv=0', false], [undefined, true], ['50', true]] as const) {
    it(`equal the judged list, lines and severities included (--min ${min ?? 'absent'}, ${everyLine ? 'lines found while reading' : 'lines found when printed'})`, () => {
      const root = tree()
      const { deferred, plain } = judged(root, min, everyLine)
      expect(deferred.languages).toEqual(plain.languages)
      expect(deferred.passed).toBe(plain.passed)
      // The first few listed (what text and markdown print), before the whole list is made.
      for (const limit of [0, 1, 3, 1000]) {
        const listed = plain.problems.filter((p) => p.severity !== 'note')
        expect(listedProblems(deferred, limit)).toEqual({ total: listed.length, shown: listed.slice(0, limit) })
      }
      // Made one at a time (what --format json writes), then all at once.
      expect([...eachProblem(deferred)]).toEqual(plain.problems)
      expect(deferred.problems).toEqual(plain.problems)
      expect(plain.problems.some((p) => p.kind === 'missing' && p.line !== null)).toBe(true)
      expect(plain.problems.some((p) => p.kind === 'placeholder' && p.line !== null)).toBe(true)
    })
  }

  it('skip tolerated notes when listing, and find the lines of the few shown in their target file', () => {
    const root = tree()
    // At 50 % every language's coverage passes, so its missing keys are notes; sv's errors remain.
    const { deferred } = judged(root, '50')
    const { total, shown } = listedProblems(deferred, 2)
    expect(total).toBe(3)
    expect(shown.map((p) => [p.lang, p.kind, p.file, p.line])).toEqual([
      ['sv', 'placeholder', join(root, 'locales/sv/app.json'), 3],
      ['sv', 'nesting', join(root, 'locales/sv/app.json'), 6],
    ])
  })

  it('keep their place but lose their line when their file is removed before printing', () => {
    const root = tree()
    const opts = { dir: join(root, 'locales'), source: 'en', optionalPlurals: new Set<string>() }
    const r = evaluate(checkLocales(opts), { source: SOURCE, measure: 'words', thresholds: parseMin(undefined) })
    rmSync(join(root, 'locales/sv/app.json'))
    rmSync(join(root, 'locales/en/more.json'))
    const placeholder = r.problems.find((p) => p.lang === 'sv' && p.kind === 'placeholder')
    expect(placeholder).toMatchObject({ file: join(root, 'locales/sv/app.json'), key: 'greeting', line: null, severity: 'error' })
    // A missing key points at its source file, which is gone too.
    expect(r.problems.find((p) => p.lang === 'sv' && p.key === 'b')).toMatchObject({ file: join(root, 'locales/en/more.json'), kind: 'missing', line: null })
    expect(r.problems.find((p) => p.lang === 'de' && p.key === 'menu.help')).toMatchObject({ kind: 'missing', line: 8 })
  })

  it('are all made, with extra keys still warnings, when a baseline judges them one by one', () => {
    const root = tree()
    const before = checkJson(root)
    const saved = join(root, 'baseline.json')
    writeFileSync(saved, JSON.stringify(before.json))
    const again = checkJson(root, '--baseline', saved)
    expect(again.status).toBe(0)
    expect(again.json.problems.find((p) => p.kind === 'extra')).toMatchObject({ lang: 'sv', key: 'old', severity: 'warning' })
    expect(again.json.problems.filter((p) => p.kind !== 'extra').every((p) => p.severity === 'note')).toBe(true)
    expect(again.json.problems.map((p) => [p.lang, p.key, p.kind, p.line])).toEqual(before.json.problems.map((p) => [p.lang, p.key, p.kind, p.line]))
  })
})
