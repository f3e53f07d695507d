/**
 * Collects a document's skeleton and units as a parser walks it in source order: source bytes up
 * to a point go to the skeleton; a block's inline content becomes sentences (units) with codes;
 * an attribute value (alt, title, a front-matter title) becomes a unit of its own.
 */
import { codeTag, escapeText } from '../codes/tagged-text.js'
import type { CodeData, Markup } from '../codes/types.js'
import type { BlockKind } from '../model/unit.js'
import { isSpace } from '../segment/chars.js'
import { sentenceSpans } from '../segment/segment-text.js'
import type { Atom, CodeAtom, TextAtom } from './atoms.js'
import type { Encoding, Slot } from './types.js'

/** A unit as a document gives it: tagged text, its codes, where it sits. */
export interface DocumentUnit {
  source: string
  codes: CodeData[]
  kind: BlockKind
  block: number
  /** White space that separates it from the next unit in a plain-text export. */
  trailing: string
}

/** A parser's mistake, never the document's: the walk went backwards in the source. */
export class SkeletonError extends Error {}

// Stands for a standalone code while a block's sentences are found: a symbol, never white space.
const OBJECT = '\uFFFC'
const HAS_TEXT = /[^\s\uFFFC]/u

export class DocumentBuilder {
  readonly parts: (string | { unit: number })[] = []
  readonly slots: Slot[] = []
  readonly units: DocumentUnit[] = []
  private cursor = 0
  private block = -1

  constructor(
    readonly source: string,
    readonly lang: string,
  ) {}

  /** Copy the source's bytes up to `offset` into the skeleton. */
  copyTo(offset: number): void {
    if (offset < this.cursor) throw new SkeletonError(`skeleton went back from ${this.cursor} to ${offset}`)
    if (offset > this.cursor) this.literal(this.source.slice(this.cursor, offset))
    this.cursor = offset
  }

  /** Skip the source up to `offset`: what was there is written by the caller (a hole, markup). */
  skipTo(offset: number): void {
    if (offset < this.cursor) throw new SkeletonError(`skeleton went back from ${this.cursor} to ${offset}`)
    this.cursor = offset
  }

  get at(): number {
    return this.cursor
  }

  private literal(s: string): void {
    const last = this.parts.length - 1
    if (typeof this.parts[last] === 'string') this.parts[last] += s
    else if (s) this.parts.push(s)
  }

  private markup(m: Markup): void {
    for (const p of m) {
      if (typeof p === 'string') this.literal(p)
      else this.parts.push(p)
    }
  }

  /**
   * A unit for an attribute-like value (`decoded`, whose source bytes are `raw`), not split into
   * sentences. Returns its position, or undefined when it holds no text (it stays in the skeleton
   * as `raw`; the caller writes that).
   */
  valueUnit(decoded: string, raw: string, enc: Encoding, role: string, kind: BlockKind = 'paragraph'): number | undefined {
    if (!HAS_TEXT.test(decoded)) return undefined
    this.block++
    this.units.push({ source: escapeText(decoded), codes: [], kind, block: this.block, trailing: '\n\n' })
    this.slots.push({ enc, raw, role })
    return this.units.length
  }

  /** A value unit written into the skeleton at the cursor, covering the source up to `end`. */
  valueHere(decoded: string, end: number, enc: Encoding, role: string): void {
    const raw = this.source.slice(this.cursor, end)
    const pos = this.valueUnit(decoded, raw, enc, role)
    if (pos === undefined) return
    this.parts.push({ unit: pos })
    this.cursor = end
  }

