import { describe, expect, it } from 'vitest'
import { createTermMatcher } from '../../src/terms/match.js'
import { loadStemmer } from '../../src/terms/stemmers.js'
import type { Term, TermEntry } from '../../src/terms/types.js'

let nextId = 1
const term = (lang: string, text: string, extra: Partial<Term> = {}): Term => ({ lang, text, status: 'admitted', caseSensitive: false, ...extra })
const entry = (...terms: Term[]): TermEntry => ({ id: nextId++, tag: 'sv-general', terms, version: 1, updatedAt: '', updatedBy: 't' })

async function matcher(entries: TermEntry[], source = 'en', target = 'sv') {
  return createTermMatcher(entries, { source, target, stem: await loadStemmer(source) })
}
const found = (hits: { found: string }[]) => hits.map((h) => h.found)

describe('term matching', () => {
  const river = entry(term('en', 'river'), term('sv', 'älv', { status: 'deprecated' }), term('sv', 'å', { status: 'preferred' }))
  const memory = entry(term('en', 'translation memory'), term('sv', 'översättningsminne', { status: 'preferred' }))
  const translation = entry(term('en', 'translation'), term('sv', 'översättning'))

  it('finds English word forms through the stemmer, with the target terms preferred first', async () => {
    const m = await matcher([river])
    const hits = m.find('Two rivers meet the River here.')
    expect(found(hits)).toEqual(['rivers', 'River'])
    expect(hits[0]).toMatchObject({ start: 4, end: 10, entryId: river.id })
    expect(hits[0]!.targets.map((t) => t.text)).toEqual(['å', 'älv'])
  })

  it('finds Swedish word forms: definite and plural endings', async () => {
    const e = entry(term('sv', 'översättning'), term('en', 'translation'))
    const m = await matcher([e], 'sv', 'en')
    expect(found(m.find('Översättningen och översättningarna, två översättningar.'))).toEqual([
      'Översättningen', 'översättningarna', 'översättningar',
    ])
    expect(found(m.find('Kundtjänsten gör en maskinöversättning.'))).toEqual([]) // never inside a word
  })

  it('takes the longest term first, and multi-word terms by their word forms', async () => {
    const m = await matcher([translation, memory])
    const hits = m.find('Our translation memories keep every translation.')
    expect(found(hits)).toEqual(['translation memories', 'translation'])
    expect(hits.map((h) => h.entryId)).toEqual([memory.id, translation.id])
    expect(found(m.find('A translation\nmemory.'))).toEqual(['translation\nmemory']) // any white space between words
    expect(found(m.find('A translation-memory.'))).toEqual(['translation']) // not other separators
  })

  it('never matches inside a word, nor inside or across a protected code', async () => {
    const art = entry(term('en', 'art'), term('sv', 'konst'))
    const one = entry(term('en', '1'), term('sv', 'ett'))
    const m = await matcher([art, one, memory])
    expect(found(m.find('Start the party, smart art.'))).toEqual(['art'])
    expect(found(m.find('See ⟦1⟧this⟦/1⟧ and ⟦2/⟧.'))).toEqual([])
    expect(found(m.find('The translation⟦1/⟧memory and ⟦1⟧translation memory⟦/1⟧.'))).toEqual(['translation memory'])
    expect(m.find('A ⟦1⟧art⟦/1⟧ show')[0]).toMatchObject({ start: 5, end: 8 })
    expect(found(m.find('Literal ⟦⟦1⟧ is text.'))).toEqual(['1'])
  })

  it('keeps case where a term asks for it', async () => {
    const apple = entry(term('en', 'Apple', { caseSensitive: true }), term('sv', 'Apple'))
    const nasa = entry(term('en', 'NASA', { caseSensitive: true }), term('sv', 'NASA'))
    const m = await matcher([apple, nasa])
    expect(found(m.find('Apple sells apples; Nasa and NASA too.'))).toEqual(['Apple', 'NASA'])
  })

  it('matches exact word forms where the language has no stemmer', async () => {
    const e = entry(term('pl', 'rzeka'), term('sv', 'å'))
    const m = await matcher([e], 'pl')
    expect(found(m.find('Rzeka i rzeki.'))).toEqual(['Rzeka'])
  })

  it('uses terms of the base language, lists each entry once, and skips entries without a source term', async () => {
    const both = entry(term('en', 'river'), term('en', 'River', { caseSensitive: true }), term('sv-FI', 'å'))
    const svOnly = entry(term('sv', 'å'))
    const m = createTermMatcher([both, svOnly], { source: 'en-GB', target: 'sv', stem: await loadStemmer('en') })
    const hits = m.find('The River.')
    expect(hits).toHaveLength(1)
    expect(hits[0]!.targets).toEqual([]) // sv-FI is not sv
  })
})
