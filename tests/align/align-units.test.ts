import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Alignment, alignUnits } from '../../src/align/align-units.js'
import { MAX_EDIT_LENGTH } from '../../src/align/anchors.js'
import { normalizeForCompare } from '../../src/model/text.js'
import type { StoredUnit } from '../../src/model/translation.js'
import type { TranslationUnit } from '../../src/model/unit.js'

const ARTICLE = 'sv-general-01'

/**
 * Units of an article given as paragraphs of sentences, with ids proposed the way the segmenter
 * does (article + sentence + occurrence), so a re-import proposes the same id for the same text.
 */
function article(paragraphs: readonly (readonly string[])[], trailing = ' '): TranslationUnit[] {
  const units: TranslationUnit[] = []
  const seen = new Map<string, number>()
  paragraphs.forEach((sentences, block) => {
    sentences.forEach((source, k) => {
      const key = normalizeForCompare(source)
      const occurrence = (seen.get(key) ?? 0) + 1
      seen.set(key, occurrence)
      const hash = createHash('sha1').update(key).digest('hex').slice(0, 8)
      units.push({
        id: `${ARTICLE}.${hash}${occurrence > 1 ? `.${occurrence}` : ''}`,
        articleId: ARTICLE,
        tag: 'sv-general',
        lang: 'en',
        position: units.length + 1,
        block,
        kind: 'paragraph',
        source,
        trailing: k === sentences.length - 1 ? '\n\n' : trailing,
        words: source.split(/\s+/u).filter(Boolean).length,
      })
    })
  })
  return units
}

/** What a store would hold after importing `fresh` under `alignment` over `stored`. */
function apply(
  stored: readonly StoredUnit[],
  fresh: readonly TranslationUnit[],
  a: Alignment,
): StoredUnit[] {
  const taken = new Set(a.units.map((u) => u.id))
  const next: StoredUnit[] = fresh.map((u, j) => ({ ...u, id: a.units[j]!.id, obsolete: false }))
  for (const u of stored) if (!taken.has(u.id)) next.push({ ...u, obsolete: true })
  return next
}

/** A first import, with ids renamed so nothing can rely on stored ids equalling proposals. */
function firstImport(fresh: readonly TranslationUnit[]): StoredUnit[] {
  return fresh.map((u, i) => ({ ...u, id: `u${i + 1}`, obsolete: false }))
}

const P1 = ['The river froze early that year.', 'Nobody in the village was surprised.']
const P2 = ['Fishermen cut holes in the ice.', 'They waited for hours in the cold wind.']
const P3 = ['By spring, the boats were ready again.']

