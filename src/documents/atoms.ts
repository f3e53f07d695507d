/** The pieces of a block's inline content: text (decoded, with its source bytes) and codes. */
import { decodeHTML } from 'entities'
import type { Markup } from '../codes/types.js'

export interface TextAtom {
  t: 'text'
  /** Decoded text (what the unit holds). */
  text: string
  /** The source's bytes for it. */
  raw: string
  /** `raw === text`: a sentence boundary may cut it. */
  split: boolean
}

export interface CodeAtom {
  t: 'code'
  kind: 'open' | 'close' | 'standalone'
  what: string
  /** The code's markup, with holes for attribute units. */
  markup: Markup
  /** The source's bytes for it. */
  raw: string
  /** Shared by the open and close atoms of one pair. */
  pair?: number
}

export type Atom = TextAtom | CodeAtom

const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/y
// Markdown's backslash escapes: any ASCII punctuation.
const PUNCT = /[!-/:-@[-`{-~]/
const TAG = /<\/?[A-Za-z][^<>]*>/y
const PREFIX = /[ \t]*(?:>[ \t]?[ \t]*)*/y
const PLACEHOLDER = /\{\{[^{}\n]{1,200}\}\}|\$t\([^()\n]{1,200}\)/y

function isWhite(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f'
}

/**
 * Atoms for a text whose source bytes are `raw` and decoded form `text`: literal stretches,
 * Markdown's `\`-escapes (with `escapes`) and entities (which no sentence boundary cuts), source-only white space (a Markdown
 * continuation line's indent, a CR), and `{{name}}` / `$t(…)` placeholders as standalone codes.
 * When the two cannot be lined up, one atom holds it all.
 */
export function textAtoms(raw: string, text: string, escapes: boolean, placeholders = true): Atom[] {
  const atoms: Atom[] = []
  let lit = ''
  const flush = (): void => {
    if (lit) atoms.push({ t: 'text', text: lit, raw: lit, split: true })
    lit = ''
  }
  let i = 0
  let j = 0
  while (i < raw.length) {
    const c = raw[i] as string
    if (placeholders && (c === '{' || c === '$')) {
      PLACEHOLDER.lastIndex = i
      const m = PLACEHOLDER.exec(raw)
      if (m && text.startsWith(m[0], j)) {
        flush()
        atoms.push({ t: 'code', kind: 'standalone', what: 'placeholder', markup: [m[0]], raw: m[0] })
        i += m[0].length
        j += m[0].length
        continue
      }
    }
    if (c === '\\' && escapes && i + 1 < raw.length && raw[i + 1] === text[j] && PUNCT.test(raw[i + 1] as string)) {
      flush()
      atoms.push({ t: 'text', text: raw[i + 1] as string, raw: raw.slice(i, i + 2), split: false })
      i += 2
      j++
      continue
    }
    if (c === '&') {
      ENTITY.lastIndex = i
      const m = ENTITY.exec(raw)
      const d = m ? decodeHTML(m[0]) : ''
      if (m && d !== m[0] && text.startsWith(d, j)) {
        flush()
        atoms.push({ t: 'text', text: d, raw: m[0], split: false })
        i += m[0].length
        j += d.length
        continue
      }
    }
    if (c === text[j]) {
      lit += c
      i++
      j++
      continue
    }
    if (escapes && i > 0 && raw[i - 1] === '\n') {
      // A continuation line's container marks (`> ` of a quote, a list item's indent).
      PREFIX.lastIndex = i
      const m = PREFIX.exec(raw)
      if (m && m[0] && (c !== text[j] || raw[i + m[0].length] === text[j])) {
        flush()
        atoms.push({ t: 'text', text: '', raw: m[0], split: false })
        i += m[0].length
        continue
      }
    }
    if (c === '<' && !escapes) {
      // parse5 moves white space after `</body>` or `</html>` into the body's last text: the tags
      // between are source bytes only.
      TAG.lastIndex = i
      const m = TAG.exec(raw)
      if (m) {
        flush()
        atoms.push({ t: 'text', text: '', raw: m[0], split: false })
        i += m[0].length
        continue
      }
    }
    if (isWhite(c)) {
      flush()
      atoms.push({ t: 'text', text: '', raw: c, split: false })
      i++
      continue
    }
    return [{ t: 'text', text, raw, split: false }]
  }
  if (j !== text.length) return [{ t: 'text', text, raw, split: false }]
  flush()
  return atoms
}
