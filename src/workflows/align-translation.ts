/**
 * Bringing in an existing translation (issue 23): pair its sentences with an article's units and
 * store them (`tolk align`, `POST /api/articles/:id/align`), or pair two documents and fill the
 * memory (`tolk tm align`). The pairing itself is src/bitext/; this layer reads the store.
 */
import { alignSentences } from '../bitext/align-sentences.js'
import { alignedAction } from '../bitext/check-aligned.js'
import { type AlignPlan, joinSentences, planWrites } from '../bitext/plan-writes.js'
import { MAX_ALIGN_SENTENCES, segmentTranslation } from '../bitext/segment-translation.js'
import type { AlignedOutcome } from '../bitext/types.js'
import type { DocumentFormat } from '../documents/types.js'
import { InvalidInput } from '../model/errors.js'
import { printable } from '../model/tags.js'
import { requireArticle } from '../store/require-article.js'
import type { Store } from '../store/types.js'

/** What to align: an article, a target language, and the translated document's text. */
export interface AlignArticleRequest {
  articleId: string
  lang: string
  text: string
  /** The translated document's format (by default the article's). */
  format?: DocumentFormat
  /** A name for the document in messages (its file name). */
  name?: string
  author: string
  /** Pair and plan only: write nothing. */
  dryRun?: boolean
}

/** The plan, and what the store did with it (on a dry run: would do, from the translations now). */
export interface AlignArticleResult {
  plan: AlignPlan
  outcome: AlignedOutcome
}

/** Align a translated document with an article's live units and (unless dry) store the texts. */
export async function alignArticle(store: Store, req: AlignArticleRequest): Promise<AlignArticleResult> {
  const article = await requireArticle(store, req.articleId, 'write')
  // An i18next namespace's units are keys, not sentences of a text: nothing to pair them with.
  if (await store.resourceSets.get(req.articleId)) {
    throw new InvalidInput(
      `${printable(req.articleId)} is an i18next namespace, not an article: bring its translations in with tolk import-locales`,
      'wrong-kind-of-file',
    )
  }
  if (!article.targets.includes(req.lang)) {
    throw new InvalidInput(
      `${printable(req.lang)} is not a target language of ${printable(req.articleId)} (targets: ${article.targets.join(', ') || 'none'})`,
      'not-a-target',
    )
  }
  const units = await store.listUnits(req.articleId)
  if (units.length > MAX_ALIGN_SENTENCES) throw new InvalidInput(`article ${printable(req.articleId)} has more than ${MAX_ALIGN_SENTENCES} units; alignment takes at most that many`, 'file-too-large')
  const name = req.name ?? 'the translation'
  const { sentences, targets } = segmentTranslation(req.text, req.format ?? article.format ?? 'text', req.lang, name)
  if (sentences.length === 0) throw new InvalidInput(`${name} holds no sentences to align`, 'empty-file')
  const beads = alignSentences(
    units.map((u) => ({ text: u.source, block: u.block })),
    sentences,
  )
  const plan = planWrites(units, targets, beads)
  if (req.dryRun) {
    // What the write would do, from the translations as they are now.
    const current = new Map((await store.listTranslations(req.articleId, req.lang)).map((t) => [t.unitId, t]))
    const outcome: AlignedOutcome = { written: [], skipped: [] }
    for (const t of plan.texts) {
      const now = current.get(t.unitId) ?? { version: 0, text: '', state: 'initial' as const }
      const action = alignedAction(now, t.text)
      if (action === 'skip') outcome.skipped.push({ unitId: t.unitId, state: now.state, text: now.text })
      if (action === 'write') outcome.written.push(t.unitId)
    }
    return { plan, outcome }
  }
  const outcome = await store.aligned.write({ articleId: req.articleId, lang: req.lang, author: req.author, texts: plan.texts })
  return { plan, outcome }
}

/** One pair of a document alignment for the memory. */
export interface MemoryPairText {
  source: string
  target: string
  kind: string
  confidence: number
}

/**
 * Pair two documents (the source in `srcLang`, its translation in `tgtLang`) sentence by
 * sentence: the pairs with both sides and at least `minConfidence`, sentences joined where a
 * bead takes two.
 */
export function alignDocuments(
  source: { text: string; format: DocumentFormat; lang: string; name: string },
  target: { text: string; format: DocumentFormat; lang: string; name: string },
  minConfidence: number,
): { pairs: MemoryPairText[]; left: number } {
  const s = segmentTranslation(source.text, source.format, source.lang, source.name)
  const t = segmentTranslation(target.text, target.format, target.lang, target.name)
  if (s.sentences.length === 0) throw new InvalidInput(`${source.name} holds no sentences to align`, 'empty-file')
  if (t.sentences.length === 0) throw new InvalidInput(`${target.name} holds no sentences to align`, 'empty-file')
  const beads = alignSentences(s.sentences, t.sentences)
  const pairs: MemoryPairText[] = []
  let left = 0
  for (const b of beads) {
    if (b.source.length === 0 || b.target.length === 0 || b.confidence < minConfidence) {
      left++
      continue
    }
    pairs.push({ source: joinSentences(s.targets, b.source), target: joinSentences(t.targets, b.target), kind: b.kind, confidence: b.confidence })
  }
  return { pairs, left }
}
