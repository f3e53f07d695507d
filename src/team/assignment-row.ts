import type { Assignment } from './types.js'

/** An assignment as both stores read it: its row with the counts their SQL adds. */
export interface AssignmentRow {
  id: number; batch: number; article_id: string; lang: string; account: string; segments: string | null
  due: string | null; note: string | null; assigned_by: string; assigned_at: string
  units: number; words: number; words_left: number
  withdrawn_by: string | null; withdrawn_at: string | null
}

/** The row as an {@link Assignment}. */
export function toAssignment(r: AssignmentRow): Assignment {
  return {
    id: r.id, batch: r.batch, article: r.article_id, lang: r.lang, user: r.account, segments: r.segments,
    units: r.units, words: r.words, wordsLeft: r.words_left, due: r.due, note: r.note, by: r.assigned_by, at: r.assigned_at,
    withdrawn: r.withdrawn_by === null ? null : { by: r.withdrawn_by, at: r.withdrawn_at! },
  }
}
