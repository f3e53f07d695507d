/**
 * Markdown (CommonMark, GFM tables and autolink literals, YAML front matter) in: parsed by
 * micromark / mdast-util-from-markdown, whose node positions say which source bytes are block
 * syntax (skeleton) and which are a block's inline content (units, with inline markup as codes).
 */
import type { Nodes, PhrasingContent, RootContent } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter'
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { frontmatter } from 'micromark-extension-frontmatter'
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal'
import { gfmTable } from 'micromark-extension-gfm-table'
import type { Markup } from '../codes/types.js'
import type { BlockKind } from '../model/unit.js'
import { type Atom, textAtoms } from './atoms.js'
import type { DocumentBuilder } from './builder.js'
import { frontMatterValues } from './front-matter.js'
import { CHUNK, type MarkdownPiece, markdownPieces } from './markdown-chunks.js'

const VOID = new Set(['br', 'img', 'wbr', 'hr', 'input', 'source', 'embed', 'area', 'col', 'meta', 'link', 'track', 'param'])

function start(n: Nodes): number {
  return n.position?.start.offset ?? 0
}
function end(n: Nodes): number {
  return n.position?.end.offset ?? 0
}

/** Walk a Markdown document into `b`; returns the front matter's title, if any. */
export function readMarkdown(b: DocumentBuilder, chunkSize = CHUNK): { title?: string } {
  let title: string | undefined
  let fmTitle: string | undefined
  let pair = 1
  const src = b.source

  const phrasing = (nodes: readonly PhrasingContent[], from: number, to: number): Atom[] => {
    const atoms: Atom[] = []
    let at = from
    const gap = (until: number): void => {
      if (until > at) atoms.push({ t: 'text', text: '', raw: src.slice(at, until), split: false })
      at = Math.max(at, until)
    }
    for (const n of nodes) {
      gap(start(n))
      const raw = src.slice(start(n), end(n))
      const kids = 'children' in n ? (n.children as PhrasingContent[]) : []
      const paired = (what: string, close?: Markup): void => {
        const first = kids[0] as PhrasingContent
        const last = kids[kids.length - 1] as PhrasingContent
        const id = pair++
        const openRaw = src.slice(start(n), start(first))
        const closeRaw = src.slice(end(last), end(n))
        atoms.push({ t: 'code', kind: 'open', what, markup: [openRaw], raw: openRaw, pair: id })
        atoms.push(...phrasing(kids, start(first), end(last)))
        atoms.push({ t: 'code', kind: 'close', what, markup: close ?? [closeRaw], raw: closeRaw, pair: id })
      }
      const standalone = (what: string, markup: Markup = [raw]): void => {
        atoms.push({ t: 'code', kind: 'standalone', what, markup, raw })
      }
      switch (n.type) {
        case 'text':
          atoms.push(...textAtoms(raw, n.value, true))
          break
        case 'emphasis':
        case 'strong':
        case 'delete':
          if (kids.length) paired(n.type)
          else standalone(n.type)
          break
        case 'link':
        case 'linkReference':
          if (kids.length && raw.startsWith('[')) {
            const closeRaw = src.slice(end(kids[kids.length - 1] as PhrasingContent), end(n))
            paired('link', n.type === 'link' ? titled(closeRaw, n.title) : undefined)
          } else standalone('url')
          break
        case 'image':
        case 'imageReference':
          standalone('image', imageMarkup(raw, n.alt ?? '', n.type === 'image' ? n.title : undefined))
          break
        case 'inlineCode':
          standalone('code')
          break
        case 'break':
          standalone('break')
          break
        case 'html': {
          const name = /^<(\/?)([A-Za-z][\w-]*)[^>]*?(\/?)>$/s.exec(raw)
          const kind = !name || name[3] || VOID.has((name[2] as string).toLowerCase()) ? 'standalone' : name[1] ? 'close' : 'open'
          atoms.push({ t: 'code', kind, what: name ? `html:${(name[2] as string).toLowerCase()}` : 'html', markup: [raw], raw })
          break
        }
        default:
          standalone(n.type)
      }
      at = end(n)
    }
    gap(to)
    return atoms
  }

  /** A link's closing markup with its title a unit of its own: `](url "title")`. */
  const titled = (closeRaw: string, title: string | null | undefined): Markup | undefined => {
    if (!title) return undefined
    const m = /^(.*\s)(["'(])(.*)(["')])(\s*\))$/s.exec(closeRaw)
    if (!m) return undefined
    const pos = b.valueUnit(title, m[3] as string, 'md-title', 'title')
    return pos === undefined ? undefined : [`${m[1]}${m[2]}`, { unit: pos }, `${m[4]}${m[5]}`]
  }

  const imageMarkup = (raw: string, alt: string, title: string | null | undefined): Markup => {
    if (!raw.startsWith('![')) return [raw]
    // The alt's end: the `]` that closes the `[`, skipping escapes and nested brackets.
    let depth = 0
    let k = 2
    for (; k < raw.length; k++) {
      const c = raw[k]
      if (c === '\\') k++
      else if (c === '[') depth++
      else if (c === ']') {
        if (depth === 0) break
        depth--
      }
    }
    const out: (string | { unit: number })[] = ['![']
    const altPos = b.valueUnit(alt, raw.slice(2, k), 'md-alt', 'alt')
    out.push(altPos === undefined ? raw.slice(2, k) : { unit: altPos })
    const rest = raw.slice(k)
    const t = title ? titled(rest, title) : undefined
    if (t) out.push(...t)
    else out.push(rest)
    return out
  }

  const inline = (n: Nodes & { children: PhrasingContent[] }, kind: BlockKind, role: string, enc: 'md' | 'md-cell', whole = false): void => {
    const kids = n.children
    if (kids.length === 0) return
    const from = start(kids[0] as PhrasingContent)
    const to = end(kids[kids.length - 1] as PhrasingContent)
    b.copyTo(from)
    b.inline(phrasing(kids, from, to), to, kind, role, enc, whole)
  }

  const block = (n: RootContent | Nodes, kind: BlockKind): void => {
    switch (n.type) {
      case 'root':
      case 'blockquote':
      case 'list':
      case 'listItem':
      case 'table':
      case 'tableRow': {
        const k: BlockKind = n.type === 'blockquote' ? 'quote' : n.type === 'listItem' ? 'list-item' : kind
        for (const c of n.children) block(c, k)
        break
      }
      case 'paragraph':
        inline(n, kind, kind, 'md')
        break
      case 'heading':
        inline(n, 'heading', 'heading', 'md', true)
        if (title === undefined) title = textOf(n)
        break
      case 'tableCell':
        inline(n, 'paragraph', 'table-cell', 'md-cell', false)
        break
      case 'yaml': {
        b.copyTo(start(n))
        for (const v of frontMatterValues(src, start(n), end(n))) {
          b.copyTo(v.start)
          b.valueHere(v.decoded, v.end, v.enc, 'front-matter')
          if (v.key === 'title') fmTitle = v.decoded
        }
        break
      }
      default:
        // Code, HTML blocks, thematic breaks, definitions, TOML front matter: skeleton.
        break
    }
  }
  for (const piece of markdownPieces(src, chunkSize)) {
    const { start: from, end: to } = piece
    const tree = fromMarkdown(from === 0 && to === src.length ? src : src.slice(from, to), parseOptions(piece))
    if (from > 0) shift(tree, from)
    block(tree, 'paragraph')
  }
  const t = fmTitle ?? title
  return t === undefined ? {} : { title: t }
}

/** micromark's options for a piece, by the extensions it needs (see markdown-chunks.ts), made once each. */
const OPTIONS = new Map<string, Parameters<typeof fromMarkdown>[1]>()

function parseOptions(p: MarkdownPiece): Parameters<typeof fromMarkdown>[1] {
  const key = `${+p.frontMatter}${+p.table}${+p.autolink}`
  let o = OPTIONS.get(key)
  if (!o) {
    const extensions = []
    const mdastExtensions = []
    if (p.frontMatter) {
      extensions.push(frontmatter(['yaml', 'toml']))
      mdastExtensions.push(frontmatterFromMarkdown(['yaml', 'toml']))
    }
    if (p.table) {
      extensions.push(gfmTable())
      mdastExtensions.push(gfmTableFromMarkdown())
    }
    if (p.autolink) {
      extensions.push(gfmAutolinkLiteral())
      mdastExtensions.push(gfmAutolinkLiteralFromMarkdown())
    }
    o = { extensions, mdastExtensions }
    OPTIONS.set(key, o)
  }
  return o
}

/** Move a piece's node positions to where the piece stands in the whole document. */
function shift(n: Nodes, by: number): void {
  if (n.position) {
    n.position.start.offset = (n.position.start.offset ?? 0) + by
    n.position.end.offset = (n.position.end.offset ?? 0) + by
  }
  if ('children' in n) for (const c of n.children as Nodes[]) shift(c, by)
}

/** A node's text without its marks. */
function textOf(n: Nodes): string {
  if ('value' in n && typeof n.value === 'string' && n.type !== 'html') return n.type === 'inlineCode' ? n.value : n.value
  if (n.type === 'image') return n.alt ?? ''
  if ('children' in n) return (n.children as Nodes[]).map(textOf).join('')
  return ''
}
