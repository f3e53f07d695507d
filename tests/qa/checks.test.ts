import { describe, expect, it } from 'vitest'
import { checkConsistency } from '../../src/qa/consistency.js'
import { canonicalNumber, numbersOf } from '../../src/qa/numbers.js'
import { checkSegment } from '../../src/qa/segment-checks.js'
import { checkTerms } from '../../src/qa/term-checks.js'
import { createTermMatcher } from '../../src/terms/match.js'
import { loadStemmer } from '../../src/terms/stemmers.js'
import type { TermEntry } from '../../src/terms/types.js'

const [enStem, svStem] = await Promise.all([loadStemmer('en'), loadStemmer('sv')])
const checks = (s: string, t: string) => checkSegment(s, t).map((f) => f.check)

describe('numbers', () => {
  it('reads locale formats as one number', () => {
    expect(canonicalNumber('3.5')).toBe(canonicalNumber('3,5'))
    expect(canonicalNumber('1,000')).toBe('1000')
    expect(canonicalNumber('1 000')).toBe('1000')
    expect(canonicalNumber('1\u202f000')).toBe('1000')
    expect(canonicalNumber('1.000')).toBe('1000')
    expect(canonicalNumber('1,000.5')).toBe('1000.5')
    expect(canonicalNumber('1.000,5')).toBe('1000.5')
    expect(canonicalNumber('1 000,5')).toBe('1000.5')
    expect(canonicalNumber('1,000,000')).toBe('1000000')
    expect(canonicalNumber('3,50')).toBe('3.50')
    expect(canonicalNumber('12:30')).toBe('12:30')
  })

  it('tells 3.5 from 35 and 1,5 from 15, and keeps repeats', () => {
    expect(numbersOf('3.5 kg')).not.toEqual(numbersOf('35 kg'))
    expect(numbersOf('1,5 l')).not.toEqual(numbersOf('15 l'))
    expect(numbersOf('5 and 5')).toEqual(['5', '5'])
    // A space groups only three digits: two numbers side by side stay two.
    expect(numbersOf('in 2024 12 people')).toEqual(['12', '2024'])
    expect(numbersOf('10 000 000 kr')).toEqual(['10000000'])
  })

  it('names what is missing and what is extra, a repeat included', () => {
    const [f] = checkSegment('5 and 5 apples.', '5 äpplen.')
    expect(f).toMatchObject({ check: 'numbers', message: 'Numbers differ: 5 of the source is missing', data: { missing: '5', extra: '' } })
    expect(checkSegment('Pay 3.5 kr.', 'Betala 3,5 kr.')).toEqual([])
    expect(checkSegment('1,000 people.', '1 000 personer.')).toEqual([])
    expect(checkSegment('3.5 kg.', '35 kg.')[0]?.message).toBe('Numbers differ: 3.5 of the source is missing; 35 is not in the source')
  })

  it('never reads a code tag as a number', () => {
    expect(checkSegment('Run ⟦1/⟧ in ⟦2⟧5 s⟦/2⟧.', 'Kör ⟦1/⟧ på ⟦2⟧5 s.⟦/2⟧')).toEqual([])
  })
})

describe('codes and placeholders', () => {
  it('names a missing, an extra, an unbalanced and a crossed code', () => {
    expect(checkSegment('Run ⟦1/⟧ now.', 'Kör nu.')).toEqual([
      { check: 'codes', message: '⟦1/⟧ of the source is missing', data: { code: '⟦1/⟧', kind: 'missing-standalone' } },
    ])
    expect(checkSegment('A ⟦1⟧b⟦/1⟧.', 'A ⟦1⟧b.')[0]!.message).toBe('⟦1⟧…⟦/1⟧ opens and never closes: add ⟦/1⟧')
    expect(checkSegment('A ⟦1⟧b⟦/1⟧ ⟦2⟧c⟦/2⟧.', 'A ⟦1⟧b ⟦2⟧c⟦/1⟧⟦/2⟧.')[0]!.data.kind).toBe('crossed')
    expect(checkSegment('A b.', 'A ⟦3/⟧b.')[0]!.message).toBe('⟦3/⟧ is not a code of the source: leave it out')
  })

  it('names a placeholder lost, mangled or added in a text without codes', () => {
    expect(checkSegment('Hi {{name}}!', 'Hej {{ name }}!').map((f) => f.message)).toEqual([
      '{{name}} of the source is missing or changed',
      '{{ name }} is not in the source',
    ])
    expect(checkSegment('Hi {{name}}!', 'Hej {{name}}!')).toEqual([])
    expect(checkSegment('Hi!', 'Hej <b>du</b>!').map((f) => f.data.code)).toEqual(['<b>', '</b>'])
  })
})

