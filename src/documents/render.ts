/** Documents out: a skeleton and its units' texts give the document back. */
import { hasMarks, plainTextLenient } from '../codes/tagged-text.js'
import type { CodeData } from '../codes/types.js'
import { renderTagged } from '../codes/render.js'
import type { Encoding, Skeleton } from './types.js'

/** A unit as rendering needs it: its position, source and codes. */
export interface RenderUnit {
  position: number
  source: string
  codes?: readonly CodeData[] | undefined
}

const MD_SPECIAL = /[\\`*_[\]<]|&(?=#?[A-Za-z0-9]+;)/g
const MD_CELL = /[\\`*_[\]<|]|&(?=#?[A-Za-z0-9]+;)/g

/** Line breaks as spaces: a blank line would end the link, image or heading the text is in. */
function oneLine(text: string): string {
  return text.replace(/[ \t]*\r?\n[ \t]*/g, ' ')
}

/**
 * Where a Markdown text unit is written, read from the line the document has reached: whether it
 * begins the line's content (after its quote and list markers), what a line break inside it must
 * be followed by to stay in its block (`> ` in a quote, spaces under a list item's text), and
 * whether it is an ATX heading's, where a line break would end the heading.
 */
interface MarkdownPlace {
  lineStart: boolean
  continuation: string
  heading: boolean
  newline: string
}

const CONTAINERS = /^(?:[ \t]*(?:>[ \t]?|(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)))*[ \t]*/

function markdownPlace(before: string, newline: string): MarkdownPlace {
  const line = before.slice(before.lastIndexOf('\n') + 1)
  const prefix = CONTAINERS.exec(line)?.[0] ?? ''
  const rest = line.slice(prefix.length)
  const heading = /^#{1,6}(?:[ \t]|$)/.test(rest)
  return {
    lineStart: rest === '' || /^#{1,6}[ \t]*$/.test(rest),
    continuation: prefix.replace(/[-+*]|\d{1,9}[.)]/g, (m) => ' '.repeat(m.length)),
    heading,
    newline,
  }
}

/** A line's first character escaped where it would begin a block: a heading, list, quote, fence, setext underline or break. */
function escapeBlockStart(line: string): string {
  return line.replace(/^[ \t]+/, '').replace(/^(?:([#>+=~-])|(\d{1,9})([.)]))/, (_m, mark?: string, digits?: string, dot?: string) => (mark ? `\\${mark}` : `${digits}\\${dot}`))
}

/**
 * Writes a Markdown text unit's pieces (its text between codes) where `place` says: marks escaped,
 * a line begun with block syntax escaped, blank lines closed up (one would end the block), a line
 * break followed by the block's continuation (or a space in a heading), a heading's closing `#` run
 * escaped. It remembers whether the last piece ended a line, since the next then begins one.
 */
function markdownTextWriter(place: MarkdownPlace): (text: string) => string {
  let atLineStart = place.lineStart
  return (text) => {
    let escaped = encodeFor('md', text)
    if (place.heading) return oneLine(escaped).replace(/(^|[ \t])(#+)([ \t]*)$/, '$1\\$2$3')
    if (atLineStart) escaped = escaped.replace(/^\s+/, '')
    const lines = escaped.replace(/(\r?\n)[ \t]*(?:\r?\n[ \t]*)+/g, '$1').split(/\r?\n/)
    const written = lines.map((line, i) => (i > 0 ? place.continuation + escapeBlockStart(line) : atLineStart ? escapeBlockStart(line) : line))
    atLineStart = lines.length > 1 && lines[lines.length - 1]!.trim() === '' ? true : atLineStart && escaped === ''
    return written.join(place.newline)
  }
}

/** Encode a translation's text for where it is written. */
export function encodeFor(enc: Encoding, text: string): string {
  switch (enc) {
    case 'md':
      return text.replace(MD_SPECIAL, '\\$&')
    case 'md-cell':
      return text.replace(/\r?\n/g, ' ').replace(MD_CELL, '\\$&')
    case 'md-alt':
      return oneLine(text).replace(/[\\[\]]/g, '\\$&')
    case 'md-title':
      return oneLine(text).replace(/[\\"'()]/g, '\\$&')
    case 'html':
      return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
    case 'html-attr-dq':
      return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;')
    case 'html-attr-sq':
      return text.replaceAll('&', '&amp;').replaceAll("'", '&#39;')
    case 'html-attr-uq':
      return text.replace(/[&"'=<>`\s]/g, (c) => `&#${c.codePointAt(0)};`)
    case 'yaml':
      return /^[\s'"[\]{}>|*&!%@`#,?:-]|: | #|\s$/.test(text) || text === '' ? JSON.stringify(text).slice(1, -1) : text.replace(/\r?\n/g, ' ')
    case 'yaml-dq':
      return JSON.stringify(text).slice(1, -1)
    case 'yaml-sq':
      return text.replace(/\r?\n/g, ' ').replaceAll("'", "''")
  }
}

/**
 * Rebuild a document. `textOf(position)` is the text written for a unit (its translation, or its
 * source for one left untranslated). A unit whose text equals its source, and whose codes' holes
 * do too, is written as its source's own bytes, so a document with every target equal to its
 * source comes back byte for byte; any other is written from its codes' markup and its encoded text.
 */
export function renderDocument(skeleton: Skeleton, units: readonly RenderUnit[], textOf: (position: number) => string): string {
  const byPos = new Map(units.map((u) => [u.position, u]))
  const same = new Map<number, boolean>()
  const identical = (pos: number, depth = 0): boolean => {
    const known = same.get(pos)
    if (known !== undefined) return known
    const u = byPos.get(pos)
    let ok = u !== undefined && textOf(pos) === u.source
    if (ok && u?.codes && depth < 8) {
      for (const c of u.codes) {
        for (const m of [c.open, c.close, c.data]) for (const p of m ?? []) if (typeof p !== 'string' && !identical(p.unit, depth + 1)) ok = false
      }
    }
    same.set(pos, ok)
    return ok
  }
  const newline = skeleton.parts.some((p) => typeof p === 'string' && p.includes('\r\n')) ? '\r\n' : '\n'
  // The document written so far: a Markdown text unit's line breaks and line starts depend on it.
  let out = ''
  const unit = (pos: number, depth = 0): string => {
    const slot = skeleton.slots[pos - 1]
    const u = byPos.get(pos)
    if (!slot || !u) return ''
    if (identical(pos)) return slot.raw
    const text = textOf(pos)
    let encode = (t: string): string => encodeFor(slot.enc, t)
    const markdownText = slot.enc === 'md' && depth === 0
    if (markdownText) encode = markdownTextWriter(markdownPlace(out, newline))
    const written =
      !hasMarks(text) && !u.codes?.length
        ? encode(text)
        : renderTagged(text, u.codes ?? [], {
            encode,
            unit: (p) => (depth < 8 ? unit(p, depth + 1) : ''),
          })
    // A line break at the unit's end would leave a line of only its block's continuation.
    return markdownText ? written.replace(/(?:[ \t]*\r?\n[ \t>]*)+$/, '') : written
  }
  for (const p of skeleton.parts) out += typeof p === 'string' ? p : unit(p.unit)
  return out
}

/** A unit's text as plain text (codes left out): for titles and the plain-text export. */
export function plainOf(tagged: string): string {
  return plainTextLenient(tagged)
}
