import type pg from 'pg'
import { alignedAction, checkAlignedTexts } from '../../bitext/check-aligned.js'
import type { AlignedOutcome, AlignedWrites } from '../../bitext/types.js'
import { roundConfidence } from '../../model/origin.js'
import { rows, transaction } from './db.js'
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
          const action = alignedAction(current, t.text)
          if (action === 'skip') out.skipped.push({ unitId: t.unitId, state: current.state, text: current.text })
          if (action !== 'write') continue
          await translations.write(db, {
            articleId: req.articleId, unitId: t.unitId, lang: req.lang, text: t.text, state: t.state, author: req.author,
            ifVersion: current.version, origin: { kind: 'aligned', confidence: roundConfidence(t.confidence) },
          })
          out.written.push(t.unitId)
        }
        return out
      })
    },
    async confidences(articleId, lang, unitIds) {
      const out: Record<string, number> = {}
      if (unitIds.length === 0) return out
      const found = await rows<{ unit_id: string; c: number }>(
        pool,
        `SELECT t.unit_id, h.aligned_confidence AS c FROM translations t JOIN history h ON h.seq = t.history_seq
         WHERE t.article_id = $1 AND t.lang = $2 AND t.unit_id = ANY($3::text[])
           AND h.aligned_confidence IS NOT NULL AND NOT h.origin_edited`,
        [articleId, lang, unitIds],
      )
      for (const r of found) out[r.unit_id] = r.c / 1000
      return out
    },
  }
}
