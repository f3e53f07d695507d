/**
 * Inline codes read back into tagged text (src/codes/): what Tolk writes (inline-codes.ts) and what
 * other tools write — XLIFF 2.0 `<ph>`/`<pc>`/`<sc>`/`<ec>`, XLIFF 1.2 `<x>`/`<g>`/`<bx>`/`<ex>`/
 * `<bpt>`/`<ept>`/`<ph>`/`<it>`, TMX `<bpt>`/`<ept>`/`<ph>`/`<it>`. A code's native markup (a
 * `<bpt>`'s content) is left out: the unit's own codes say what each stands for.
 */
import { escapeText as escapeTagged } from '../codes/tagged-text.js'
import type { XmlElement } from './xml.js'

/**
 * Code numbers by the file's ids, shared by a unit's source and target: numbered from 1 in the
 * order the codes open in the source (as Tolk numbers them), so a target's `<pc id="x">` is the
 * same code as the source's. Read the source first.
 */
export class CodeNumbers {
  private readonly ids = new Map<string, number>()
  private standalone = 0
  private frozen = false
  /**
   * The number of the code the file calls `key`; after `rewind()` (reading the target), undefined
   * for a code the file's source lacks: a tool's own added code is left out, its text kept.
   */
  of(key: string): number | undefined {
    let n = this.ids.get(key)
    if (n === undefined && !this.frozen) {
      n = this.ids.size + 1
      this.ids.set(key, n)
    }
    return n
  }
  /** A key for a standalone code that has no id (a TMX `<ph>` without `x`): the nth such code. */
  nextAnonymous(): string {
    return `s#${++this.standalone}`
  }
  /** Done with the source: count anonymous codes again, and take no new ids (for the target). */
  rewind(): void {
    this.standalone = 0
    this.frozen = true
  }
}

const LEGACY_CODE = /⟦\/?[1-9]/u
const PAIRED = new Set(['pc', 'g'])
const OPENS = new Set(['sc', 'bx', 'bpt'])
const CLOSES = new Set(['ec', 'ex', 'ept'])
const STANDALONE = new Set(['ph', 'x', 'it', 'ut'])

/**
 * The tagged text of a `<source>`, `<target>` or `<seg>`. An element without code elements whose
 * text already holds codes (`⟦1⟧`: a file exported before codes were markup) is taken as it is.
 */
export function readInline(el: XmlElement, numbers: CodeNumbers): string {
  let raw = ''
  let codes = 0
  const walk = (parent: XmlElement): string => {
    let out = ''
    for (const c of parent.children) {
      if (typeof c === 'string') {
        raw += c
        out += escapeTagged(c)
        continue
      }
      const name = c.name
      const id = c.attrs.id
      if (name === 'cp' && c.attrs.hex) {
        const ch = String.fromCodePoint(Number.parseInt(c.attrs.hex, 16))
        raw += ch
        out += escapeTagged(ch)
      } else if (PAIRED.has(name)) {
        codes++
        const n = numbers.of(`p:${id ?? ''}`)
        out += n === undefined ? walk(c) : `⟦${n}⟧${walk(c)}⟦/${n}⟧`
      } else if (OPENS.has(name) || CLOSES.has(name)) {
        codes++
        const key = c.attrs.i ?? (name === 'ec' ? c.attrs.startRef : undefined) ?? c.attrs.rid ?? id ?? ''
        const n = numbers.of(`p:${key}`)
        if (n !== undefined) out += OPENS.has(name) ? `⟦${n}⟧` : `⟦/${n}⟧`
      } else if (STANDALONE.has(name)) {
        codes++
        const key = id ?? c.attrs.x ?? numbers.nextAnonymous()
        const n = numbers.of(`s:${key}`)
        if (n !== undefined) out += `⟦${n}/⟧`
      } else if (name !== 'sub') {
        // <mrk>, <hi> and unknown inline elements: their text is part of the segment.
        out += walk(c)
      }
    }
    return out
  }
  const tagged = walk(el)
  return codes === 0 && LEGACY_CODE.test(raw) ? raw : tagged
}