  /**
   * A block's inline content, the source from the cursor to `end`: its sentences become units
   * (a heading is one, whatever it holds), never split inside a paired code; white space between
   * them, and a block without text, stay in the skeleton.
   */
  inline(atoms: Atom[], end: number, kind: BlockKind, role: string, enc: Encoding, whole = false): void {
    this.skipTo(end)
    pairUp(atoms)
    let flat = ''
    for (const a of atoms) flat += a.t === 'text' ? a.text : width(a)
    if (!HAS_TEXT.test(flat)) {
      for (const a of atoms) this.markup(a.t === 'text' ? [a.raw] : a.markup)
      return
    }
    this.block++
    let spans = whole ? [trimmed(flat)] : sentenceSpans(flat, this.lang)
    // A sentence of codes alone joins the one before it (or after it, first in a block).
    spans = joinTextless(spans, flat)
    const cut = new Set<number>()
    for (const [s, e] of spans) cut.add(s).add(e)
    const pieces = splitAtoms(atoms, cut)
    const owner = assign(pieces, spans)
    const groups = mergePairs(pieces, owner, spans.length)
    let k = 0
    for (let g = 0; g < groups.length; g++) {
      const [first, last] = groups[g] as [number, number]
      while (k < first) this.piece(pieces[k++] as Piece)
      const unitAtoms = pieces.slice(first, last + 1).map((p) => p.atom)
      k = last + 1
      // What follows in the block before the next unit, for a plain-text export.
      const next = groups[g + 1]?.[0] ?? pieces.length
      const gap = pieces.slice(k, next).map((p) => (p.atom.t === 'text' ? p.atom.raw : '')).join('')
      const trailing = g === groups.length - 1 ? '\n\n' : gap && !HAS_TEXT.test(gap) ? gap : ' '
      const pos = this.unitOf(unitAtoms, kind, trailing, enc, role)
      this.parts.push({ unit: pos })
    }
    while (k < pieces.length) this.piece(pieces[k++] as Piece)
  }

  private piece(p: Piece): void {
    this.markup(p.atom.t === 'text' ? [p.atom.raw] : p.atom.markup)
  }

  private unitOf(atoms: Atom[], kind: BlockKind, trailing: string, enc: Encoding, role: string): number {
    let source = ''
    let raw = ''
    const codes: CodeData[] = []
    const ids = new Map<number, CodeData>()
    for (const a of atoms) {
      raw += a.raw
      if (a.t === 'text') {
        source += escapeText(a.text)
        continue
      }
      if (a.kind === 'close') {
        const open = a.pair === undefined ? undefined : ids.get(a.pair)
        if (open) {
          open.close = a.markup
          source += codeTag({ kind: 'close', id: open.id })
        }
        continue
      }
      const code: CodeData = { id: codes.length + 1, kind: a.kind === 'open' ? 'paired' : 'standalone', what: a.what }
      if (a.kind === 'open') {
        code.open = a.markup
        code.close = []
        if (a.pair !== undefined) ids.set(a.pair, code)
      } else {
        code.data = a.markup
      }
      codes.push(code)
      source += codeTag({ kind: a.kind, id: code.id })
    }
    this.units.push({ source, codes, kind, block: this.block, trailing })
    this.slots.push({ enc, raw, role })
    return this.units.length
  }

  /** The skeleton's end: the rest of the source. */
  finish(): void {
    this.copyTo(this.source.length)
  }
}

/**
 * What a code stands for in a block's flat text while its sentences are found: nothing for a paired
 * code, a line break for a line break (so `storm.<br>Read` splits there, the break left between
 * the units), an object character for any other standalone code.
 */
function width(a: CodeAtom): string {
  if (a.kind !== 'standalone') return ''
  return a.what === 'break' || a.what === 'html:br' ? '\n' : OBJECT
}

interface Piece {
  atom: Atom
  /** Offset in the block's flat text. */
  start: number
  end: number
}

function trimmed(flat: string): [number, number] {
  let s = 0
  let e = flat.length
  while (s < e && isSpace(flat.charCodeAt(s))) s++
  while (e > s && isSpace(flat.charCodeAt(e - 1))) e--
  return [s, e]
}

function joinTextless(spans: Array<[number, number]>, flat: string): Array<[number, number]> {
  const out: Array<[number, number]> = []
  let pending: number | undefined
  for (const [s, e] of spans) {
    const text = HAS_TEXT.test(flat.slice(s, e))
    const last = out[out.length - 1]
    if (!text && last) last[1] = e
    else if (!text) pending ??= s
    else {
      out.push([pending ?? s, e])
      pending = undefined
    }
  }
  return out
}

