/**
 * A TMX file as the memory's entries, read and checked before any store writes them (every text
 * against the one text rule, naming the file and line): the part of a TMX import both backends
 * share, so they add, skip and key the same entries.
 */
import { hash } from 'node:crypto'
import { normalizeForCompare } from '../model/text.js'
import { checkText, TEXT_LIMITS } from '../model/text-rule.js'
import { sourceHash } from '../store/sqlite/source-hash.js'
import { readTmx } from './tmx-read.js'
import { isoFromTmx } from './tmx-write.js'
import type { TmxImportSummary } from './types.js'

/** One entry of a TMX import, as a store inserts it. */
export interface TmxRow {
  srcLang: string
  tgtLang: string
  tag: string | null
  srcHash: string
  /** Hash of the pair and texts: the same entry imported twice is kept once. */
  key: string
  author: string | null
  at: string
  source: string
  target: string
}

/**
 * Read `file` (named `name` in messages) into entries, one per source/target language pair of
 * each unit; `fallbackSrc` is the source language where the header says `*all*`, `stamp` the date
 * of units without one, `map` the tags folded at import (`--map en-US=en`). The summary counts units
 * and skipped units; the store counts the rest.
 */
export function readTmxEntries(file: string, name: string, fallbackSrc: string | undefined, stamp: string, map?: Readonly<Record<string, string>>) {
  const summary: TmxImportSummary = { units: 0, added: 0, duplicates: 0, skipped: 0 }
  const rows: TmxRow[] = []
  readTmx(
    file,
    (tu) => {
      summary.units++
      const src = tu.srcLang === '*all*' ? (fallbackSrc ?? tu.variants[0]?.lang) : tu.srcLang
      const source = tu.variants.find((v) => v.lang === src)
      if (!source || src === undefined || source.text.trim() === '') {
        summary.skipped++
        return
      }
      let pairs = 0
      for (const v of tu.variants) {
        if (v.lang === src || v.text.trim() === '') continue
        if (pairs === 0) checkText(source.text, TEXT_LIMITS.translation, `${name}: line ${tu.line}: the ${src} text`)
        checkText(v.text, TEXT_LIMITS.translation, `${name}: line ${tu.line}: the ${v.lang} text`)
        pairs++
        rows.push({
          srcLang: src,
          tgtLang: v.lang,
          tag: tu.props['x-tolk-tag'] ?? null,
          srcHash: sourceHash(source.text),
          key: hash('sha256', `${src}\u0000${v.lang}\u0000${normalizeForCompare(source.text)}\u0000${v.text}`, 'base64url').slice(0, 22),
          author: tu.changeId ?? null,
          at: (tu.changeDate && isoFromTmx(tu.changeDate)) ?? stamp,
          source: source.text,
          target: v.text,
        })
      }
      if (pairs === 0) summary.skipped++
    },
    name,
    map ? { map } : {},
  )
  return { summary, rows }
}
