/**
 * HTML in (a news article or a CMS body), parsed by parse5 with source locations: tags, block
 * elements and `<head>` stay in the skeleton byte for byte; the inline content of each block
 * becomes units, inline elements codes; `alt` and `title` attributes, `<title>` and the meta
 * description are units of their own.
 */
import { type DefaultTreeAdapterMap, parse, parseFragment } from 'parse5'
import type { Markup } from '../codes/types.js'
import type { BlockKind } from '../model/unit.js'
import { type Atom, textAtoms } from './atoms.js'
import type { DocumentBuilder } from './builder.js'
import type { Encoding } from './types.js'

type Node = DefaultTreeAdapterMap['node']
type Element = DefaultTreeAdapterMap['element']
type ParentNode = DefaultTreeAdapterMap['parentNode']

/** Never translated, never split: their bytes are skeleton (or one standalone code, inline). */
const OPAQUE = new Set(['script', 'style', 'pre', 'code', 'textarea', 'template', 'svg', 'math', 'noscript', 'iframe', 'object', 'canvas', 'video', 'audio', 'select'])
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'label', 'mark', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var',
])
const VOID = new Set(['br', 'wbr', 'img', 'input', 'area', 'embed', 'source', 'track', 'col', 'hr', 'meta', 'link', 'base', 'param'])
const ATTRIBUTES = ['alt', 'title'] as const

function isElement(n: Node): n is Element {
  return 'tagName' in n
}

function attr(e: Element, name: string): string | undefined {
  return e.attrs.find((a) => a.name === name)?.value
}

function untranslatable(e: Element): boolean {
  if (attr(e, 'translate')?.toLowerCase() === 'no') return true
  return (attr(e, 'class') ?? '').split(/\s+/).includes('notranslate')
}

function isInline(n: Node): boolean {
  if (!isElement(n)) return n.nodeName === '#text' || n.nodeName === '#comment'
  const t = n.tagName
  return INLINE.has(t) || VOID.has(t) || t === 'code' || (untranslatable(n) && INLINE.has(t))
}

/** Whether a text looks like a whole HTML document rather than a fragment (a CMS body). */
export function isWholeDocument(text: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype|html|head)\b/i.test(text)
}

