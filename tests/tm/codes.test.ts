import { describe, expect, it } from 'vitest'
import { checkCodes } from '../../src/codes/index.js'
import { fixCodes } from '../../src/tm/code-fix.js'
import { prepare, scoreEntry } from '../../src/tm/score.js'
import { replaceValues, tokenize } from '../../src/tm/tokens.js'
import { importText } from '../../src/import/import-text.js'
import { freshStore } from './_setup.js'

const score = (segment: string, source: string, target: string) => scoreEntry(prepare(segment), prepare(source), target)

describe('the memory reads codes as codes', () => {
  it('never takes a code for a number, a word or punctuation', () => {
    const tokens = tokenize('Read ⟦1⟧the guide⟦/1⟧ at ⟦2/⟧ in 5 minutes.')
    expect(tokens.filter((t) => t.kind === 'code').map((t) => t.text)).toEqual(['⟦1⟧', '⟦/1⟧', '⟦2/⟧'])
    expect(tokens.filter((t) => t.kind === 'number').map((t) => t.text)).toEqual(['5'])
    expect(prepare('Read ⟦1⟧the guide⟦/1⟧.').keys).toEqual(prepare('Read the guide.').keys)
    expect(prepare('Read ⟦1⟧the guide⟦/1⟧.').punct).toBe('.')
  })

  it('does not substitute a value inside a code', () => {
    expect(replaceValues('⟦1⟧1 katt⟦/1⟧', new Map([['1', '2']])).text).toBe('⟦1⟧2 katt⟦/1⟧')
  })

  it('scores the same tagged text 100 and leaves the target as it is', () => {
    expect(score('Read ⟦1⟧the guide⟦/1⟧.', 'Read ⟦1⟧the guide⟦/1⟧.', 'Läs ⟦1⟧guiden⟦/1⟧.')).toEqual({
      score: 100,
      autoFixed: false,
      codesFixed: false,
      target: 'Läs ⟦1⟧guiden⟦/1⟧.',
    })
  })

  it('gives 99 with codes fixed when only the codes differ and each has a partner', () => {
    // The entry's source had a link and a code span; the new source has the code span first.
    const s = score('Run ⟦1/⟧ to open ⟦2⟧the guide⟦/2⟧.', 'Run ⟦2/⟧ to open ⟦1⟧the guide⟦/1⟧.', 'Kör ⟦2/⟧ för att öppna ⟦1⟧guiden⟦/1⟧.')
    expect(s).toEqual({ score: 99, autoFixed: false, codesFixed: true, target: 'Kör ⟦1/⟧ för att öppna ⟦2⟧guiden⟦/2⟧.' })
  })

  it('gives 99 when a code only moved: the words decide, the target keeps its codes', () => {
    const s = score('Read the ⟦1⟧guide⟦/1⟧.', 'Read ⟦1⟧the guide⟦/1⟧.', 'Läs ⟦1⟧guiden⟦/1⟧.')
    expect(s).toEqual({ score: 99, autoFixed: false, codesFixed: false, target: 'Läs ⟦1⟧guiden⟦/1⟧.' })
  })

  it('puts a code the entry lacks at the end of the target and takes a point for it', () => {
    const s = score('Read the ⟦1⟧guide⟦/1⟧.', 'Read the guide.', 'Läs guiden.')
    expect(s).toEqual({ score: 98, autoFixed: false, codesFixed: true, target: 'Läs guiden.⟦1⟧⟦/1⟧' })
    expect(checkCodes(s.target, 'Read the ⟦1⟧guide⟦/1⟧.').errors).toEqual([])
  })

  it('drops a code the new source lacks, keeping the words it held', () => {
    const s = score('Read the guide.', 'Read the ⟦1⟧guide⟦/1⟧ ⟦2/⟧.', 'Läs ⟦1⟧guiden⟦/1⟧ ⟦2/⟧.')
    expect(s).toMatchObject({ score: 97, codesFixed: true, target: 'Läs guiden .' })
    expect(checkCodes(s.target, 'Read the guide.').errors).toEqual([])
  })

  it('fixes numbers and codes together', () => {
    const s = score('Pay ⟦1⟧15 euros⟦/1⟧ now.', 'Pay 12 euros now.', 'Betala 12 euro nu.')
    expect(s).toEqual({ score: 98, autoFixed: true, codesFixed: true, target: 'Betala 15 euro nu.⟦1⟧⟦/1⟧' })
  })

  it('scores fuzzy matches on the words alone', () => {
    const plain = score('Read the long guide.', 'Read the guide.', 'Läs guiden.')
    const tagged = score('Read the long ⟦1⟧guide⟦/1⟧.', 'Read the ⟦1⟧guide⟦/1⟧.', 'Läs ⟦1⟧guiden⟦/1⟧.')
    expect(tagged.score).toBe(plain.score)
    expect(tagged).toMatchObject({ codesFixed: false, target: 'Läs ⟦1⟧guiden⟦/1⟧.' })
  })

  it('always gives a target whose codes fit the new source', () => {
    const cases: [string, string, string][] = [
      ['⟦1⟧a⟦/1⟧ ⟦2⟧b⟦/2⟧ c', 'a ⟦1⟧b⟦/1⟧ c', 'A ⟦1⟧B⟦/1⟧ C'],
      ['a ⟦1/⟧ b', '⟦1⟧a⟦/1⟧ b', '⟦1⟧A⟦/1⟧ B'],
      ['⟦1⟧a ⟦2⟧b⟦/2⟧⟦/1⟧', '⟦1⟧a⟦/1⟧ ⟦2⟧b⟦/2⟧', '⟦2⟧B⟦/2⟧ ⟦1⟧A⟦/1⟧'],
      ['a b', '⟦1⟧a⟦/1⟧ b', 'broken ⟦9⟧ target'],
    ]
    for (const [segment, source, target] of cases) {
      const fixed = fixCodes(source, target, segment)
      expect(checkCodes(fixed.target, segment).errors, `${segment} / ${source} / ${target}`).toEqual([])
    }
  })
})

