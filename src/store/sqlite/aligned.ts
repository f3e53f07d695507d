import type Database from 'better-sqlite3'
import { alignedAction, checkAlignedTexts } from '../../bitext/check-aligned.js'
import type { AlignedOutcome, AlignedWrites } from '../../bitext/types.js'
import { roundConfidence } from '../../model/origin.js'
import type { TranslationOps } from './translations.js'

/** Aligned writes on SQLite: one IMMEDIATE transaction, each write a savepoint of the versioned write. */
export function createSqliteAligned(db: Database.Database, translations: TranslationOps): AlignedWrites {
  const run = db.transaction((req: Parameters<AlignedWrites['write']>[0]): AlignedOutcome => {
    const out: AlignedOutcome = { written: [], skipped: [] }
    for (const t of req.texts) {
      const current = translations.get(req.articleId, t.unitId, req.lang)
      const action = alignedAction(current, t.text)
      if (action === 'skip') out.skipped.push({ unitId: t.unitId, state: current.state, text: current.text })
      if (action !== 'write') continue
      translations.write({
        articleId: req.articleId, unitId: t.unitId, lang: req.lang, text: t.text, state: t.state, author: req.author,
        ifVersion: current.version, origin: { kind: 'aligned', confidence: roundConfidence(t.confidence) },
      })
      out.written.push(t.unitId)
    }
    return out
  })
  const latest = db.prepare<[string, string, string], { unit_id: string; c: number }>(`
    SELECT t.unit_id, h.aligned_confidence AS c FROM translations t JOIN history h ON h.seq = t.history_seq
    WHERE t.article_id = ? AND t.lang = ? AND t.unit_id IN (SELECT value FROM json_each(?))
      AND h.aligned_confidence IS NOT NULL AND h.origin_edited = 0`)
  return {
    async write(req) {
      checkAlignedTexts(req.texts)
      return run.immediate(req)
    },
    async confidences(articleId, lang, unitIds) {
      const out: Record<string, number> = {}
      if (unitIds.length === 0) return out
      for (const r of latest.all(articleId, lang, JSON.stringify(unitIds))) out[r.unit_id] = r.c / 1000
      return out
    },
  }
}