describe('end punctuation, spaces, identical', () => {
  it('compares end marks behind closing quotes, and names both', () => {
    expect(checkSegment('Is it?', 'Är det.')[0]!.message).toBe('The source ends with “?”, the translation with “.”')
    expect(checkSegment('Done.', 'Klart')[0]!.message).toBe('The source ends with “.”, the translation without an end mark')
    expect(checkSegment('Heading', 'Rubrik.')[0]!.message).toBe('The translation ends with “.” but the source has no end mark')
    expect(checks('“Go.”', '”Gå.”')).toEqual([])
    expect(checks('Wait…', 'Vänta…')).toEqual([])
  })

  it('names leading, trailing and double spaces', () => {
    expect(checkSegment('Hello.', ' Hej.')[0]!.message).toBe('Leading space differs: “” in the source, “␣” in the translation')
    expect(checkSegment('Hello.', 'Hej.\t')[0]!.message).toBe('Trailing space differs: “” in the source, “\\t” in the translation')
    expect(checkSegment('Hello there.', 'Hej  där.')[0]!.message).toBe('Double space in the translation: “j␣␣d”')
    expect(checks('Hello  there.', 'Hej  där.')).toEqual([])
  })

  it('flags a copy of the source only when it has letters, and judges no empty target', () => {
    expect(checks('Stockholm.', 'Stockholm.')).toEqual(['identical'])
    expect(checks('42', '42')).toEqual([])
    expect(checkSegment('Hello.', '   ')).toEqual([])
  })
})

describe('terms', () => {
  const entry = (id: number, terms: TermEntry['terms']): TermEntry => ({ id, tag: 'sv-news', terms, version: 1, updatedAt: '', updatedBy: 'x' })
  const t = (lang: string, text: string, status: TermEntry['terms'][number]['status']) => ({ lang, text, status, caseSensitive: false })
  const entries = [
    entry(1, [t('en', 'river', 'preferred'), t('sv', 'å', 'preferred'), t('sv', 'älv', 'admitted'), t('sv', 'flod', 'forbidden')]),
    entry(2, [t('en', 'ferry', 'preferred'), t('sv', 'färja', 'preferred'), t('sv', 'båt', 'deprecated')]),
    entry(3, [t('en', 'boat', 'preferred'), t('sv', 'båt', 'preferred')]),
  ]
  // Word forms as the overview reads them: by Snowball stem (floden is flod, rivers river).
  const toSv = createTermMatcher(entries, { source: 'en', target: 'sv', stem: enStem })
  const inSv = createTermMatcher(entries, { source: 'sv', target: 'sv', stem: svStem })
  const run = (s: string, tgt: string) => checkTerms(toSv.find(s), inSv.find(tgt))

  it('flags a preferred term missing where its source term stands, and accepts an admitted one', () => {
    expect(run('The rivers are wide.', 'En å är bred.')).toEqual([])
    expect(run('The river is wide.', 'Älven är bred.')).toEqual([])
    expect(run('The ferry is late.', 'Skeppet är sent.')).toEqual([
      { check: 'untranslated-term', message: '“ferry” should be translated “färja”', data: { term: 'ferry', expected: 'färja' } },
    ])
  })

  it('flags a forbidden term as such, naming what to use, but not a word that is another entry’s preferred term', () => {
    expect(run('The river is wide.', 'Floden är bred.').map((f) => [f.check, f.message])).toEqual([
      ['untranslated-term', '“river” should be translated “å”'],
      ['forbidden-term', '“Floden” is “flod”, a forbidden term: use “å” or “älv”'],
    ])
    expect(run('The boat.', 'Båten.')).toEqual([])
    expect(run('The ferry.', 'En båt.').map((f) => [f.check, f.message])).toEqual([
      ['untranslated-term', '“ferry” should be translated “färja”'],
    ])
    expect(run('A flood.', 'En flod.').map((f) => [f.check, f.message])).toEqual([['forbidden-term', '“flod” is a forbidden term: use “å” or “älv”']])
  })

  it('never matches a term inside a word', () => {
    expect(run('Riverside.', 'Flodstrand.')).toEqual([])
  })
})

describe('consistency', () => {
  const u = (n: number, source: string, target: string) => ({ unit: `u${n}`, position: n, source, target })
  it('flags the same source translated differently and one translation for different sources', () => {
    const found = checkConsistency([
      u(1, 'Read more.', 'Läs mer.'),
      u(2, 'Read  more.', 'Läs vidare.'),
      u(3, 'Learn more.', 'Läs mer.'),
      u(4, '5', '5'),
      u(5, '6', '5'),
    ])
    expect([...found.entries()].map(([k, fs]) => [k, fs.map((f) => f.check)])).toEqual([
      ['u1', ['inconsistent-translation', 'inconsistent-source']],
      ['u2', ['inconsistent-translation']],
      ['u3', ['inconsistent-source']],
    ])
    expect(found.get('u2')![0]!.message).toBe('The same source is translated differently elsewhere: “Läs mer.” (segment 1)')
    expect(found.get('u3')![0]!.message).toBe('The same translation is given to a different source: “Read more.” (segment 1)')
  })

  it('compares with the other articles of the tag, naming them, and gives their units no finding', () => {
    const other = { ...u(4, 'Read more.', 'Läs vidare.'), article: 'en-news-02' }
    const found = checkConsistency([u(1, 'Read more.', 'Läs mer.')], [other, { ...u(5, 'Read more.', 'Läs mer.'), article: 'en-news-03' }])
    expect([...found.keys()]).toEqual(['u1'])
    expect(found.get('u1')![0]).toMatchObject({
      check: 'inconsistent-translation',
      message: 'The same source is translated differently elsewhere: “Läs vidare.” (segment 4 of en-news-02)',
      data: { article: 'en-news-02', segment: '4' },
    })
  })

  it('says nothing of a text repeated with the same translation', () => {
    expect(checkConsistency([u(1, 'Yes.', 'Ja.'), u(2, 'Yes.', 'Ja.')]).size).toBe(0)
  })
})
