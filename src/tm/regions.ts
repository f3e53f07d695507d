/**
 * Matching across regions. Real memories tag by region (`en-US`, `de-DE`) where articles often
 * name the language alone (`en`, `de`), so an entry matches a segment whose tags differ only in
 * the region (or where one side has none): the same language and script. Such a match scores one
 * point lower than the same entry in the exact tags, and says which regions it came from.
 */

const keys = new Map<string, string>()

/** The part of a canonical tag that must agree: language and script (`zh-Hant-TW` → `zh-Hant`). */
export function regionless(tag: string): string {
  let k = keys.get(tag)
  if (k === undefined) {
    try {
      const l = new Intl.Locale(tag)
      k = l.script ? `${l.language}-${l.script}` : l.language
    } catch {
      k = tag
    }
    if (keys.size > 10_000) keys.clear()
    keys.set(tag, k)
  }
  return k
}

/** The primary language subtag, for a store's candidate query (`en-US` → `en`). */
export function primaryLanguage(tag: string): string {
  return regionless(tag).split('-')[0]!
}

/**
 * How an entry's language pair fits a query's: 0 in the same tags, 1 when a region differs on
 * either side (one point off the score), undefined when the languages or scripts differ.
 */
export function regionPenalty(
  entry: { srcLang: string; tgtLang: string },
  q: { srcLang: string; tgtLang: string },
): 0 | 1 | undefined {
  if (entry.srcLang === q.srcLang && entry.tgtLang === q.tgtLang) return 0
  if (regionless(entry.srcLang) !== regionless(q.srcLang)) return undefined
  if (regionless(entry.tgtLang) !== regionless(q.tgtLang)) return undefined
  return 1
}