/** Pair open and close atoms that are not paired yet (HTML tags in Markdown); a lone one is standalone. */
function pairUp(atoms: Atom[]): void {
  const stack: CodeAtom[] = []
  let next = 1_000_000
  for (const a of atoms) {
    if (a.t !== 'code' || a.pair !== undefined) continue
    if (a.kind === 'open') stack.push(a)
    else if (a.kind === 'close') {
      const at = stack.map((o) => tagName(o.raw)).lastIndexOf(tagName(a.raw))
      if (at < 0) {
        a.kind = 'standalone'
        continue
      }
      const open = stack[at] as CodeAtom
      for (const lone of stack.splice(at)) if (lone !== open) lone.kind = 'standalone'
      open.pair = a.pair = next++
    }
  }
  for (const lone of stack) lone.kind = 'standalone'
  // A close whose open was made standalone above is standalone too.
  const opened = new Set<number>()
  for (const a of atoms) {
    if (a.t !== 'code' || a.pair === undefined) continue
    if (a.kind === 'open') opened.add(a.pair)
    else if (a.kind === 'close' && !opened.has(a.pair)) a.kind = 'standalone'
  }
}

function tagName(raw: string): string {
  return /^<\/?([A-Za-z][\w-]*)/.exec(raw)?.[1]?.toLowerCase() ?? raw
}

/** Split splittable text atoms at the sentence boundaries, giving each piece its flat range. */
function splitAtoms(atoms: Atom[], cut: Set<number>): Piece[] {
  const out: Piece[] = []
  let at = 0
  for (const a of atoms) {
    if (a.t === 'code') {
      const w = width(a).length
      out.push({ atom: a, start: at, end: at + w })
      at += w
      continue
    }
    if (!a.split) {
      out.push({ atom: a, start: at, end: at + a.text.length })
      at += a.text.length
      continue
    }
    let from = 0
    for (let i = 1; i < a.text.length; i++) {
      if (!cut.has(at + i)) continue
      const text = a.text.slice(from, i)
      out.push({ atom: { t: 'text', text, raw: text, split: true } satisfies TextAtom, start: at + from, end: at + i })
      from = i
    }
    const text = a.text.slice(from)
    out.push({ atom: { t: 'text', text, raw: text, split: true }, start: at + from, end: at + a.text.length })
    at += a.text.length
  }
  return out
}

/** Which sentence each piece belongs to, -1 for white space between sentences. */
function assign(pieces: Piece[], spans: Array<[number, number]>): number[] {
  const within = (k: number): number => spans.findIndex(([s, e]) => s <= k && k < e)
  return pieces.map((p) => {
    const a = p.atom
    if (a.t === 'text' || a.kind === 'standalone') {
      if (p.end === p.start) return -1
      const i = within(p.start)
      return i >= 0 ? i : within(p.end - 1)
    }
    if (a.kind === 'open') {
      const i = within(p.start)
      if (i >= 0) return i
      const next = spans.findIndex(([s]) => s >= p.start)
      return next >= 0 ? next : spans.length - 1
    }
    const i = spans.findIndex(([s, e]) => s < p.start && p.start <= e)
    if (i >= 0) return i
    let prev = -1
    spans.forEach(([, e], j) => {
      if (e <= p.start) prev = j
    })
    return prev >= 0 ? prev : 0
  })
}

/** Join sentences a paired code spans; each group's first and last piece. */
function mergePairs(pieces: Piece[], owner: number[], n: number): Array<[number, number]> {
  const joined = new Array<boolean>(n).fill(false) // joined[i]: sentence i and i + 1 are one unit
  const openAt = new Map<number, number>()
  pieces.forEach((p, k) => {
    const a = p.atom
    if (a.t !== 'code' || a.pair === undefined) return
    if (a.kind === 'open') openAt.set(a.pair, owner[k] as number)
    else if (a.kind === 'close') {
      const from = openAt.get(a.pair)
      const to = owner[k] as number
      if (from === undefined) return
      for (let i = Math.min(from, to); i < Math.max(from, to); i++) joined[i] = true
    }
  })
  const group = new Array<number>(n)
  let g = 0
  for (let i = 0; i < n; i++) {
    group[i] = g
    if (!joined[i]) g++
  }
  const extents: Array<[number, number]> = []
  owner.forEach((o, k) => {
    if (o < 0) return
    const gi = group[o] as number
    const ext = extents[gi]
    if (ext) ext[1] = k
    else extents[gi] = [k, k]
  })
  // Extents follow the source; one that reaches back into the one before joins it.
  const out: Array<[number, number]> = []
  for (const e of extents) {
    if (!e) continue
    const last = out[out.length - 1]
    if (last && e[0] <= last[1]) last[1] = Math.max(last[1], e[1])
    else out.push([e[0], e[1]])
  }
  return out
}