describe('alignUnits', () => {
  it('reports an unchanged article as unchanged, every unit kept with its id', () => {
    const stored = firstImport(article([P1, P2, P3]))
    const a = alignUnits(stored, article([P1, P2, P3]))
    expect(a.unchanged).toBe(true)
    expect(a.units.map((u) => u.fate)).toEqual(Array(5).fill('kept'))
    expect(a.units.map((u) => u.id)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5'])
    expect(a.units.map((u) => u.previousId)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5'])
    expect(a.obsolete).toEqual([])
    expect(a.counts).toEqual({ kept: 5, moved: 0, stale: 0, new: 0, obsolete: 0 })
  })

  it('reads stored units in position order whatever order they come in', () => {
    const stored = firstImport(article([P1, P2, P3])).reverse()
    const a = alignUnits(stored, article([P1, P2, P3]))
    expect(a.unchanged).toBe(true)
    expect(a.units.map((u) => u.id)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5'])
  })

  it('keeps the id of an edited sentence and marks it stale', () => {
    const stored = firstImport(article([P1, P2, P3]))
    const edited = ['Fishermen cut two holes in the thick ice.', P2[1]!]
    const a = alignUnits(stored, article([P1, edited, P3]))
    expect(a.units[2]).toEqual({ id: 'u3', fate: 'stale', previousId: 'u3' })
    expect(a.counts).toEqual({ kept: 4, moved: 0, stale: 1, new: 0, obsolete: 0 })
    expect(a.unchanged).toBe(false)
  })

  it('gives an inserted sentence a new id that collides with no stored id', () => {
    const stored = firstImport(article([P1, P2]))
    const fresh = article([P1, ['A storm came from the north.', ...P2]])
    // Make the proposal collide with a live id and with obsolete ones.
    fresh[2] = { ...fresh[2]!, id: 'u1' }
    stored.push({ ...stored[0]!, id: 'u1-2', position: 98, obsolete: true })
    stored.push({ ...stored[0]!, id: 'u1-3', source: 'Gone.', position: 99, obsolete: true })
    const a = alignUnits(stored, fresh)
    expect(a.units[2]).toEqual({ id: 'u1-4', fate: 'new' })
    expect(a.units.map((u) => u.fate)).toEqual(['kept', 'kept', 'new', 'kept', 'kept'])
    expect(a.counts).toEqual({ kept: 4, moved: 0, stale: 0, new: 1, obsolete: 0 })
  })

  it('keeps a suffixed new id within 100 characters', () => {
    const long = 'x'.repeat(100)
    const stored = firstImport(article([P1]))
    stored[0] = { ...stored[0]!, id: long }
    const fresh = article([[...P1, 'Then the snow came.']])
    fresh[2] = { ...fresh[2]!, id: long }
    const a = alignUnits(stored, fresh)
    expect(a.units[2]!.id).toBe(`${'x'.repeat(98)}-2`)
    expect(a.units[2]!.id).toMatch(/^[A-Za-z0-9._-]{1,100}$/)
  })

  it('makes a removed sentence obsolete', () => {
    const stored = firstImport(article([P1, P2, P3]))
    const a = alignUnits(stored, article([P1, [P2[1]!], P3]))
    expect(a.obsolete).toEqual(['u3'])
    expect(a.units.map((u) => u.id)).toEqual(['u1', 'u2', 'u4', 'u5'])
    expect(a.counts).toEqual({ kept: 4, moved: 0, stale: 0, new: 0, obsolete: 1 })
  })

  it('keeps the id of a sentence moved to another paragraph and calls it moved', () => {
    const stored = firstImport(article([P1, P2, P3]))
    const a = alignUnits(stored, article([[P1[0]!], [...P2, P1[1]!], P3]))
    expect(a.units[3]).toEqual({ id: 'u2', fate: 'moved', previousId: 'u2' })
    expect(a.counts).toEqual({ kept: 5, moved: 1, stale: 0, new: 0, obsolete: 0 })
    expect(a.unchanged).toBe(false)
  })

  it('calls a sentence moved when it keeps its order but joins the next paragraph', () => {
    const stored = firstImport(article([P1, P2, P3]))
    const a = alignUnits(stored, article([[P1[0]!], [P1[1]!, ...P2], P3]))
    expect(a.units.map((u) => u.fate)).toEqual(['kept', 'moved', 'kept', 'kept', 'kept'])
    expect(a.units.map((u) => u.id)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5'])
    expect(a.unchanged).toBe(false)
  })

  it('does not call sentences moved when a paragraph above shifts their block numbers', () => {
    const stored = firstImport(article([P1, P2, P3]))
    const a = alignUnits(stored, article([P1, ['A storm came from the north.'], P2, P3]))
    expect(a.units.map((u) => u.fate)).toEqual(['kept', 'kept', 'new', 'kept', 'kept', 'kept'])
    expect(a.counts).toEqual({ kept: 5, moved: 0, stale: 0, new: 1, obsolete: 0 })
  })

  it('does not call sentences moved when two paragraphs are merged', () => {
    const stored = firstImport(article([P1, P2, P3]))
    const a = alignUnits(stored, article([[...P1, ...P2], P3]))
    expect(a.units.every((u) => u.fate === 'kept')).toBe(true)
  })

  it('keeps both ids when two sentences swap places', () => {
    const stored = firstImport(article([P2]))
    const a = alignUnits(stored, article([[P2[1]!, P2[0]!]]))
    expect(a.units.map((u) => u.id)).toEqual(['u2', 'u1'])
    expect(a.units.map((u) => u.fate).sort()).toEqual(['kept', 'moved'])
    expect(a.counts).toEqual({ kept: 2, moved: 1, stale: 0, new: 0, obsolete: 0 })
  })

  it('pairs repeated identical sentences in order', () => {
    const stored = firstImport(article([['Yes.', 'He left.', 'Yes.', 'She stayed.', 'Yes.']]))
    const fresh = article([['Yes.', 'He left.', 'Yes.', 'She stayed.', 'Yes.', 'Yes.']])
    const a = alignUnits(stored, fresh)
    expect(a.units.map((u) => u.id).slice(0, 5)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5'])
    expect(a.units[5]!.fate).toBe('new')
    expect(new Set(a.units.map((u) => u.id)).size).toBe(6)
  })

  it('lets the repeat in sequence keep its id rather than a far earlier twin', () => {
    const X = 'The ice held.'
    const stored = firstImport(article([[X, ...P1], [...P2, X, ...P3]]))
    const a = alignUnits(stored, article([P1, [...P2, X, ...P3]]))
    expect(a.units.map((u) => u.id)).toEqual(['u2', 'u3', 'u4', 'u5', 'u6', 'u7'])
    expect(a.units.every((u) => u.fate === 'kept')).toBe(true)
    expect(a.obsolete).toEqual(['u1'])
  })

  it('revives an obsolete sentence that comes back, with its old id', () => {
    const first = firstImport(article([P1, P2]))
    const without = article([P1, [P2[1]!]])
    const second = apply(first, without, alignUnits(first, without))
    expect(second.find((u) => u.id === 'u3')?.obsolete).toBe(true)
    const a = alignUnits(second, article([P1, P2]))
    expect(a.units[2]).toEqual({ id: 'u3', fate: 'revived', previousId: 'u3' })
    expect(a.counts).toEqual({ kept: 4, moved: 0, stale: 0, new: 0, obsolete: 0 })
  })

  it('makes a totally rewritten sentence obsolete and its replacement new', () => {
    const stored = firstImport(article([P1, P2]))
    const rewritten = ['Quarterly revenue beat analyst forecasts.', P2[1]!]
    const a = alignUnits(stored, article([P1, rewritten]))
    expect(a.units[2]!.fate).toBe('new')
    expect(a.obsolete).toEqual(['u3'])
    expect(a.counts).toEqual({ kept: 3, moved: 0, stale: 0, new: 1, obsolete: 1 })
  })

  it('pairs an edit only above the threshold it is given', () => {
    const stored = firstImport(article([P1]))
    const fresh = article([[P1[0]!, 'Nobody in the town was surprised at all.']])
    expect(alignUnits(stored, fresh).units[1]!.fate).toBe('stale')
    expect(alignUnits(stored, fresh, { threshold: 0.99 }).units[1]!.fate).toBe('new')
  })

  it('keeps a unit whose spacing alone changed, but reports the article as changed', () => {
    const stored = firstImport(article([P1, P2]))
    const spaced = ['The river  froze\nearly that year.', P1[1]!]
    const a = alignUnits(stored, article([spaced, P2]))
    expect(a.units.map((u) => u.fate)).toEqual(['kept', 'kept', 'kept', 'kept'])
    expect(a.units.map((u) => u.id)).toEqual(['u1', 'u2', 'u3', 'u4'])
    expect(a.unchanged).toBe(false)
  })

  it('reports a change of trailing whitespace alone as a change', () => {
    const stored = firstImport(article([P1, P2]))
    const a = alignUnits(stored, article([P1, P2], '  '))
    expect(a.units.every((u) => u.fate === 'kept')).toBe(true)
    expect(a.unchanged).toBe(false)
  })

  it('makes everything obsolete when the re-import is empty', () => {
    const stored = firstImport(article([P1]))
    expect(alignUnits(stored, []).obsolete).toEqual(['u1', 'u2'])
  })

  it('reports an empty article re-imported empty as unchanged', () => {
    expect(alignUnits([], []).unchanged).toBe(true)
  })

  it('still keeps every id when a long article is reordered past the diff limit', () => {
    const sentences = Array.from({ length: MAX_EDIT_LENGTH }, (_, i) => `Sentence number ${i}.`)
    const stored = firstImport(article([sentences]))
    const a = alignUnits(stored, article([[...sentences].reverse()]))
    expect(a.counts.kept).toBe(sentences.length)
    expect(a.counts.new + a.counts.obsolete + a.counts.stale).toBe(0)
    expect(a.units[0]!.id).toBe(`u${sentences.length}`)
  })

  it('pairs edits in a region too large to compare everything with everything', () => {
    const n = MAX_EDIT_LENGTH + 200
    const sentences = Array.from({ length: n }, (_, i) => `Line ${i} tells of the ${i}th winter.`)
    const stored = firstImport(article([sentences]))
    const a = alignUnits(stored, article([sentences.map((s) => s.replace('tells', 'told'))]))
    expect(a.counts.stale).toBe(n)
    expect(a.units.map((u) => u.id)).toEqual(stored.map((u) => u.id))
  })
})

const POOL = [
  'The river froze early that year.',
  'Nobody was surprised.',
  'Yes.',
  'Fishermen cut holes in the ice.',
  'They waited for hours.',
  'By spring, the boats were ready.',
  'The mayor gave a long speech about the harbour.',
  'Yes.',
  'Prices rose again in March.',
  'A storm came from the north.',
]

const paragraphs = fc.array(
  fc.array(
    fc.oneof(
      fc.constantFrom(...POOL),
      fc.constantFrom(...POOL).map((s) => s.replace('.', ' again.')),
      fc.stringMatching(/^[A-Za-z ]{1,30}\.$/),
    ),
    { minLength: 1, maxLength: 6 },
  ),
  { maxLength: 6 },
)

/** Checks every alignment must pass, whatever the edit. */
function checkInvariants(
  stored: readonly StoredUnit[],
  fresh: readonly TranslationUnit[],
  a: Alignment,
): void {
  const storedIds = new Set(stored.map((u) => u.id))
  const byId = new Map(stored.map((u) => [u.id, u]))
  const ids = a.units.map((u) => u.id)
  expect(a.units).toHaveLength(fresh.length)
  expect(new Set(ids).size).toBe(ids.length)
  const taken = new Set(ids)
  for (const id of a.obsolete) expect(taken.has(id)).toBe(false)
  for (const u of stored) {
    if (!u.obsolete) expect(taken.has(u.id) || a.obsolete.includes(u.id)).toBe(true)
    else expect(a.obsolete).not.toContain(u.id)
  }
  a.units.forEach((u, j) => {
    expect(u.id).toMatch(/^[A-Za-z0-9._-]{1,100}$/)
    if (u.fate === 'new') {
      expect(storedIds.has(u.id)).toBe(false)
      expect(u.previousId).toBeUndefined()
      return
    }
    const prev = byId.get(u.previousId!)!
    expect(u.id).toBe(prev.id)
    expect(prev.obsolete).toBe(u.fate === 'revived')
    if (u.fate !== 'stale') {
      expect(normalizeForCompare(prev.source)).toBe(normalizeForCompare(fresh[j]!.source))
    }
  })
  const c = a.counts
  const live = stored.filter((u) => !u.obsolete).length
  const revived = a.units.filter((u) => u.fate === 'revived').length
  expect(c.kept + c.stale + c.new).toBe(fresh.length)
  expect(c.moved).toBeLessThanOrEqual(c.kept)
  expect(c.obsolete).toBe(a.obsolete.length)
  expect(c.kept - revived + c.stale + c.obsolete).toBe(live)
}

describe('alignUnits under random edits', () => {
  it('gives unique ids, takes or obsoletes every live unit, and counts add up', () => {
    fc.assert(
      fc.property(paragraphs, paragraphs, paragraphs, (p0, p1, p2) => {
        // Three imports in a row, so some stored units are obsolete (and may be revived).
        let stored = firstImport(article(p0))
        for (const next of [p1, p2]) {
          const fresh = article(next)
          const a = alignUnits(stored, fresh)
          checkInvariants(stored, fresh, a)
          stored = apply(stored, fresh, a)
        }
        // Importing the same again changes nothing.
        const again = alignUnits(stored, article(p2))
        expect(again.unchanged).toBe(true)
        const liveIds = stored.filter((u) => !u.obsolete).map((u) => u.id)
        expect(again.units.map((u) => u.id)).toEqual(liveIds)
      }),
      { numRuns: 200 },
    )
  })

  it('keeps its invariants on long articles rewritten past the diff limit', () => {
    const many = Array.from({ length: 60 }, (_, i) => `Report ${i} from the harbour office.`)
    const long = fc.array(fc.constantFrom(...many, ...POOL), {
      minLength: MAX_EDIT_LENGTH / 2,
      maxLength: MAX_EDIT_LENGTH,
    })
    fc.assert(
      fc.property(long, long, (before, after) => {
        const stored = firstImport(article([before]))
        const fresh = article([after])
        checkInvariants(stored, fresh, alignUnits(stored, fresh))
      }),
      { numRuns: 5 },
    )
  })

  it('keeps every unit of a list that was only shuffled', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...POOL), { maxLength: 30 }).chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
        ),
        ([before, after]) => {
          const a = alignUnits(firstImport(article([before])), article([after]))
          expect(a.counts.kept).toBe(before.length)
          expect(a.counts.obsolete + a.counts.new + a.counts.stale).toBe(0)
        },
      ),
    )
  })
})
