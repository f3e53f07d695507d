/**
 * Pre-translation: fill an article's untranslated units, first from the memory (matches at or
 * above `min`), then, with an engine, by machine translation for the rest. Each unit goes
 * through writeTranslation (version check, history). Memory text is written `translated` by
 * `tm` (or `tm:NAME`) with the match's score as its origin; machine text `translated` (or
 * `initial`, a draft, with `state`) by `mt:ENGINE` with the origin `{kind: "mt", engine}`.
 * A unit the engine could not translate is counted with its reason; nothing stops half-way.
 */
import { requireArticle } from '../store/require-article.js'
import { InvalidInput, NotFound, VersionConflict } from '../model/errors.js'
import type { TranslationOrigin } from '../model/origin.js'
import type { State, StoredUnit } from '../model/translation.js'
import { translateCached } from '../mt/translate-cached.js'
import type { MtEngine } from '../mt/types.js'
import type { Store } from '../store/types.js'
import type { MemoryMatch } from './types.js'
import { checkTarget, unitQuery } from './unit-matches.js'

/** Options of {@link pretranslate}. */
export interface PretranslateOptions {
  /** Lowest score used, 0–101 (default 100: same text only). */
  min?: number
  /** Who asked; the author written is `tm:NAME`, or `tm` without one. */
  as?: string
  /** Plan only: count what would be filled, write nothing (no engine is asked). */
  dryRun?: boolean
  /** The engine for what the memory leaves. */
  mt?: MtEngine
  /** The state machine text is written in (default translated; initial keeps it a draft). */
  mtState?: Extract<State, 'translated' | 'initial'>
  /** Units sent to the engine, then written, at a time (default 200). */
  chunk?: number
}

/** What a pre-translation did. */
export interface PretranslateSummary {
  article: string
  lang: string
  /** Untranslated units looked at. */
  untranslated: number
  /** Units filled from the memory. */
  filled: number
  /** Filled units per score (101, 100, 99, …). */
  byScore: Record<string, number>
  /** Units someone else wrote in the meantime (left as they are). */
  conflicts: number
  author: string
  /** With an engine: units it filled, those it could not, and why (reason → units). */
  mt?: {
    engine: string
    author: string
    filled: number
    cached: number
    /** Filled units whose inline codes the engine lost and that were put back around the text. */
    repaired: number
    failed: number
    reasons: Record<string, number>
  }
}

/** Fill untranslated units of `articleId` in `lang` from the memory, then from `opts.mt`. */
export async function pretranslate(
  store: Store,
  articleId: string,
  lang: string,
  opts: PretranslateOptions = {},
): Promise<PretranslateSummary> {
  const min = opts.min ?? 100
  const article = await requireArticle(store, articleId, 'write')
  checkTarget(article, lang)
  const hasPair = await store.memory.hasPair(lang, article.lang)
  if (!hasPair && !opts.mt) {
    throw new NotFound(`the memory has no ${article.lang} → ${lang} entries yet`, 'unknown-language-pair')
  }
  const author = opts.as ? `tm:${opts.as}` : 'tm'
  const units = await store.listUnits(articleId)
  const translations = await store.listTranslations(articleId, lang)
  const todo = units.flatMap((_u, i) => (translations[i]?.state === 'initial' ? [i] : []))
  const matches = hasPair ? await bestMatches(store, article, units, todo, lang, min) : []
  const summary: PretranslateSummary = { article: articleId, lang, untranslated: todo.length, filled: 0, byScore: {}, conflicts: 0, author }

  /** One write; false when someone else wrote the unit meanwhile. */
  const write = async (i: number, text: string, state: State, by: string, origin: TranslationOrigin) => {
    if (opts.dryRun) return true
    try {
      await store.writeTranslation({ articleId, unitId: units[i]!.id, lang, text, state, ifVersion: translations[i]!.version, author: by, origin })
      return true
    } catch (err) {
      if (!(err instanceof VersionConflict)) throw err
      summary.conflicts++
      return false
    }
  }

  const left: number[] = []
  for (let k = 0; k < todo.length; k++) {
    const best = matches[k]
    const i = todo[k]!
    if (!best || best.score < min) {
      left.push(i)
      continue
    }
    if (!(await write(i, best.target, 'translated', author, { kind: 'memory', score: best.score }))) continue
    summary.filled++
    summary.byScore[best.score] = (summary.byScore[best.score] ?? 0) + 1
  }
  if (opts.mt) await machineFill(store, article.lang, lang, units.map((u) => u.source), left, opts, summary, write)
  return summary
}

/**
 * The best memory match of each of the units at `indices` (of an article's live units, in
 * position order, for their context) scoring at least `min`, or undefined: what pre-translation
 * fills and batch's accept-match writes (src/batch/).
 */
export async function bestMatches(
  store: Store,
  article: { lang: string; tag: string },
  units: readonly StoredUnit[],
  indices: readonly number[],
  lang: string,
  min: number,
): Promise<(MemoryMatch | undefined)[]> {
  if (indices.length === 0) return []
  const found = await store.memory.matchMany(
    indices.map((i) => ({ ...unitQuery(units, i, article, lang), threshold: Math.min(min, 100), limit: 1 })),
  )
  return indices.map((_, k) => {
    const best = found[k]?.[0]
    return best && best.score >= min ? best : undefined
  })
}

/** Machine-translate the units `left` in chunks, writing each chunk before the next is sent. */
async function machineFill(
  store: Store,
  from: string,
  to: string,
  sources: string[],
  left: number[],
  opts: PretranslateOptions,
  summary: PretranslateSummary,
  write: (i: number, text: string, state: State, by: string, origin: TranslationOrigin) => Promise<boolean>,
): Promise<void> {
  const engine = opts.mt!
  const mt = { engine: engine.name, author: `mt:${engine.name}`, filled: 0, cached: 0, repaired: 0, failed: 0, reasons: {} as Record<string, number> }
  summary.mt = mt
  if (opts.dryRun) return void (mt.filled = left.length)
  const size = opts.chunk ?? 200
  for (let c = 0; c < left.length; c += size) {
    const chunk = left.slice(c, c + size)
    const out = await translateCached(store.mtCache, engine, from, to, chunk.map((i) => sources[i]!))
    for (let k = 0; k < chunk.length; k++) {
      const o = out[k]!
      // A blank reply is no translation: the unit stays untranslated, with the reason.
      const reason = !o.ok ? o.reason : o.text.trim() === '' ? 'empty reply' : undefined
      if (reason !== undefined) {
        mt.failed++
        mt.reasons[reason] = (mt.reasons[reason] ?? 0) + 1
        continue
      }
      if (!o.ok) continue
      let written: boolean
      try {
        written = await write(chunk[k]!, o.text, opts.mtState ?? 'translated', mt.author, { kind: 'mt', engine: engine.name })
      } catch (err) {
        // A text the store refuses (its code rule, its text rule) fails this unit, not the run.
        if (!(err instanceof InvalidInput)) throw err
        mt.failed++
        mt.reasons[err.message] = (mt.reasons[err.message] ?? 0) + 1
        continue
      }
      if (written) {
        mt.filled++
        if (o.cached) mt.cached++
        if (o.repaired) mt.repaired++
      }
    }
  }
}
