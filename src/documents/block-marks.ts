/**
 * The block mark a plain-text import left at the start of a unit (`# `, `- `, `1. `, `> `): what
 * a Markdown re-import of the same article strips, so its units keep their ids and translations.
 */
import type { BlockKind } from '../model/unit.js'

const MARKS: Partial<Record<BlockKind, RegExp>> = {
  heading: /^#{1,6}[ \t]+/,
  'list-item': /^(?:[-*+•◦‣▪]|\d{1,9}[.)])[ \t]+/,
  quote: /^>[ \t]?/,
}

/** The mark at the start of a text unit of `kind`, or '' when it has none. */
export function blockMark(kind: BlockKind, source: string): string {
  return MARKS[kind]?.exec(source)?.[0] ?? ''
}

/** A text unit's source without its block mark (and a heading's closing `#`s). */
export function withoutBlockMark(kind: BlockKind, source: string): string {
  const mark = blockMark(kind, source)
  if (!mark) return source
  const rest = source.slice(mark.length)
  return kind === 'heading' ? rest.replace(/[ \t]+#+[ \t]*$/, '') : rest
}
