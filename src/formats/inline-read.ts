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

/** Whether `name` is a code element that stands alone in the text (not `<pc>`/`<g>`, which wrap it). */
export function isCode(name: string): boolean {
  return OPENS.has(name) || CLOSES.has(name) || STANDALONE.has(name)
}

/**
 * The notation of one code element (`<sc>`, `<ec>`, `<bx>`, `<ex>`, `<bpt>`, `<ept>`, `<ph>`, `<x>`,
 * `<it>`, `<ut>`): its key is TMX's `i`, an `<ec>`'s `startRef`, XLIFF 1.2's `rid`, else its id, so
 * an open and its close share a number. '' for a code the source lacks.
 */
export function codeTag(name: string, attrs: Record<string, string | undefined>, numbers: CodeNumbers): string {
  if (STANDALONE.has(name)) {
    const n = numbers.of(`s:${attrs.id ?? attrs.x ?? numbers.nextAnonymous()}`)
    return n === undefined ? '' : `⟦${n}/⟧`
  }
  const key = attrs.i ?? (name === 'ec' ? attrs.startRef : undefined) ?? attrs.rid ?? attrs.id ?? ''
  const n = numbers.of(`p:${key}`)
  if (n === undefined) return ''
  return OPENS.has(name) ? `⟦${n}⟧` : `⟦/${n}⟧`
}

/**
 * Tagged text from text read with its codes dropped (`raw`) and with them (`tagged`): a text without
 * code elements whose text already holds codes (`⟦1⟧`: a file exported before codes were markup)
 * is taken as it is.
 */
export function legacyOr(raw: string, tagged: string, codes: number): string {
  return codes === 0 && LEGACY_CODE.test(raw) ? raw : tagged
}

/**
 * The tagged text of a `<source>`, `<target>` or `<seg>` (see legacyOr). With `interpolations`,
 * each standalone code that shows an interpolation (Angular's `<x equiv-text="{{ minutes }}"/>`,
 * `<ph disp="{{ minutes }}"/>`) is recorded there by its number.
 */
export function readInline(el: XmlElement, numbers: CodeNumbers, interpolations?: Map<number, string>): string {
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
      } else if (isCode(name)) {
        codes++
        const tag = codeTag(name, c.attrs, numbers)
        out += tag
        const shown = c.attrs['equiv-text'] ?? c.attrs.disp
        if (interpolations && tag && shown?.includes('{{')) interpolations.set(Number(/\d+/.exec(tag)![0]), shown)
      } else if (name !== 'sub') {
        // <mrk>, <hi> and unknown inline elements: their text is part of the segment.
        out += walk(c)
      }
    }
    return out
  }
  const tagged = walk(el)
  return legacyOr(raw, tagged, codes)
}

/** A `<seg>` as read: text, and code elements (`<bpt>`, `<ph>`…) whose content (native code) is skipped. */
export interface SegRead {
  lang: string
  raw: string
  parts: (string | { name: string; attrs: Record<string, string> })[]
  codes: number
}

/**
 * Each variant's tagged text: codes numbered in the order they open in the source variant (the one
 * in the unit's source language, else the first), a target's codes by the same `i`/`x`; a code the
 * source lacks is left out.
 */
export function taggedVariants(segs: SegRead[], srcLang: string): Array<{ lang: string; text: string }> {
  const numbers = new CodeNumbers()
  const first = Math.max(0, segs.findIndex((v) => v.lang === srcLang))
  const order = [first, ...segs.keys()].filter((i, at) => at === 0 || i !== first)
  const texts: string[] = []
  for (const [at, i] of order.entries()) {
    const v = segs[i] as SegRead
    // Each target counts its anonymous codes from the first again, and takes no new ids.
    if (at > 0) numbers.rewind()
    let tagged = ''
    for (const p of v.parts) tagged += typeof p === 'string' ? escapeTagged(p) : codeTag(p.name, p.attrs, numbers)
    texts[i] = legacyOr(v.raw, tagged, v.codes)
  }
  return segs.map((v, i) => ({ lang: v.lang, text: texts[i] as string }))
}
