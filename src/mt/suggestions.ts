/**
 * A unit's suggestions: memory matches and machine translations together, for the API and the
 * editor. Engines get at most {@link SUGGESTION_WAIT_MS}; one that fails or is late is listed in
 * `errors` with its reason, and the answer carries what the others gave. An engine failure is
 * never an error of the call.
 */
import { NotFound } from '../model/errors.js'
import type { Store } from '../store/types.js'
import { findUnit, unitQuery } from '../tm/unit-matches.js'
import { reasonOf } from './errors.js'
import { translateCached } from './translate-cached.js'
import type { MtEngine } from './types.js'

/** How long a suggestion request waits for engines. */
export const SUGGESTION_WAIT_MS = 3000

/** One suggestion: the text to insert, where it comes from, and a score where its kind has one. */
export interface Suggestion {
  text: string
  origin: { kind: 'memory'; score: number } | { kind: 'mt'; engine: string }
  score?: number
  /** For a memory match: the source it was made from. */
  source?: string
  /** For a machine text: the engine lost inline codes, and they were put back around the text. */
  repaired?: true
}

/** What {@link unitSuggestions} answers. */
export interface Suggestions {
  suggestions: Suggestion[]
  errors: { engine: string; reason: string }[]
}

/**
 * Memory matches first (best first), then one suggestion per engine that answered in time, in
 * the engines' configured order. Throws NotFound / InvalidInput for an unknown article, unit or
 * target language, as the matches do.
 */
export async function unitSuggestions(
  store: Store,
  engines: ReadonlyMap<string, MtEngine>,
  articleId: string,
  unitId: string,
  lang: string,
  opts: { waitMs?: number } = {},
): Promise<Suggestions> {
  const { article, units, i } = await findUnit(store, articleId, unitId, lang)
  const unit = units[i]!
  const memory = await store.memory.matches(unitQuery(units, i, article, lang)).catch((err: unknown) => {
    // A memory that has never seen the pair has nothing to offer yet.
    if (err instanceof NotFound && err.code === 'unknown-language-pair') return []
    throw err
  })
  const suggestions: Suggestion[] = memory.map((m) => ({
    text: m.target,
    origin: { kind: 'memory', score: m.score },
    score: m.score,
    source: m.source,
  }))
  const errors: Suggestions['errors'] = []
  const wait = opts.waitMs ?? SUGGESTION_WAIT_MS
  const signal = AbortSignal.timeout(wait)
  const deadline = Date.now() + wait
  const answers = await Promise.all(
    [...engines.values()].map(async (engine) => {
      try {
        const [o] = await translateCached(store.mtCache, engine, article.lang, lang, [unit.source], { signal, deadline })
        return { engine, o: o! }
      } catch (err) {
        return { engine, o: { ok: false as const, reason: reasonOf(err, signal.aborted) } }
      }
    }),
  )
  for (const { engine, o } of answers) {
    if (o.ok && o.text.trim() !== '') suggestions.push({ text: o.text, origin: { kind: 'mt', engine: engine.name }, ...(o.repaired ? { repaired: true as const } : {}) })
    else errors.push({ engine: engine.name, reason: o.ok ? 'empty reply' : o.reason })
  }
  return { suggestions, errors }
}
