/** A batch's units as the answer lists them. */
import { wordDiff } from '../tm/word-diff.js'
import type { BatchChange, BatchUnit } from './types.js'

/** One change as listed: before, after and their word diff. */
export function changeOf(u: Omit<BatchUnit, 'versionAfter'> & { versionAfter?: number | null }): BatchChange {
  return {
    article: u.articleId,
    unit: u.unitId,
    lang: u.lang,
    position: u.position,
    version: u.versionBefore,
    before: u.textBefore,
    after: u.textAfter,
    stateBefore: u.stateBefore,
    stateAfter: u.stateAfter,
    diff: wordDiff(u.textBefore, u.textAfter),
    ...(u.versionAfter != null ? { versionAfter: u.versionAfter } : {}),
  }
}
