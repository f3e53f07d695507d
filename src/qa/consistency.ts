/**
 * Inconsistency within one article, or across the articles of its tag: the same source translated
 * differently (`inconsistent-translation`), and different sources given the same translation
 * (`inconsistent-source`). Only the article's own units get findings; the others' are compared.
 * Texts are compared as the design says sentences are: plain text,
 * Unicode NFC, runs of white space folded, case kept. Texts without letters (numbers, codes)
 * are left out: `5` may well stand for several things.
 */
import { plainTextLenient } from '../codes/tagged-text.js'
import type { SegmentFinding } from './types.js'

/** One translated unit, as consistency reads it. */
export interface TranslatedUnit {
  unit: string
  position: number
  source: string
  target: string
  /** Set for a unit of another article of the tag: compared, never given a finding. */
  article?: string
}

const key = (tagged: string) => plainTextLenient(tagged, ' ').normalize('NFC').replace(/\s+/gu, ' ').trim()
const LETTER = /\p{L}/u
const MAX_NAMED = 3

/** The findings per unit id. */
export function checkConsistency(units: readonly TranslatedUnit[], others: readonly TranslatedUnit[] = []): Map<string, SegmentFinding[]> {
  const out = new Map<string, SegmentFinding[]>()
  const add = (unit: string, f: SegmentFinding) => out.set(unit, [...(out.get(unit) ?? []), f])
  const bySource = new Map<string, TranslatedUnit[]>()
  const byTarget = new Map<string, TranslatedUnit[]>()
  const keys = new Map<TranslatedUnit, { s: string; t: string }>()
  for (const u of [...units, ...others]) {
    const s = key(u.source)
    const t = key(u.target)
    if (t === '' || !LETTER.test(s) || !LETTER.test(t)) continue
    keys.set(u, { s, t })
    bySource.set(s, [...(bySource.get(s) ?? []), u])
    byTarget.set(t, [...(byTarget.get(t) ?? []), u])
  }
  // One side the same, the other different: what the unit's finding names is the other side.
  const flag = (groups: Map<string, TranslatedUnit[]>, side: 's' | 't', check: SegmentFinding['check'], what: string) => {
    for (const group of groups.values()) {
      if (group.length < 2) continue
      for (const u of group) {
        if (u.article !== undefined) continue
        const mine = keys.get(u)![side]
        const differ = group.filter((o) => keys.get(o)![side] !== mine)
        if (differ.length === 0) continue
        const text = (o: TranslatedUnit) => (side === 't' ? o.target : o.source)
        const where = (o: TranslatedUnit) => (o.article === undefined ? `segment ${o.position}` : `segment ${o.position} of ${o.article}`)
        const named = differ.slice(0, MAX_NAMED).map((o) => `“${text(o)}” (${where(o)})`)
        add(u.unit, {
          check,
          message: `${what}: ${named.join(', ')}${differ.length > MAX_NAMED ? ` and ${differ.length - MAX_NAMED} more` : ''}`,
          data: { other: text(differ[0]!), segment: String(differ[0]!.position), count: String(differ.length), ...(differ[0]!.article ? { article: differ[0]!.article } : {}) },
        })
      }
    }
  }
  flag(bySource, 't', 'inconsistent-translation', 'The same source is translated differently elsewhere')
  flag(byTarget, 's', 'inconsistent-source', 'The same translation is given to a different source')
  return out
}
