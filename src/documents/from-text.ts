/**
 * A text article re-imported as a Markdown document (issue 17): its units lost their block marks
 * (`# `, `- `) and their inline Markdown became codes (`**x**` is `⟦1⟧x⟦/1⟧`). A stored unit whose
 * text is exactly a new unit's Markdown keeps its id and its translations, not stale; each
 * translation loses the same block mark and has the source's inline markup turned into the
 * source's codes where it is written the same (`markupToCodes`). Pure: every store backend uses it.
 */
import { escapeText, plainTextLenient, writeTagged } from '../codes/tagged-text.js'
import type { CodeData, Run } from '../codes/types.js'
import type { BlockKind } from '../model/unit.js'
import { blockMark, withoutBlockMark } from './block-marks.js'
import type { Skeleton } from './types.js'

/** A stored unit of the text article. */
export interface TextUnit {
  kind: BlockKind
  source: string
}

/** A unit of the new document. */
export interface DocumentUnit {
  source: string
}

/**
 * What each stored unit of a text article is compared as against the document's units: its text
 * without its block mark, or, when that is exactly the Markdown a document unit was read from
 * (`Read **the guide**.`), that unit's tagged text (`Read ⟦1⟧the guide⟦/1⟧.`).
 */
export function textUnitsAsDocument(stored: readonly TextUnit[], fresh: readonly DocumentUnit[], skeleton: Skeleton | undefined): string[] {
  const byMarkup = new Map<string, string>()
  skeleton?.slots.forEach((slot, i) => {
    const unit = fresh[i]
    const raw = escapeText(slot.raw)
    if (unit && raw !== unit.source && !byMarkup.has(raw)) byMarkup.set(raw, unit.source)
  })
  return stored.map((u) => {
    const text = withoutBlockMark(u.kind, u.source)
    return byMarkup.get(text) ?? text
  })
}

/**
 * An old translation of a text unit, fitted to the unit it became: the unit's block mark taken off
 * when the translation starts with it, then its inline markup turned into the unit's codes.
 */
export function fitOldTranslation(text: string, old: TextUnit, codes: readonly CodeData[] | undefined): string {
  const mark = blockMark(old.kind, old.source)
  const rest = mark && text.startsWith(mark) ? text.slice(mark.length) : text
  return codes?.length ? markupToCodes(rest, codes) : rest
}

interface Candidate {
  id: number
  kind: 'open' | 'close' | 'standalone'
  markup: string
}

function markupOf(parts: CodeData['open']): string | undefined {
  if (!parts || parts.length === 0 || parts.some((p) => typeof p !== 'string')) return undefined
  const s = parts.join('')
  return s === '' ? undefined : s
}

const ESCAPABLE = /[!-/:-@[-`{-~]/

/**
 * `text` (plain Markdown, as a text article held it) with every piece of markup that is written
 * exactly as one of `codes`' markup turned into that code: a paired code opens at its opening
 * markup and closes at its closing markup once open (innermost first), a standalone code wherever
 * its markup stands; the longest markup wins. Other markup stays as text (a link whose URL the
 * translator changed, bold left open), so the result may not fit the codes: the caller keeps it
 * with a hint, and a document rebuilt from it closes what is left open at the end of the unit.
 * Backslash escapes are decoded, as in the unit's own text.
 */
export function markupToCodes(text: string, codes: readonly CodeData[]): string {
  const plain = plainTextLenient(text)
  const candidates: Candidate[] = []
  for (const c of codes) {
    if (c.kind === 'standalone') {
      const data = markupOf(c.data)
      if (data) candidates.push({ id: c.id, kind: 'standalone', markup: data })
      continue
    }
    const open = markupOf(c.open)
    const close = markupOf(c.close)
    if (open && close) candidates.push({ id: c.id, kind: 'open', markup: open }, { id: c.id, kind: 'close', markup: close })
  }
  candidates.sort((a, b) => b.markup.length - a.markup.length || a.id - b.id)
  const runs: Run[] = []
  const opened = new Set<number>()
  const stack: number[] = []
  let buffer = ''
  let i = 0
  const usable = (c: Candidate): boolean => {
    if (c.kind === 'standalone') return true
    if (c.kind === 'open') return !opened.has(c.id)
    return stack.includes(c.id)
  }
  while (i < plain.length) {
    // Among the longest markups here: close an open code (innermost first) before opening one.
    let best: Candidate | undefined
    for (const c of candidates) {
      if (best && c.markup.length < best.markup.length) break
      if (!plain.startsWith(c.markup, i) || !usable(c)) continue
      if (!best || (c.kind === 'close' && (best.kind !== 'close' || stack.lastIndexOf(c.id) > stack.lastIndexOf(best.id)))) best = c
    }
    if (best) {
      if (buffer) runs.push({ type: 'text', text: buffer })
      buffer = ''
      runs.push({ type: 'code', kind: best.kind, id: best.id })
      if (best.kind === 'open') {
        opened.add(best.id)
        stack.push(best.id)
      } else if (best.kind === 'close') {
        stack.splice(stack.lastIndexOf(best.id), 1)
      }
      i += best.markup.length
      continue
    }
    const ch = plain[i]!
    if (ch === '\\' && i + 1 < plain.length && ESCAPABLE.test(plain[i + 1]!)) {
      buffer += plain[i + 1]
      i += 2
      continue
    }
    buffer += ch
    i++
  }
  if (buffer) runs.push({ type: 'text', text: buffer })
  return writeTagged(runs)
}
