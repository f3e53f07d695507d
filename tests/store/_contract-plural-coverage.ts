import fc from 'fast-check'
import { expect, it } from 'vitest'
import { REJECTABLE, STATES, type State } from '../../src/model/translation.js'
import type { ResourceSetImport } from '../../src/store/resource-sets.js'
import type { CoverageCounts, Store } from '../../src/store/types.js'
import { tally, zeroCounts } from './_recount.js'

// Source keys a step may pick from: plain keys, a cardinal group, an ordinal group, a group with
// a `_zero` form English lacks, and a key that looks like a form but has no `_other` beside it.
const KEYS: [string, string][] = [
  ['title', 'Tolk'],
  ['nav.home', 'Home page'],
  ['items_one', 'one item'],
  ['items_other', '{{count}} items'],
  ['files_zero', 'no files'],
  ['files_one', 'one file'],
  ['files_other', '{{count}} files here'],
  ['place_ordinal_one', '{{count}}st'],
  ['place_ordinal_two', '{{count}}nd'],
  ['place_ordinal_other', '{{count}}th'],
  ['lonely_one', 'alone'],
]
const LANGS = ['ru', 'ja', 'ar', 'de', 'cy']
const TARGET_SETS = [['ru'], ['ja', 'de'], ['ar', 'ru', 'cy'], ['de'], ['cy', 'ja']]

type Step =
  | { kind: 'import'; keys: boolean[]; edit: number; targets: number }
  | { kind: 'post'; lang: number; key: number; fallback: number }
  | { kind: 'write'; unit: number; lang: number; state: State; text: number }

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('import' as const), keys: fc.array(fc.boolean(), { minLength: KEYS.length, maxLength: KEYS.length }), edit: fc.nat(KEYS.length + 2), targets: fc.nat(TARGET_SETS.length - 1) }),
  fc.record({ kind: fc.constant('post' as const), lang: fc.nat(LANGS.length), key: fc.nat(KEYS.length - 1), fallback: fc.nat(2) }),
  fc.record({ kind: fc.constant('write' as const), unit: fc.nat(20), lang: fc.nat(LANGS.length - 1), state: fc.constantFrom(...STATES), text: fc.nat(2) }),
)

/** Whether `lang`'s CLDR rules have the form of a unit (`few`, `ordinal_two`), straight from Intl. */
function applies(plural: string | undefined, lang: string): boolean {
  if (plural === undefined) return true
  const ordinal = plural.startsWith('ordinal_')
  const category = ordinal ? plural.slice('ordinal_'.length) : plural
  return new Intl.PluralRules(lang, { type: ordinal ? 'ordinal' : 'cardinal' }).resolvedOptions().pluralCategories.includes(category as Intl.LDMLPluralRule)
}

/** Recount coverage of resource sets from units and single translations, the slow obvious way. */
async function recount(store: Store, ids: string[]): Promise<CoverageCounts[]> {
  const out: CoverageCounts[] = []
  for (const a of await store.listArticles()) {
    if (!ids.includes(a.id)) continue
    const units = await store.listUnits(a.id)
    for (const lang of a.targets) {
      const c = zeroCounts(a.id, lang)
      for (const u of units) {
        if (!applies(u.plural, lang)) continue
        tally(c, await store.getTranslation(a.id, u.id, lang), u.words)
      }
      out.push(c)
    }
  }
  return out
}

/**
 * Property: after any sequence of tree imports (keys coming and going, sources edited, targets
 * added), saveMissing posts in the text language or a new one, and writes, the coverage counters
 * equal a recount that counts a plural unit only in languages whose CLDR rules have its form; a
 * write to a form the language lacks is refused; the units are exactly what the plan says.
 */
export function testPluralCoverageCounters(freshStore: () => Store | Promise<Store>): void {
  it('keeps coverage of plural forms equal to a recount through imports, posts and writes', async () => {
    const store = await freshStore()
    let n = 0
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 20 }), async (steps) => {
        const id = `ns${++n}`
        // The namespace starts as saveMissing makes it: English, a key, Russian as target.
        await store.resourceSets.addMissing({ namespace: id, lang: 'en', keys: [['title', 'Tolk']], targets: ['ru'] })
        for (const st of steps) {
          if (st.kind === 'import') {
            const entries = KEYS.filter((_, i) => st.keys[i]).map(([k, v], i) => ({ path: k.split('.'), value: i === st.edit ? `${v} (edited)` : v }))
            const set: ResourceSetImport = {
              id,
              lang: 'en',
              source: { indent: '  ', finalNewline: true, entries },
              targets: TARGET_SETS[st.targets]!.map((lang) => ({ lang, indent: '  ', finalNewline: true, entries: entries.slice(0, 3).map((e) => ({ path: e.path, value: `[${lang}] ${e.value}` })) })),
            }
            await store.resourceSets.importTree([set], { author: 'prop' })
            continue
          }
          if (st.kind === 'post') {
            const lang = st.lang === LANGS.length ? 'en' : LANGS[st.lang]!
            const [key, text] = KEYS[st.key]!
            await store.resourceSets.addMissing({ namespace: id, lang, keys: [[key, ['', text, `${text}!`][st.fallback]!]], targets: ['ru'] })
            continue
          }
          const a = await store.getArticle(id)
          const unit = a && (await store.listUnits(id))[st.unit]
          const lang = LANGS[st.lang]!
          if (!a || !unit || !a.targets.includes(lang)) continue
          let text = ['', 'x', 'y'][st.text]!
          if (st.state === 'rejected') {
            // A rejection sends the current text of a done unit back, with a reason.
            if (!applies(unit.plural, lang)) continue
            const now = await store.getTranslation(id, unit.id, lang)
            if (!REJECTABLE.includes(now.state)) continue
            text = now.text
          }
          const reason = st.state === 'rejected' ? { reason: 'r' } : {}
          const write = store.writeTranslation({ articleId: id, unitId: unit.id, lang, text, state: st.state, author: 'prop', ...reason })
          // `_zero` may be written in every language (#23.8); it counts only where CLDR has it.
          if (applies(unit.plural, lang) || unit.plural === 'zero') await write
          else await expect(write).rejects.toMatchObject({ code: 'not-a-plural-form' })
        }
        const mine = (c: CoverageCounts) => c.articleId === id
        expect((await store.coverage()).filter(mine)).toEqual(await recount(store, [id]))
        // Every group has a unit for every form a target's CLDR rules have.
        const a = await store.getArticle(id)
        if (!a) return
        const units = await store.listUnits(id)
        const ids = new Set(units.map((u) => u.id))
        for (const u of units) {
          if (u.plural !== 'other' && u.plural !== 'ordinal_other') continue
          const ordinal = u.plural === 'ordinal_other'
          const base = u.id.slice(0, -(ordinal ? '_ordinal_other' : '_other').length)
          for (const lang of a.targets) {
            for (const c of new Intl.PluralRules(lang, { type: ordinal ? 'ordinal' : 'cardinal' }).resolvedOptions().pluralCategories) {
              expect(ids.has(`${base}${ordinal ? '_ordinal_' : '_'}${c}`), `${id} ${base} ${lang} ${c}`).toBe(true)
            }
          }
          for (const b of units.filter((x) => x.borrowed && x.id.startsWith(`${base}_`))) expect(b.source).toBe(u.source)
        }
      }),
      { numRuns: 50 },
    )
  }, 120_000)
}
