import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import type { Nodes } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { frontmatter } from 'micromark-extension-frontmatter'
import { gfmTable } from 'micromark-extension-gfm-table'
import { parseFragment } from 'parse5'
import { describe, expect, it } from 'vitest'
import { checkCodes, plainText } from '../../src/codes/index.js'
import { renderDocument, segmentDocument, type SegmentedDocument } from '../../src/documents/index.js'
import { reassemble } from '../../src/model/unit.js'
import { htmlDocument, markdownDocument, textDocument } from './_generators.js'

const ctx = { articleId: 'doc-01', tag: 'en-docs', lang: 'en' }
const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8')

function sameAsSource(doc: SegmentedDocument): string {
  if (!doc.skeleton) throw new Error('no skeleton')
  return renderDocument(doc.skeleton, doc.units, (p) => doc.units[p - 1]?.source ?? '')
}

const BLOCK_MARK = /^(#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|>|\|)/

/**
 * The units that begin a block: a later sentence of the same block follows another unit with only
 * spaces or one line break between, and may well begin `2026. ` (which is no list there).
 */
function blockStarts(doc: SegmentedDocument): Set<number> {
  const parts = doc.skeleton?.parts ?? []
  const starts = new Set<number>()
  parts.forEach((p, i) => {
    if (typeof p === 'string') return
    const gap = parts[i - 1]
    const continues = typeof gap === 'string' && /^[ \t]*\r?\n?[ \t]*$/.test(gap) && typeof parts[i - 2] === 'object'
    if (!continues) starts.add(p.unit)
  })
  return starts
}

function checkUnits(doc: SegmentedDocument): void {
  const starts = blockStarts(doc)
  for (const u of doc.units) {
    if (doc.skeleton?.format === 'md' && starts.has(u.position)) expect(doc.skeleton.slots[u.position - 1]?.raw, u.source).not.toMatch(BLOCK_MARK)
    expect(u.source).not.toMatch(/\]\(|https?:\/\//)
    expect(checkCodes(u.source, u.source)).toEqual({ errors: [], warnings: [] })
    expect(u.source.trim()).toBe(u.source)
  }
}

/** A Markdown document's blocks, as a parser reads them: kinds and nesting, not their text. */
function markdownBlocks(text: string): string[] {
  const tree = fromMarkdown(text, { extensions: [frontmatter(['yaml']), gfmTable()], mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmTableFromMarkdown()] })
  const out: string[] = []
  const walk = (n: Nodes, depth: number): void => {
    if (n.type !== 'root') {
      const extra = n.type === 'heading' ? n.depth : n.type === 'list' ? String(n.ordered) : n.type === 'table' ? n.children.map((r) => r.children.length).join(',') : ''
      out.push(`${' '.repeat(depth)}${n.type}${extra}`)
    }
    if (n.type === 'root' || n.type === 'blockquote' || n.type === 'list' || n.type === 'listItem') for (const c of n.children) walk(c, depth + 1)
  }
  walk(tree, 0)
  return out
}

describe('documents in: the round trip', () => {
  it('Markdown: every target equal to its source gives the document back byte for byte', () => {
    fc.assert(
      fc.property(markdownDocument, (text) => {
        const doc = segmentDocument(text, 'md', ctx)
        expect(sameAsSource(doc)).toBe(text)
        checkUnits(doc)
      }),
      { numRuns: 300 },
    )
  })

  it('Markdown parsed in pieces (a long document) gives the same units and skeleton as parsed whole', () => {
    fc.assert(
      fc.property(fc.array(markdownDocument, { minLength: 1, maxLength: 4 }), (parts) => {
        // Headings between the parts, so there are places to cut.
        const text = parts.map((p, i) => (i === 0 ? p : `\n\n# Part ${i}\n\n${p.replace(/^---[\s\S]*?---\n/, '')}`)).join('')
        const whole = segmentDocument(text, 'md', ctx)
        const pieces = segmentDocument(text, 'md', ctx, { markdownChunk: 16 })
        expect(pieces.units).toEqual(whole.units)
        expect(pieces.skeleton).toEqual(whole.skeleton)
      }),
      { numRuns: 150 },
    )
  })

  it('Markdown cut before every block it can be (each piece with only the extensions it needs) gives what the whole parse gives', () => {
    fc.assert(
      fc.property(markdownDocument, (text) => {
        const whole = segmentDocument(text, 'md', ctx, { markdownChunk: Number.MAX_SAFE_INTEGER })
        const pieces = segmentDocument(text, 'md', ctx, { markdownChunk: 1 })
        expect(pieces.units).toEqual(whole.units)
        expect(pieces.skeleton).toEqual(whole.skeleton)
        expect(pieces.title).toEqual(whole.title)
      }),
      { numRuns: 300 },
    )
  })

  it('Markdown: a later sentence of a paragraph may begin with a number and a full stop', () => {
    const doc = segmentDocument('[Tolk](https://example.org/Tolk "See Tolk"). 2026. data.\n\nTolk splits text.\n2026. data.', 'md', ctx)
    expect(doc.units.map((u) => u.source)).toContain('2026. data.')
    expect(sameAsSource(doc)).toBe(doc.skeleton && renderDocument(doc.skeleton, doc.units, (p) => doc.units[p - 1]!.source))
    checkUnits(doc)
  })

  it('Markdown: a translation that begins a line with block syntax, or holds line breaks, stays in its block', () => {
    const hostile = ['# ', '- ', '1. ', '> ', '+ ', '2) ', '=== ', '~~~ ', '    ']
    fc.assert(
      fc.property(markdownDocument, fc.nat(), (text, k) => {
        const doc = segmentDocument(text, 'md', ctx)
        const out = renderDocument(doc.skeleton!, doc.units, (p) => {
          const h = (i: number) => hostile[(k + p + i) % hostile.length]
          return `${h(0)}${doc.units[p - 1]!.source} #\n${h(1)}x\n\n${h(2)}y\n---\n${h(3)}z ##`
        })
        expect(markdownBlocks(out)).toEqual(markdownBlocks(text))
      }),
      { numRuns: 300 },
    )
  })

  it('Markdown: a translation with line breaks in a list item or quote keeps them, inside the item or quote', () => {
    const text = '> Tolk splits text.\n\n- one item\n  more.\n- two\n\n# Head'
    const doc = segmentDocument(text, 'md', ctx)
    const out = renderDocument(doc.skeleton!, doc.units, (p) => `${doc.units[p - 1]!.source}\n- and # more`)
    expect(out).toBe('> Tolk splits text.\n> \\- and # more\n\n- one item\n  more.\n  \\- and # more\n- two\n  \\- and # more\n\n# Head - and # more')
  })

  it('HTML: every target equal to its source gives the document back byte for byte', () => {
    fc.assert(
      fc.property(htmlDocument, (text) => {
        const doc = segmentDocument(text, 'html', ctx)
        expect(sameAsSource(doc)).toBe(text)
        checkUnits(doc)
      }),
      { numRuns: 300 },
    )
  })

  it('text: the units and their white space give the text back (a literal ⟦ included)', () => {
    fc.assert(
      fc.property(textDocument, (text) => {
        const doc = segmentDocument(text, 'text', ctx)
        expect(doc.skeleton).toBeUndefined()
        expect(reassemble({ lead: doc.lead, units: doc.units.map((u) => ({ source: plainText(u.source), trailing: u.trailing })) })).toBe(text)
        for (const u of doc.units) expect(checkCodes(u.source, u.source).errors).toEqual([])
      }),
    )
  })

  it('a translated HTML document stays well formed, its text encoded', () => {
    fc.assert(
      fc.property(htmlDocument, (text) => {
        const doc = segmentDocument(text, 'html', ctx)
        // Every text run replaced by text with the characters HTML cares about.
        const out = renderDocument(doc.skeleton!, doc.units, (p) => (doc.units[p - 1]?.source ?? '').replace(/[^⟦⟧/0-9]+/g, 'a < b & "c"'))
        expect(out.replace(/="[^"]*"|='[^']*'|<script>.*?<\/script>/g, '')).not.toContain('a < b')
        expect(() => parseFragment(out)).not.toThrow()
      }),
      { numRuns: 100 },
    )
  })
})

describe('a Markdown guide', () => {
  const text = fixture('guide.md')
  const doc = segmentDocument(text, 'md', ctx)
  const sources = doc.units.map((u) => u.source)

  it('comes back byte for byte, with no block mark or URL in a unit', () => {
    expect(sameAsSource(doc)).toBe(text)
    checkUnits(doc)
  })

  it('takes its title from the front matter', () => {
    expect(doc.title).toBe('Getting started with Tolk')
  })

  it('keeps block syntax, code and front-matter keys out of the units', () => {
    expect(sources).toContain('Features')
    expect(sources).toContain('Splits text into sentences, one unit each.')
    expect(sources).toContain('Format')
    expect(sources).toContain('emphasis, links | images')
    expect(sources.join('\n')).not.toMatch(/npx tolk|indented code|layout: post|guide\]/)
    expect(sources).toContain('A short guide to importing, translating and exporting an article.')
  })

  it('turns inline markup into codes, with alt and title text as units of their own', () => {
    expect(sources).toContain('Tolk is a ⟦1⟧translation workbench⟦/1⟧.')
    expect(sources).toContain('Read the\n⟦1⟧full manual⟦/1⟧ when you need more.')
    expect(sources).toContain('The Tolk manual')
    expect(sources).toContain('The editor: source left, target right')
    expect(sources).toContain('Export the document: ⟦1/⟧.')
    expect(sources).toContain('Exports XLIFF, TMX, PO & i18next JSON.')
    const link = doc.units.find((u) => u.source.startsWith('Read the'))
    expect(link?.codes?.[0]).toMatchObject({ kind: 'paired', what: 'link', open: ['['] })
  })

  it('counts no code as a word', () => {
    const u = doc.units.find((x) => x.source === 'Export the document: ⟦1/⟧.')
    expect(u?.words).toBe(3)
  })

  it('writes a translation with its codes moved, and encodes Markdown marks in its text', () => {
    const out = renderDocument(doc.skeleton!, doc.units, (p) => {
      const s = doc.units[p - 1]!.source
      if (s.startsWith('Read the')) return 'När du behöver mer: ⟦1⟧hela handboken⟦/1⟧, läs *den*.'
      if (s === 'The Tolk manual') return 'Handboken'
      return s
    })
    expect(out).toContain('När du behöver mer: [hela handboken](https://example.org/tolk/manual "Handboken"), läs \\*den\\*.')
  })
})

describe('an HTML news article', () => {
  const text = fixture('news.html')
  const doc = segmentDocument(text, 'html', ctx)
  const sources = doc.units.map((u) => u.source)

  it('comes back byte for byte', () => {
    expect(sameAsSource(doc)).toBe(text)
    checkUnits(doc)
  })

  it('has units for the title, meta description, alt texts, link titles and captions', () => {
    expect(doc.title).toBe('Harbour reopens after storm – City News')
    for (const s of [
      'Harbour reopens after storm – City News',
      'The old harbour reopened on Monday after three weeks of repairs.',
      'Ferries moored at the repaired quay',
      'More by Anna Berg',
      'Passengers per month.',
      'Photo: ⟦1/⟧',
      'Route',
    ]) {
      expect(sources).toContain(s)
    }
  })

  it('leaves scripts, styles, pre, code, translate="no" and notranslate out', () => {
    const all = sources.join('\n')
    for (const s of ['dataLayer', 'margin', 'Timetable', 'HB-12', 'Studio Nord', 'harbour.example.org/tickets', 'viewport']) {
      expect(all).not.toContain(s)
    }
  })

  it('holds decoded text and encodes a translation\'s & and < when written', () => {
    expect(sources).toContain('“We are proud of the crews,” said the harbour master.')
    const out = renderDocument(doc.skeleton!, doc.units, (p) => {
      const s = doc.units[p - 1]!.source
      if (s.startsWith('Ferries leave')) return 'Färjor <avgår> från ⟦1⟧kaj 3⟦/1⟧ & framåt.'
      if (s === 'Ferries moored at the repaired quay') return 'Färjor "vid" kajen & <mer>'
      return s
    })
    expect(out).toContain('<li>Färjor &lt;avgår&gt; från <strong>kaj 3</strong> &amp; framåt.</li>')
    expect(out).toContain('alt="Färjor &quot;vid&quot; kajen &amp; <mer>"')
    // Everything else is as it was.
    expect(out.replace(/<li>Färjor.*?<\/li>/, '').replace(/alt="Färjor[^"]*"/, '')).toBe(
      text.replace(/<li>Ferries leave.*?<\/li>/, '').replace(/alt="Ferries moored at the repaired quay"/, ''),
    )
  })
})
