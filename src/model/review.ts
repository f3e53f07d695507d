/**
 * The rules of the two review writes that keep a translation's text: confirming a stale
 * translation (issue 23: the text checked against the new source, stale cleared) and rejecting a
 * done one with a reason (issue 20). Both backends call these, so they refuse alike: the static
 * checks before touching the database, the others against the translation the write read.
 */
import { InvalidInput, TolkError } from './errors.js'
import { printable } from './tags.js'
import { checkText } from './text-rule.js'
import { MAX_REASON, REJECTABLE, type State, type TranslationWrite } from './translation.js'

/** What a review write is checked against: the translation as the write read it. */
export interface CurrentTranslation {
  text: string
  state: State
  stale: boolean
  version: number
}

/** Refuse a malformed confirm or reject before reading anything (InvalidInput, 400). */
export function checkReviewWrite(w: TranslationWrite): void {
  const where = `${printable(String(w.unitId))} in ${printable(String(w.lang))}`
  if (w.confirm !== undefined && typeof w.confirm !== 'boolean') throw new InvalidInput('confirm must be true or false')
  if (w.madeFrom !== undefined) {
    if (typeof w.madeFrom !== 'string') throw new InvalidInput('madeFrom must be a source text')
    // A confirmation or a rejection keeps the text as the unit's source now has it.
    if (w.confirm || w.state === 'rejected') throw new InvalidInput('madeFrom goes with a plain write, not a confirmation or rejection')
  }
  if (w.confirm) {
    if (w.ifVersion === undefined) {
      throw new InvalidInput(`confirming ${where} needs the version it confirms (If-Match, --if-version)`, 'version-required')
    }
    if (w.reason !== undefined) throw new InvalidInput('a reason goes with state rejected, not with a confirmation', 'reason-not-allowed')
    // Its state is checked against the stored one (refuseReview): a confirmation keeps it.
    return
  }
  if (w.state === 'rejected') {
    if (typeof w.reason !== 'string' || w.reason.trim() === '') {
      throw new InvalidInput(`rejecting ${where} needs a reason: say what is wrong`, 'reason-required')
    }
    checkText(w.reason, MAX_REASON, 'the reason')
  } else if (w.reason !== undefined) {
    throw new InvalidInput('a reason goes with state rejected only', 'reason-not-allowed')
  }
}

/**
 * Refuse a confirm or reject that does not fit the translation as read: a confirmation needs the
 * same text and state, stale, and not rejected; a rejection the same text, in a rejectable state.
 * Other writes pass.
 */
export function refuseReview(w: TranslationWrite, current: CurrentTranslation): void {
  const where = `${printable(w.unitId)} in ${printable(w.lang)}`
  if (w.confirm) {
    if (current.version === 0) {
      throw new InvalidInput(`${where} was never translated (version 0): there is nothing to confirm`, 'nothing-to-confirm')
    }
    if (current.state === 'rejected') {
      throw new TolkError('confirm-rejected', `${where} is rejected: a confirmation does not answer a rejection; edit the text, or a reviewer approves it`, 409)
    }
    if (w.text !== current.text) {
      throw new InvalidInput(`a confirmation keeps the text, and ${where} now reads otherwise: send the current text, or save the new text as an edit`, 'text-differs')
    }
    if (!current.stale) throw new TolkError('not-stale', `${where} is not stale: there is nothing to confirm`, 409)
    if (w.state !== current.state) {
      throw new InvalidInput(`a confirmation keeps the state (${current.state}); to change it, write the state`, 'invalid-state')
    }
  }
  if (w.state === 'rejected') {
    if (!REJECTABLE.includes(current.state)) {
      throw new TolkError('not-rejectable', `${where} is ${current.state}: only a translated, reviewed or final unit can be rejected`, 409)
    }
    if (w.text !== current.text) {
      throw new InvalidInput(`a rejection sends the current text back unchanged, and ${where} reads otherwise: send the current text`, 'text-differs')
    }
  }
}

/** Whether a write of `w` over `current` leaves the translation stale (every write path's rule). */
export function staysStale(w: TranslationWrite, current: CurrentTranslation): boolean {
  // Stale clears when the text changes, when a reviewer approves unchanged text as reviewed/final
  // (they have seen the new source), or on a confirmation. A translator re-saving the same text
  // does not make it fit the new source, so it stays stale and keeps the old source for the diff.
  return current.stale && !w.confirm && w.text === current.text && w.state !== 'reviewed' && w.state !== 'final'
}

/**
 * Whether a write of `w` over `current` leaves the translation stale, and the source it is then
 * made from (`source`, the unit's now, unless it stays stale): every write path's rule. A write
 * naming the older source its text was made from (an undo, {@link TranslationWrite.madeFrom})
 * is stale from it, unless that is the source now.
 */
export function writtenFrom(w: TranslationWrite, current: CurrentTranslation & { madeFrom: string | null }, source: string): { stale: boolean; madeFrom: string | null } {
  if (w.madeFrom !== undefined) return { stale: w.madeFrom !== source, madeFrom: w.madeFrom }
  const stale = staysStale(w, current)
  return { stale, madeFrom: stale ? current.madeFrom : source }
}
