import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkLocales } from '../../src/check/check-locales.js'
import { unjudgedSeverity, type Problem } from '../../src/check/types.js'
import { writeTree } from './tree.js'

// The compare walks a target object's own keys in step with the source's key order (slots in
// source-index.ts). Whatever order a target writes its keys in, the counts and the problems
// (their order included) must be the same; only the lines of problems in the target file move,
// and extra keys (which the source has no order for) come in the target's order.

/** A source with what the slots must tell apart: plain keys, plural and ordinal groups, child objects, more than 8 keys in a row, integer-like keys, and a child object named like a form of a group. */
const SOURCE: Record<string, unknown> = {
  title: 'Title',
  greeting: 'Hello {{name}}',
  files_one: '{{count}} file',
  files_other: '{{count}} files',
  place_ordinal_one: '{{count}}st',
  place_ordinal_two: '{{count}}nd',
  place_ordinal_few: '{{count}}rd',
  place_ordinal_other: '{{count}}th',
  nested: 'See $t(title)',
  menu: { open: 'Open', close: 'Close', recent: { one: 'One', two: 'Two' } },
  // A child object whose name is also a form of the `files` group.
  files_few: { note: 'A note' },
  '1': 'One',
  '20': 'Twenty',
  ...Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`long${i}`, `Long text ${i}`])),
}

type Choice = 'translated' | 'missing' | 'blank' | 'broken' | 'object' | 'number'

/** A target built from the source: each string translated, left out, blank, with a broken placeholder, or replaced. */
function target(source: Record<string, unknown>, choices: Choice[], next: { i: number }, extras: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(source)) {
    if (typeof value !== 'string') {
      out[key] = target(value as Record<string, unknown>, choices, next, extras)
      continue
    }
    const choice = choices[next.i++ % choices.length] as Choice
    if (choice === 'translated') out[key] = `[ru] ${value}`
    else if (choice === 'blank') out[key] = ' '
    else if (choice === 'broken') out[key] = `[ru] ${value.replace(/\{\{(\w+)\}\}/g, '{{$1x}}')} {{stray}}`
    else if (choice === 'object') out[key] = { inner: 'x' }
    // ('number' is an error, exit 2: only the order-independence of the first one reported matters)
    else if (choice === 'number') out[key] = 7
  }
  if (extras) {
    out.extra_key = 'Not in the source'
    out.files_many = '{{count}} файлов'
    out.files_zero = '{{count}} файлов'
  }
  return out
}

/** The same object with its keys (at every level) in the order `order` gives. */
function reorder(value: Record<string, unknown>, order: (keys: string[]) => string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of order(Object.keys(value))) {
    const v = value[key]
    out[key] = typeof v === 'object' && v !== null && !Array.isArray(v) ? reorder(v as Record<string, unknown>, order) : v
  }
  return out
}

type Seen = Omit<Problem, 'line'> & { line?: number | null }

/**
 * Counts and problems of a tree whose ru file is `ru`, with paths relative to the tree. Lines
 * of problems in the target file are left out (they follow its layout); extra keys are sorted.
 */
function run(ru: Record<string, unknown>): { counts: unknown; problems: Seen[]; extras: Seen[] } | { error: string } {
  const root = writeTree({ 'en/app.json': SOURCE, 'ru/app.json': ru })
  const relative = (s: string) => s.replaceAll(root, 'ROOT')
  try {
    const checked = checkLocales({ dir: join(root, 'locales'), source: 'en', optionalPlurals: new Set() })
    if (Array.isArray(checked.problems)) throw new Error('a locale tree defers its problems')
    const all: Seen[] = checked.problems
      .all((_, kind) => unjudgedSeverity(kind))
      .map(({ line, file, ...p }) => ({ ...p, file: file && relative(file), ...(p.kind === 'missing' ? { line } : {}) }))
    return {
      counts: checked.languages.get('ru'),
      problems: all.filter((p) => p.kind !== 'extra'),
      extras: all.filter((p) => p.kind === 'extra').sort((a, b) => a.key.localeCompare(b.key)),
    }
  } catch (err) {
    // (The line moves with the layout; the key reported must not.)
    return { error: relative((err as Error).message).replace(/\.json:\d+:/, '.json:LINE:') }
  }
}

const shuffle = (seed: number) => (keys: string[]) => {
  // A small seeded shuffle (Fisher–Yates with a linear congruential generator).
  const out = [...keys]
  let s = seed
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff
    const j = s % (i + 1)
    ;[out[i], out[j]] = [out[j] as string, out[i] as string]
  }
  return out
}

describe('a target in any key order', () => {
  it('gives the counts and problems of the same target in source order', () => {
    const choice = fc.constantFrom<Choice>('translated', 'translated', 'translated', 'missing', 'blank', 'broken', 'object')
    fc.assert(
      fc.property(fc.array(choice, { minLength: 1, maxLength: 40 }), fc.boolean(), fc.integer({ min: 1, max: 1 << 30 }), (choices, extras, seed) => {
        const ru = target(SOURCE, choices, { i: 0 }, extras)
        const inOrder = run(ru)
        expect(run(reorder(ru, shuffle(seed)))).toEqual(inOrder)
        expect(run(reorder(ru, (keys) => [...keys].reverse()))).toEqual(inOrder)
      }),
      { numRuns: 60 },
    )
  })

  it('finds the same few problems of a near-complete target in every order', () => {
    const ru = target(SOURCE, ['translated'], { i: 0 }, false)
    // Russian needs a many form the source lacks; it has no ordinal forms but `other`. And
    // `files_few` is the child object of the source here, so the `files` group can never have
    // its few form.
    ru.files_many = '{{count}} файлов'
    const results = [(k: string[]) => k, (k: string[]) => [...k].reverse(), shuffle(42)].map((order) => run(reorder(ru, order)))
    for (const result of results) {
      expect(result).toMatchObject({ counts: { missing: 0, plurals: 1, placeholders: 0, extra: 3, empty: 0 } })
      const { problems, extras } = result as { problems: Seen[]; extras: Seen[] }
      expect(problems.map((p) => p.message)).toEqual(['files lacks the plural form files_few (ru needs one, few, many, other)'])
      expect(extras.map((p) => p.message)).toEqual(['few', 'one', 'two'].map((c) => `place_ordinal_${c} is a plural form ru does not use; remove it or add it to the source`))
    }
    expect(results[1]).toEqual(results[0])
    expect(results[2]).toEqual(results[0])
  })

  it('reports the same non-string value first, whatever the order', () => {
    const ru = target(SOURCE, ['translated', 'translated', 'number', 'translated', 'number'], { i: 0 }, false)
    const first = run(ru)
    expect(first).toMatchObject({ error: expect.stringContaining('translations must be strings') })
    expect(run(reorder(ru, (keys) => [...keys].reverse()))).toEqual(first)
  })

  it('tells a string under a form name from the child object of the same name', () => {
    // The target writes `files_few` as a string (a plural form) instead of the source's object.
    const ru = { ...target(SOURCE, ['translated'], { i: 0 }, false), files_few: '{{count}} файла', files_many: '{{count}} файлов' }
    const result = run(ru)
    expect(result).toMatchObject({ counts: { plurals: 0 } })
    // The child object is missing: its one key is reported, in both orders.
    expect((result as { problems: Seen[] }).problems.map((p) => p.key)).toContain('files_few.note')
    expect(run(reorder(ru, (keys) => [...keys].reverse()))).toEqual(result)
  })
})
