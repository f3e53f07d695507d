import fc from 'fast-check'
import { expect, it } from 'vitest'
import { REJECTABLE, STATES, type State } from '../../src/model/translation.js'
import type { ArticleCoverage, CoverageCounts, Store } from '../../src/store/types.js'
import { article } from './fixtures/articles.js'
import { tally, zeroCounts } from './_recount.js'

const SENTENCES = [
  'The mill is old.',
  'The river is cold.',
  'Children swim in summer.',
  'Nobody remembers who built it.',
  'The stones are older than the town.',
  'A heron waits by the weir.',
  'Rain came early that year.',
  'The miller had three sons.',
]
const ARTICLES = ['en-general-01', 'en-general-02']
const LANGS = ['sv', 'de', 'fi']

type Step =
  | { kind: 'import'; article: number; sentences: number[]; edit: number; targets: number }
  | { kind: 'write'; article: number; unit: number; lang: number; state: State; text: number }

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('import' as const),
    article: fc.nat(ARTICLES.length - 1),
    sentences: fc.array(fc.nat(SENTENCES.length - 1), { maxLength: 7 }),
    edit: fc.nat(9),
    targets: fc.nat(3),
  }),
  fc.record({
    kind: fc.constant('write' as const),
    article: fc.nat(ARTICLES.length - 1),
    unit: fc.nat(7),
    lang: fc.nat(LANGS.length - 1),
    state: fc.constantFrom(...STATES),
    text: fc.nat(2),
  }),
)

/** Build the article text for an import step; `edit` sometimes changes one sentence a little. */
function textOf(s: Extract<Step, { kind: 'import' }>): string {
  const sentences = s.sentences.map((i, k) => {
    const base = SENTENCES[i]!
    return k === s.edit ? base.replace('.', ' again.') : base
  })
  return sentences.map((x, k) => (k % 3 === 2 ? `${x}\n\n` : `${x} `)).join('')
}

/** Recount coverage from units and translations through the interface, the slow obvious way. */
async function recount(store: Store): Promise<CoverageCounts[]> {
  const out: CoverageCounts[] = []
  for (const a of await store.listArticles()) {
    const units = await store.listUnits(a.id)
    for (const lang of a.targets) {
      const c = zeroCounts(a.id, lang)
      const ts = await store.listTranslations(a.id, lang)
      units.forEach((u, i) => tally(c, ts[i]!, u.words))
      out.push(c)
    }
  }
  return out
}

/** CoverageCounts per target of one article of Store.articleCoverage. */
function fromSheet(a: ArticleCoverage): CoverageCounts[] {
  return a.targets.map((lang, i) => {
    const [tu, tw, ru, rw, fu, fw, su, sw, ju, jw] = a.counts.slice(i * 10, i * 10 + 10) as number[]
    return {
      articleId: a.id,
      lang,
      units: { initial: a.units - tu! - ru! - fu! - ju!, translated: tu!, reviewed: ru!, final: fu!, rejected: ju!, stale: su! },
      words: { initial: a.words - tw! - rw! - fw! - jw!, translated: tw!, reviewed: rw!, final: fw!, rejected: jw!, stale: sw! },
    }
  })
}

/**
 * Property: after any sequence of imports, re-imports and writes, coverage equals a recount from
 * scratch, history holds every accepted write, and no unit ever disappears.
 */
export function testCoverageCounters(store: () => Store): void {
  it('keeps coverage equal to a recount through any sequence of imports and writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const s = store()
        // Each run gets its own articles: the store is shared across runs of the property.
        const run = `${Math.random().toString(36).slice(2, 8)}`
        const ids = ARTICLES.map((a) => `en-general-${run}${a.slice(-2)}`)
        let writes = 0
        const unitsSeen = new Map<string, Set<string>>()
        for (const st of steps) {
          const id = ids[st.article]!
          if (st.kind === 'import') {
            const targets = [['sv'], ['sv', 'de'], ['de', 'fi'], undefined][st.targets]
            await s.importArticle(article(id, textOf(st), targets ? { targets } : {}))
            const all = await s.listUnits(id, { includeObsolete: true })
            const seen = unitsSeen.get(id) ?? new Set()
            for (const u of seen) expect(all.some((x) => x.id === u)).toBe(true)
            for (const u of all) seen.add(u.id)
            unitsSeen.set(id, seen)
            continue
          }
          const a = await s.getArticle(id)
          const unit = a && (await s.listUnits(id))[st.unit]
          const lang = LANGS[st.lang]!
          if (!a || !unit || !a.targets.includes(lang)) continue
          if (st.state === 'rejected') {
            // A rejection sends the current text of a done unit back, with a reason.
            const now = await s.getTranslation(id, unit.id, lang)
            if (!REJECTABLE.includes(now.state)) continue
            await s.writeTranslation({ articleId: id, unitId: unit.id, lang, text: now.text, state: 'rejected', reason: 'r', author: 'prop' })
          } else {
            await s.writeTranslation({
              articleId: id,
              unitId: unit.id,
              lang,
              text: ['', 'x', 'y'][st.text]!,
              state: st.state,
              author: 'prop',
            })
          }
          writes++
        }
        const mine = (c: CoverageCounts) => ids.includes(c.articleId)
        const counted = (await recount(s)).filter(mine)
        expect((await s.coverage()).filter(mine)).toEqual(counted)
        // The whole-database read agrees, counter for counter, and so do the batched listings.
        const sheet = (await s.articleCoverage()).filter((a) => ids.includes(a.id))
        expect(sheet.flatMap(fromSheet)).toEqual(counted)
        for (const a of sheet) {
          const each = await Promise.all(a.targets.map((l) => s.pendingUnits(a.id, l)))
          expect(await s.pendingUnitsByLang(a.id, a.targets)).toEqual(each)
          const json = await s.pendingUnitsJson(a.id, a.targets)
          expect(json.map((l) => JSON.parse(`[${l.untranslated}]`).length + JSON.parse(`[${l.stale}]`).length + JSON.parse(`[${l.rejected}]`).length)).toEqual(each.map((l) => l.length))
        }
        let logged = 0
        for (const id of ids) {
          for (const u of unitsSeen.get(id) ?? []) logged += (await s.history(id, u)).length
        }
        expect(logged).toBe(writes)
      }),
      { numRuns: 60 },
    )
    // A round trip per store call: on a server database the 60 runs take longer than one file.
  }, 180_000)
}