describe('the memory matches Markdown units on their words', () => {
  const md = (body: string) => `# Guide\n\n${body}\n`

  it('finds a translation of the same words with other links and puts the new codes in', async () => {
    const store = freshStore()
    await importText(store, { id: 'guide-01', tag: 'sv-general', lang: 'en', targets: ['sv'], format: 'md', text: md('Read [the guide](https://a.example/) before you start.') })
    const [, unit] = await store.listUnits('guide-01')
    expect(unit!.source).toBe('Read ⟦1⟧the guide⟦/1⟧ before you start.')
    await store.writeTranslation({ articleId: 'guide-01', unitId: unit!.id, lang: 'sv', text: 'Läs ⟦1⟧guiden⟦/1⟧ innan du börjar.', state: 'translated', author: 'anna' })

    // Another URL is the same tagged text: a 100 whatever the link holds.
    const [same] = await store.memory.matches({ text: 'Read ⟦1⟧the guide⟦/1⟧ before you start.', srcLang: 'en', tgtLang: 'sv' })
    expect(same).toMatchObject({ score: 100, codesFixed: false, target: 'Läs ⟦1⟧guiden⟦/1⟧ innan du börjar.' })
    // The same words with a code span added before the link: the codes are renumbered from the new source.
    const [moved] = await store.memory.matches({ text: 'Read ⟦1/⟧ ⟦2⟧the guide⟦/2⟧ before you start.', srcLang: 'en', tgtLang: 'sv' })
    expect(moved).toMatchObject({ score: 98, codesFixed: true })
    expect(checkCodes(moved!.target, 'Read ⟦1/⟧ ⟦2⟧the guide⟦/2⟧ before you start.').errors).toEqual([])
    // The same words as plain text: the codes are dropped, the words found.
    const [plain] = await store.memory.matches({ text: 'Read the guide before you start.', srcLang: 'en', tgtLang: 'sv' })
    expect(plain).toMatchObject({ score: 98, codesFixed: true, target: 'Läs guiden innan du börjar.' })
    await store.close()
  })

  it('counts no code as a word in a unit', async () => {
    const store = freshStore()
    await importText(store, { id: 'guide-02', tag: 'sv-general', lang: 'en', targets: ['sv'], format: 'md', text: md('Run `npm 1 2` or see <https://x.example/3> and **bold 4** text.') })
    const [, unit] = await store.listUnits('guide-02')
    // Run, or, see, and, bold, 4, text: the code span and the URL are codes, not words.
    expect(unit!.words).toBe(7)
    await store.close()
  })
})
