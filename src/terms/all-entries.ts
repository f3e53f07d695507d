import type { TermEntry, TermStore } from './types.js'
import { ENTRY_PAGE } from './store-rules.js'

/** Every entry of a termbase's own, by id, read page by page. */
export async function allEntries(terms: TermStore, tag: string): Promise<TermEntry[]> {
  const out: TermEntry[] = []
  for (;;) {
    const page = await terms.listEntries(tag, { limit: ENTRY_PAGE.max, after: out.at(-1)?.id ?? 0 })
    out.push(...page)
    if (page.length < ENTRY_PAGE.max) return out
  }
}

/** The languages of entries in the order they first appear. */
export function languagesOf(entries: readonly TermEntry[]): string[] {
  return [...new Set(entries.flatMap((e) => e.terms.map((t) => t.lang)))]
}