/** Walk an HTML document into `b`; returns its `<title>`, else its first heading's text. */
export function readHtml(b: DocumentBuilder): { title?: string } {
  const src = b.source
  const root: ParentNode = isWholeDocument(src)
    ? parse(src, { sourceCodeLocationInfo: true })
    : parseFragment(src, { sourceCodeLocationInfo: true })
  let title: string | undefined
  let heading: string | undefined
  let pair = 1

  /** A start tag's markup, its alt and title values units of their own. */
  const startTag = (e: Element): Markup => {
    const loc = e.sourceCodeLocation
    if (!loc?.startTag) return []
    const out: (string | { unit: number })[] = []
    let at = loc.startTag.startOffset
    const values: Array<{ from: number; to: number; pos: number }> = []
    for (const name of e.tagName === 'meta' ? ['content'] : ATTRIBUTES) {
      if (name === 'content' && attr(e, 'name')?.toLowerCase() !== 'description') continue
      const value = attr(e, name)
      const where = loc.attrs?.[name]
      if (value === undefined || !where) continue
      const text = src.slice(where.startOffset, where.endOffset)
      const m = /^[^=]*=\s*(["']?)/.exec(text)
      if (!m) continue
      const q = m[1]
      const from = where.startOffset + m[0].length
      const to = q ? where.endOffset - 1 : where.endOffset
      const enc: Encoding = q === '"' ? 'html-attr-dq' : q === "'" ? 'html-attr-sq' : 'html-attr-uq'
      const pos = b.valueUnit(value, src.slice(from, to), enc, name === 'content' ? 'meta' : name)
      if (pos !== undefined) values.push({ from, to, pos })
    }
    values.sort((x, y) => x.from - y.from)
    for (const v of values) {
      out.push(src.slice(at, v.from), { unit: v.pos })
      at = v.to
    }
    out.push(src.slice(at, loc.startTag.endOffset))
    return out
  }

  /** Write a start tag into the skeleton at its place. */
  const skeletonTag = (e: Element): void => {
    const loc = e.sourceCodeLocation?.startTag
    if (!loc) return
    b.copyTo(loc.startOffset)
    for (const p of startTag(e)) {
      if (typeof p === 'string') b.copyTo(b.at + p.length)
      else holeAt(p.unit) // the hole stands where the value's bytes were
    }
  }
  const holeAt = (pos: number): void => {
    b.parts.push({ unit: pos })
    b.skipTo(b.at + (b.slots[pos - 1] as { raw: string }).raw.length)
  }

  const phrasing = (nodes: readonly Node[]): Atom[] => {
    const atoms: Atom[] = []
    for (const n of nodes) {
      const loc = n.sourceCodeLocation
      if (!loc) continue
      const raw = src.slice(loc.startOffset, loc.endOffset)
      if (n.nodeName === '#text') {
        atoms.push(...textAtoms(raw, (n as DefaultTreeAdapterMap["textNode"]).value, false))
        continue
      }
      if (!isElement(n)) {
        atoms.push({ t: 'code', kind: 'standalone', what: 'comment', markup: [raw], raw })
        continue
      }
      const what = `html:${n.tagName}`
      if (OPAQUE.has(n.tagName) || untranslatable(n) || VOID.has(n.tagName) || n.childNodes.length === 0) {
        const markup = VOID.has(n.tagName) && !untranslatable(n) ? [...startTag(n), src.slice(n.sourceCodeLocation?.startTag?.endOffset ?? loc.endOffset, loc.endOffset)] : [raw]
        atoms.push({ t: 'code', kind: 'standalone', what, markup, raw })
        continue
      }
      const id = pair++
      const open = startTag(n)
      const openEnd = n.sourceCodeLocation?.startTag?.endOffset ?? loc.startOffset
      const closeLoc = n.sourceCodeLocation?.endTag
      atoms.push({ t: 'code', kind: 'open', what, markup: open, raw: src.slice(loc.startOffset, openEnd), pair: id })
      atoms.push(...phrasing(n.childNodes))
      const closeRaw = closeLoc ? src.slice(closeLoc.startOffset, closeLoc.endOffset) : ''
      atoms.push({ t: 'code', kind: 'close', what, markup: [closeRaw], raw: closeRaw, pair: id })
    }
    return atoms
  }

  const run = (nodes: Node[], kind: BlockKind, role: string): void => {
    const first = nodes.find((n) => n.sourceCodeLocation)
    const last = [...nodes].reverse().find((n) => n.sourceCodeLocation)
    if (!first || !last) return
    b.copyTo(first.sourceCodeLocation?.startOffset ?? 0)
    const atoms = phrasing(nodes)
    const whole = kind === 'heading'
    b.inline(atoms, last.sourceCodeLocation?.endOffset ?? 0, kind, role, 'html', whole)
    if (kind === 'heading' && heading === undefined) heading = atoms.map((a) => (a.t === 'text' ? a.text : '')).join('').trim()
  }

  const children = (parent: ParentNode, kind: BlockKind, role: string): void => {
    let pending: Node[] = []
    const flush = (): void => {
      if (pending.length) run(pending, kind, role)
      pending = []
    }
    for (const n of parent.childNodes) {
      if (isInline(n)) pending.push(n)
      else {
        flush()
        if (isElement(n)) element(n, kind)
      }
    }
    flush()
  }

  const element = (e: Element, parentKind: BlockKind): void => {
    const t = e.tagName
    if (!e.sourceCodeLocation) {
      children(e, parentKind, parentKind)
      return
    }
    if (OPAQUE.has(t) || untranslatable(e)) return
    if (t === 'head') {
      for (const c of e.childNodes) {
        if (!isElement(c)) continue
        if (c.tagName === 'title' && c.sourceCodeLocation) {
          const text = c.childNodes[0]
          const loc = text?.sourceCodeLocation
          if (text && loc && text.nodeName === '#text') {
            const value = (text as DefaultTreeAdapterMap['textNode']).value
            const lead = value.length - value.trimStart().length
            const trail = value.length - value.trimEnd().length
            b.copyTo(loc.startOffset + lead)
            b.valueHere(value.trim(), loc.endOffset - trail, 'html', 'title')
            if (title === undefined) title = value.trim()
          }
        } else if (c.tagName === 'meta') skeletonTag(c)
      }
      return
    }
    skeletonTag(e)
    const kind: BlockKind = /^h[1-6]$/.test(t) ? 'heading' : t === 'li' || t === 'dt' || t === 'dd' ? 'list-item' : t === 'blockquote' ? 'quote' : parentKind === 'heading' ? 'paragraph' : parentKind
    const role = t === 'td' || t === 'th' ? 'table-cell' : t === 'figcaption' ? 'caption' : kind
    if (e.tagName === 'template') return
    children(e, kind, role)
  }

  children(root, 'paragraph', 'paragraph')
  const t = title ?? heading
  return t ? { title: t } : {}
}
