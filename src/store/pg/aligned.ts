import type pg from 'pg'
import { checkAlignedTexts, hasTranslation } from '../../bitext/check-aligned.js'
import type { AlignedOutcome, AlignedWrites } from '../../bitext/types.js'
import { roundConfidence } from '../../model/origin.js'
import { transaction } from './db.js'
import type { createPgTranslationOps } from './translations.js'

/** Aligned writes on PostgreSQL: one transaction on one connection, each write the versioned write. */
export function createPgAligned(pool: pg.Pool, translations: ReturnType<typeof createPgTranslationOps>): AlignedWrites {
  return {
    async write(req) {
      checkAlignedTexts(req.texts)
      return transaction(pool, async (db) => {
        const out: AlignedOutcome = { written: [], skipped: [] }
        for (const t of req.texts) {
          const current = await translations.get(db, req.articleId, t.unitId, req.lang)
          if (hasTranslation(current)) {
            out.skipped.push({ unitId: t.unitId, state: current.state, text: current.text })
            continue
          }
          await translations.write(db, {
            articleId: req.articleId, unitId: t.unitId, lang: req.lang, text: t.text, state: t.state, author: req.author,
            ifVersion: current.version, origin: { kind: 'aligned', confidence: roundConfidence(t.confidence) },
          })
          out.written.push(t.unitId)
        }
        return out
      })
    },
  }
}
