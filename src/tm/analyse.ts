/**
 * Word analysis the way CAT tools quote work: each unit of an article falls in one band by its
 * best memory match, and the bands add up its words. A sentence that occurs again in the same
 * article is a repetition from its second occurrence on (the first is analysed as any other).
 */
import { requireArticle } from '../store/require-article.js'
import { normalizeForCompare } from '../model/text.js'
import type { Store } from '../store/types.js'
import { checkTarget, unitQuery } from './unit-matches.js'

/** The bands, best first, with the lowest score each takes. */
export const BANDS = [
  { band: 'repetitions', min: Infinity },
  { band: '101', min: 101 },
  { band: '100', min: 100 },
  { band: '95-99', min: 95 },
  { band: '85-94', min: 85 },
  { band: '75-84', min: 75 },
  { band: '50-74', min: 50 },
  { band: 'new', min: 0 },
] as const

/** A band's name. */
export type BandName = (typeof BANDS)[number]['band']

/** One band's segments and words (and characters, for languages written without spaces). */
export interface BandCount {
  band: BandName
  segments: number
  words: number
  characters: number
}

/** The analysis of one article in one target language. */
export interface Analysis {
  article: string
  srcLang: string
  lang: string
  bands: BandCount[]
  total: { segments: number; words: number; characters: number }
  /** False when the memory holds nothing for this language pair yet (all is new). */
  memoryHasPair: boolean
}

/** Analyse the live units of `articleId` against the memory for target `lang`. */
export async function analyseArticle(store: Store, articleId: string, lang: string): Promise<Analysis> {
  const article = await requireArticle(store, articleId)
  checkTarget(article, lang)
  const units = await store.listUnits(articleId)
  const counts = new Map<BandName, BandCount>(
    BANDS.map((b) => [b.band, { band: b.band, segments: 0, words: 0, characters: 0 }]),
  )
  const seen = new Set<string>()
  const toMatch: number[] = []
  const bandOf = new Array<BandName>(units.length)
  units.forEach((u, i) => {
    const key = normalizeForCompare(u.source)
    if (seen.has(key)) bandOf[i] = 'repetitions'
    else {
      seen.add(key)
      toMatch.push(i)
    }
  })
  const hasPair = await store.memory.hasPair(lang, article.lang)
  const results = hasPair
    ? await store.memory.matchMany(
        toMatch.map((i) => ({ ...unitQuery(units, i, article, lang), threshold: 50, limit: 1 })),
      )
    : toMatch.map(() => [])
  toMatch.forEach((i, k) => {
    const score = results[k]?.[0]?.score ?? 0
    bandOf[i] = BANDS.find((b) => b.band !== 'repetitions' && score >= b.min)!.band
  })
  const total = { segments: 0, words: 0, characters: 0 }
  units.forEach((u, i) => {
    const c = counts.get(bandOf[i]!)!
    c.segments++
    c.words += u.words
    c.characters += u.characters ?? 0
    total.segments++
    total.words += u.words
    total.characters += u.characters ?? 0
  })
  return { article: articleId, srcLang: article.lang, lang, bands: [...counts.values()], total, memoryHasPair: hasPair }
}

/** The analysis as CSV: one row per band, then the total. */
export function analysisCsv(a: Analysis): string {
  const rows = ['band,segments,words,characters']
  for (const b of a.bands) rows.push(`${b.band},${b.segments},${b.words},${b.characters}`)
  rows.push(`total,${a.total.segments},${a.total.words},${a.total.characters}`)
  return `${rows.join('\n')}\n`
}

/** The analysis as a small table for a terminal. */
export function analysisText(a: Analysis): string {
  const pct = (w: number) => (a.total.words ? ((100 * w) / a.total.words).toFixed(1) : '0.0')
  const lines = [
    `${a.article} ${a.srcLang} → ${a.lang}${a.memoryHasPair ? '' : ' (the memory has no entries for this pair yet)'}`,
    `${'band'.padEnd(12)}${'segments'.padStart(10)}${'words'.padStart(10)}${'%'.padStart(8)}`,
  ]
  for (const b of a.bands) {
    lines.push(`${b.band.padEnd(12)}${String(b.segments).padStart(10)}${String(b.words).padStart(10)}${pct(b.words).padStart(8)}`)
  }
  lines.push(`${'total'.padEnd(12)}${String(a.total.segments).padStart(10)}${String(a.total.words).padStart(10)}${'100.0'.padStart(8)}`)
  return `${lines.join('\n')}\n`
}
