/** Per-language data for the rule-based sentence splitter. */
export interface LanguageRules {
  /** Abbreviations that never end a sentence: they always lead into a name or phrase (Mr., t.ex.). */
  prefixes: ReadonlySet<string>
  /** Abbreviations that stand before a number (p. 55, kl. 14.30): no boundary before a digit. */
  numberPrefixes: ReadonlySet<string>
  /**
   * Abbreviations that can end a sentence (etc., Inc., osv., dec.): they end it only when the next
   * word is one of `starters`, not when a capitalised name or noun continues the sentence.
   */
  abbreviations: ReadonlySet<string>
  /**
   * Abbreviations that usually stand last in their sentence in news text (etc., osv., Inc., Jr.):
   * they end it before any capitalised word, as an ordinary word does, but not before lower case.
   */
  finals: ReadonlySet<string>
  /**
   * The month abbreviations among `abbreviations` (jan, Jan, okt): after a day number
   * (`den 31 jan.`) the date is complete, so they end a sentence as `finals` do.
   */
  months: ReadonlySet<string>
  /** Capitalised words that commonly open a sentence (The, It, Det, Alla, …). */
  starters: ReadonlySet<string>
  /**
   * Whether `12.` before a capitalised word is usually an ordinal inside the sentence (German
   * `am 12. Juni`), so that it ends a sentence only before a starter.
   */
  ordinalDates: boolean
  /**
   * Whether a capital I after an ellipsis is the pronoun, which continues the sentence
   * (`the thing is … I didn’t mean it`). In Swedish `I` is a preposition that opens one.
   */
  pronounI: boolean
}

/** Build a set from a space-separated word list, which keeps the rule files easy to read. */
export function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter((w) => w.length > 0))
}
