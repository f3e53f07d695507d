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

/** Encode a translation's text for where it is written. */
export function encodeFor(enc: Encoding, text: string): string {
  switch (enc) {
    case 'md':
      return text.replace(MD_SPECIAL, '\\$&')
    case 'md-cell':
      return text.replace(/\r?\n/g, ' ').replace(MD_CELL, '\\$&')
    case 'md-alt':
      return text.replace(/[\\[\]]/g, '\\$&')
    case 'md-title':
      return text.replace(/[\\"'()]/g, '\\$&')
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
  const unit = (pos: number, depth = 0): string => {
    const slot = skeleton.slots[pos - 1]
    const u = byPos.get(pos)
    if (!slot || !u) return ''
    if (identical(pos)) return slot.raw
    const text = textOf(pos)
    if (!hasMarks(text) && !u.codes?.length) return encodeFor(slot.enc, text)
    return renderTagged(text, u.codes ?? [], {
      encode: (t) => encodeFor(slot.enc, t),
      unit: (p) => (depth < 8 ? unit(p, depth + 1) : ''),
    })
  }
  let out = ''
  for (const p of skeleton.parts) out += typeof p === 'string' ? p : unit(p.unit)
  return out
}

/** A unit's text as plain text (codes left out): for titles and the plain-text export. */
export function plainOf(tagged: string): string {
  return plainTextLenient(tagged)
}
