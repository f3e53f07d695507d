/**
 * Pre-translation: fill an article's untranslated units from the memory, each through
 * writeTranslation (version check, history), always as `translated` (a machine's guess is never
 * reviewed) and with an author that starts with `tm` so everyone sees where it came from; each
 * history entry also keeps the match's score as its origin, as the editor's "use match" does.
 */
import { requireArticle } from '../store/require-article.js'
import { NotFound, VersionConflict } from '../model/errors.js'
import type { Store } from '../store/types.js'
import { checkTarget, unitQuery } from './unit-matches.js'

/** Options of {@link pretranslate}. */
export interface PretranslateOptions {
  /** Lowest score used, 0–101 (default 100: same text only). */
  min?: number
  /** Who asked; the author written is `tm:NAME`, or `tm` without one. */
  as?: string
  /** Plan only: count what would be filled, write nothing. */
  dryRun?: boolean
}

/** What a pre-translation did. */
export interface PretranslateSummary {
  article: string
  lang: string
  /** Untranslated units looked at. */
  untranslated: number
  filled: number
  /** Filled units per score (101, 100, 99, …). */
  byScore: Record<string, number>
  /** Units someone else wrote in the meantime (left as they are). */
  conflicts: number
  author: string
}

/** Fill untranslated units of `articleId` in `lang` from memory matches scoring at least `min`. */
export async function pretranslate(
  store: Store,
  articleId: string,
  lang: string,
  opts: PretranslateOptions = {},
): Promise<PretranslateSummary> {
  const min = opts.min ?? 100
  const article = await requireArticle(store, articleId, 'write')
  checkTarget(article, lang)
  if (!(await store.memory.hasPair(lang, article.lang))) {
    throw new NotFound(`the memory has no ${article.lang} → ${lang} entries yet`, 'unknown-language-pair')
  }
  const author = opts.as ? `tm:${opts.as}` : 'tm'
  const units = await store.listUnits(articleId)
  const translations = await store.listTranslations(articleId, lang)
  const todo = units.flatMap((_u, i) => (translations[i]?.state === 'initial' ? [i] : []))
  const matches = await store.memory.matchMany(
    todo.map((i) => ({ ...unitQuery(units, i, article, lang), threshold: Math.min(min, 100), limit: 1 })),
  )
  const summary: PretranslateSummary = {
    article: articleId,
    lang,
    untranslated: todo.length,
    filled: 0,
    byScore: {},
    conflicts: 0,
    author,
  }
  for (let k = 0; k < todo.length; k++) {
    const best = matches[k]?.[0]
    if (!best || best.score < min) continue
    const i = todo[k]!
    if (!opts.dryRun) {
      try {
        await store.writeTranslation({
          articleId,
          unitId: units[i]!.id,
          lang,
          text: best.target,
          state: 'translated',
          ifVersion: translations[i]!.version,
          author,
          origin: { kind: 'memory', score: best.score },
        })
      } catch (err) {
        if (!(err instanceof VersionConflict)) throw err
        summary.conflicts++
        continue
      }
    }
    summary.filled++
    summary.byScore[best.score] = (summary.byScore[best.score] ?? 0) + 1
  }
  return summary
}
