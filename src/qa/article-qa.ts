/**
 * The QA overview of one article in one language: every check over every translated unit, with
 * the shared dismissals applied. What the API, the CLI, the page, `tolk check --qa` and the batch
 * work's `qaFinding` filter all read.
 */
import { NotFound, TolkError } from '../model/errors.js'
import { parseTag } from '../model/tags.js'
import type { Store } from '../store/types.js'
import { cachedMatcher, termbaseTagFor } from '../terms/unit-terms.js'
import type { TermHit, TermMatcher } from '../terms/match.js'
import { checkConsistency, type TranslatedUnit } from './consistency.js'
import { checkSegment } from './segment-checks.js'
import { checkTerms } from './term-checks.js'
import { textHash } from './text-hash.js'
import { atLeast, DEFAULT_SEVERITY, QA_CHECKS, type QaFinding, type QaReport, type Severity } from './types.js'

export interface QaOptions {
  /** The termbase to read; default the target language with the article tag's domain. */
  tag?: string
  /**
   * Where inconsistency is looked for: within the article (default), or across every article
   * of its tag translated into the language (each named in the finding).
   */
  consistency?: 'article' | 'tag'
}

const ORDER = new Map(QA_CHECKS.map((c, i) => [c, i]))
const PAGE = 1000

/** Every live unit of the article with its translation in `lang`, in position order. */
async function translatedUnits(store: Store, articleId: string, lang: string) {
  const first = await store.unitPage(articleId, { limit: 1 })
  if (!first.article.targets.includes(lang)) {
    throw new TolkError('not-a-target', `${lang} is not a target language of ${articleId}: use one of ${first.article.targets.join(', ') || '(none)'}`, 400)
  }
  const units: (TranslatedUnit & { hash: string })[] = []
  let after: number | undefined
  for (;;) {
    const page = await store.unitPage(articleId, { lang, ownOnly: true, limit: PAGE, ...(after !== undefined ? { after } : {}) })
    for (const r of page.rows) {
      const target = r.translation?.text ?? ''
      if (target.trim() === '') continue
      units.push({ unit: r.unit.id, position: r.unit.position, source: r.unit.source, target, hash: textHash(r.unit.source, target) })
    }
    if (page.next === null) return { article: first.article, units }
    after = page.next
  }
}

// Term hits per matcher and text: a page is read again and again while few texts change, and
// finding terms (word segmentation and stemming) is most of an overview's cost. A matcher is
// rebuilt whenever its termbase changes (src/terms/unit-terms.ts), which starts a fresh cache.
const hitCache = new WeakMap<TermMatcher, Map<string, TermHit[]>>()
const MAX_CACHED_TEXTS = 50_000

function hitsOf(matcher: TermMatcher, text: string): TermHit[] {
  let cache = hitCache.get(matcher)
  if (!cache) hitCache.set(matcher, (cache = new Map()))
  let hits = cache.get(text)
  if (hits === undefined) {
    hits = matcher.find(text)
    if (cache.size >= MAX_CACHED_TEXTS) cache.clear()
    cache.set(text, hits)
  }
  return hits
}

/** The termbase an article sees; none for a document whose tag has no domain (an i18next namespace's). */
function defaultTermbase(articleTag: string, lang: string): string {
  try {
    return termbaseTagFor(articleTag, lang)
  } catch {
    return ''
  }
}

/**
 * Run every check on an article's translations in `lang`. Throws NotFound for an unknown
 * article (`unknown-article`), and a 400 `not-a-target` for a language that is not one of its targets.
 */
export async function articleQa(store: Store, articleId: string, lang: string, opts: QaOptions = {}): Promise<QaReport> {
  const { article, units } = await translatedUnits(store, articleId, lang)
  const termbase = opts.tag === undefined ? defaultTermbase(article.tag, lang) : parseTag(opts.tag).tag
  const [entries, dismissals] = await Promise.all([termbase ? store.terms.resolve(termbase) : [], store.qa.list(articleId, lang)])
  let toTarget: TermMatcher | undefined
  let inTarget: TermMatcher | undefined
  if (entries.length > 0) {
    toTarget = await cachedMatcher(store, termbase, entries, article.lang, lang)
    inTarget = await cachedMatcher(store, termbase, entries, lang, lang)
  }
  const dismissed = new Map(dismissals.map((d) => [`${d.unit}\u0000${d.check}`, d]))
  const consistency = checkConsistency(units, opts.consistency === 'tag' ? await tagUnits(store, article, lang) : [])
  const findings: QaFinding[] = []
  for (const u of units) {
    const found = checkSegment(u.source, u.target)
    if (toTarget && inTarget) found.push(...checkTerms(hitsOf(toTarget, u.source), hitsOf(inTarget, u.target)))
    found.push(...(consistency.get(u.unit) ?? []))
    found.sort((a, b) => ORDER.get(a.check)! - ORDER.get(b.check)!)
    for (const f of found) {
      const finding: QaFinding = { ...f, severity: DEFAULT_SEVERITY[f.check], unit: u.unit, position: u.position }
      const d = dismissed.get(`${u.unit}\u0000${f.check}`)
      if (d && d.hash === u.hash) finding.dismissed = { by: d.by, reason: d.reason, at: d.at }
      findings.push(finding)
    }
  }
  return { article: articleId, lang, termbase, findings }
}

/** The translated units of the other live articles of the article's tag with `lang` as a target. */
async function tagUnits(store: Store, article: { id: string; tag: string }, lang: string): Promise<TranslatedUnit[]> {
  const out: TranslatedUnit[] = []
  for (const a of await store.listArticles()) {
    if (a.tag !== article.tag || a.id === article.id || !a.targets.includes(lang)) continue
    for (const u of (await translatedUnits(store, a.id, lang)).units) out.push({ ...u, article: a.id })
  }
  return out
}

/** Findings not dismissed, at or above `floor`. */
export function openFindings(report: QaReport, floor: Severity = 'warning'): QaFinding[] {
  return report.findings.filter((f) => !f.dismissed && atLeast(f.severity, floor))
}

/**
 * The units of an article that have a finding nobody dismissed, at or above `floor` (default
 * every finding): the batch work's `qaFinding` filter.
 */
export async function unitsWithOpenFindings(store: Store, articleId: string, lang: string, floor: Severity = 'warning'): Promise<Set<string>> {
  return new Set(openFindings(await articleQa(store, articleId, lang), floor).map((f) => f.unit))
}

/** A finding's unit's current text hash, for a dismissal: undefined when it has no translation. */
export async function currentTextHash(store: Store, articleId: string, unitId: string, lang: string): Promise<string | undefined> {
  const unit = await store.getUnit(articleId, unitId)
  if (!unit || unit.obsolete) throw new NotFound(`${articleId} has no unit ${unitId}`, 'unknown-unit')
  const tr = await store.getTranslation(articleId, unitId, lang)
  return tr.text.trim() === '' ? undefined : textHash(unit.source, tr.text)
}
