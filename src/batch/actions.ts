/**
 * What each action proposes for the units a filter selected: the text and state to write, or
 * nothing (the unit would not change). Pure but for the memory (accept-match) and the regex worker
 * (replace).
 */
import { plainTextLenient } from '../codes/index.js'
import type { State } from '../model/translation.js'
import type { Store } from '../store/types.js'
import { bestMatches } from '../tm/pretranslate.js'
import type { ScopeArticle, ScopeRow } from './filters.js'
import type { Pattern } from './pattern.js'
import { replaceTagged } from './replace-text.js'
import type { BatchRequest } from './types.js'

/** A unit the filter chose, with its article. */
export interface Candidate {
  scope: ScopeArticle
  row: ScopeRow
  /** Its index in the article's rows (for the memory's context). */
  index: number
}

/** A change an action proposes. */
export interface Proposal {
  candidate: Candidate
  text: string
  state: State
  /** The memory match's score, for accept-match: the write's origin. */
  memoryScore: number | null
}

/** The proposals of `request`'s action for `candidates`, in their order. */
export async function propose(store: Store, request: BatchRequest, candidates: Candidate[], pattern?: Pattern): Promise<Proposal[]> {
  const t = (c: Candidate) => c.row.translation
  const keep = (c: Candidate, text: string, state: State, memoryScore: number | null = null): Proposal[] =>
    text === t(c).text && state === t(c).state && !(t(c).stale && (state === 'reviewed' || state === 'final')) ? [] : [{ candidate: c, text, state, memoryScore }]
  switch (request.action) {
    case 'replace': {
      const withText = candidates.filter((c) => t(c).text !== '')
      const after = await replaceTagged(withText.map((c) => t(c).text), pattern!)
      return withText.flatMap((c, k) => (after[k] === t(c).text ? [] : [{ candidate: c, text: after[k]!, state: t(c).state, memoryScore: null }]))
    }
    case 'set-state':
      // Only a text can be translated, reviewed or final; setting initial keeps the text as a draft.
      return candidates.flatMap((c) => (t(c).text === '' && request.state !== 'initial' ? [] : keep(c, t(c).text, request.state)))
    case 'copy-source':
      // Units with no letters (numbers, codes, punctuation) read the same in every language.
      return candidates.flatMap((c) =>
        t(c).text === '' && !/\p{L}/u.test(plainTextLenient(c.row.unit.source)) ? keep(c, c.row.unit.source, 'translated') : [],
      )
    case 'confirm':
      // The same text, stale cleared by the confirm write; a rejected unit is sent back, not confirmed.
      return candidates.flatMap((c) => (t(c).stale && t(c).text !== '' && t(c).state !== 'rejected' ? [{ candidate: c, text: t(c).text, state: t(c).state, memoryScore: null }] : []))
    case 'accept-match': {
      // As `tolk pretranslate --min N`: untranslated units, filled with their best match.
      const out: Proposal[] = []
      const byArticle = new Map<ScopeArticle, Candidate[]>()
      for (const c of candidates) if (t(c).state === 'initial') byArticle.set(c.scope, [...(byArticle.get(c.scope) ?? []), c])
      for (const [scope, cs] of byArticle) {
        const best = await bestMatches(store, scope.article, scope.rows.map((r) => r.unit), cs.map((c) => c.index), scope.lang, request.min)
        cs.forEach((c, k) => {
          const m = best[k]
          if (m) out.push(...keep(c, m.target, 'translated', m.score))
        })
      }
      return out
    }
  }
}
