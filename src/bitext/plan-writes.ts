import { checkCodes } from '../codes/validate.js'
import { plainTextLenient } from '../codes/tagged-text.js'
import type { AlignedText, Bead } from './types.js'

/** One unit of the article, as alignment needs it. */
export interface AlignUnit {
  id: string
  source: string
}

/** One sentence of the translated document with the whitespace after it. */
export interface AlignTarget {
  text: string
  trailing: string
}

/** A 1–1 pair at least this sure is stored as `translated`; every other pair as an `initial` draft. */
export const TRANSLATED_CONFIDENCE = 0.8
/** The most a merge (2–1) is stored with: its sentence does not fit either unit alone. */
export const MERGE_CONFIDENCE = 0.5

/** What `tolk align` does with each bead, for writing and for the dry run's listing. */
export interface AlignPlan {
  texts: AlignedText[]
  /** Every bead with the units and text it pairs, in document order. */
  pairs: Array<{ kind: Bead['kind']; confidence: number; units: string[]; text: string }>
  /** Units no sentence was paired with (1–0). */
  unpairedUnits: string[]
  /** Sentences of the translation no unit was paired with (0–1). */
  unpairedSentences: string[]
  /** Units whose paired text carries codes their source cannot take: not written. */
  codeMismatch: string[]
}

/**
 * Turn beads into the texts to store: a 1–1 pair as `translated` when sure, else a draft; a 1–2
 * pair's two sentences on its unit as a draft; a 2–1 pair's sentence on the first unit and an
 * empty draft on the second, both at most MERGE_CONFIDENCE, for a person to split. A text whose
 * inline codes do not fit its unit's source is tried without codes (when the source has only
 * standalone codes or none that is accepted), else left out and listed.
 */
export function planWrites(units: readonly AlignUnit[], targets: readonly AlignTarget[], beads: readonly Bead[]): AlignPlan {
  const plan: AlignPlan = { texts: [], pairs: [], unpairedUnits: [], unpairedSentences: [], codeMismatch: [] }
  for (const b of beads) {
    const ids = b.source.map((i) => units[i]!.id)
    const text = joinSentences(targets, b.target)
    plan.pairs.push({ kind: b.kind, confidence: b.confidence, units: ids, text })
    if (b.kind === '1-0') {
      plan.unpairedUnits.push(ids[0]!)
      continue
    }
    if (b.kind === '0-1') {
      plan.unpairedSentences.push(text)
      continue
    }
    const first = units[b.source[0]!]!
    const fitted = fitCodes(text, first.source)
    if (fitted === undefined) {
      plan.codeMismatch.push(...ids)
      continue
    }
    if (b.kind === '2-1') {
      const confidence = Math.min(b.confidence, MERGE_CONFIDENCE)
      plan.texts.push({ unitId: ids[0]!, text: fitted, state: 'initial', confidence })
      plan.texts.push({ unitId: ids[1]!, text: '', state: 'initial', confidence })
      continue
    }
    const sure = b.kind === '1-1' && b.confidence >= TRANSLATED_CONFIDENCE
    plan.texts.push({ unitId: ids[0]!, text: fitted, state: sure ? 'translated' : 'initial', confidence: b.confidence })
  }
  return plan
}

/**
 * Sentences `idx` of `list` as one text, with the whitespace that was between them (a line
 * break, which a unit's text cannot carry between sentences, becomes a space).
 */
export function joinSentences(list: readonly AlignTarget[], idx: readonly number[]): string {
  return idx.map((i, k) => list[i]!.text + (k < idx.length - 1 ? between(list[i]!.trailing) : '')).join('')
}

const between = (trailing: string): string => (trailing === '' || /[\r\n]/.test(trailing) ? ' ' : trailing)

/** `text` if its codes fit `source`, else its plain text if that fits, else undefined. */
function fitCodes(text: string, source: string): string | undefined {
  if (checkCodes(text, source).errors.length === 0) return text
  const plain = plainTextLenient(text)
  return checkCodes(plain, source).errors.length === 0 ? plain : undefined
}
