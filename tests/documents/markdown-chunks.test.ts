import { describe, expect, it } from 'vitest'
import { markdownPieces } from '../../src/documents/markdown-chunks.js'

const cut = (src: string, size: number) => markdownPieces(src, size).map((p) => src.slice(p.start, p.end))

describe('cutting a long Markdown document into pieces', () => {
  it('cuts before a block that starts at column 0 after a blank line, never inside a fence or front matter', () => {
    const src = '---\n# yaml comment\ntitle: x\n---\nIntro.\n\n# One\n\nText.\n\n```\n# not a heading\n\nnot a block\n```\n\n# Two\n\nMore.\n'
    expect(cut(src, 1)).toEqual(['---\n# yaml comment\ntitle: x\n---\nIntro.\n\n', '# One\n\n', 'Text.\n\n```\n# not a heading\n\nnot a block\n```\n\n', '# Two\n\n', 'More.\n'])
    expect(cut(src, 1000)).toEqual([src])
  })

  it('never cuts before a list marker, a digit, a quote mark or an indented line: no list or quote is split', () => {
    const src = 'Intro.\n\n- one\n\n- two\n\n  more of two\n\n1. first\n\n2026. a year\n\n> quoted\n\n    code\n\nEnd.\n'
    expect(cut(src, 1)).toEqual(['Intro.\n\n- one\n\n- two\n\n  more of two\n\n1. first\n\n2026. a year\n\n> quoted\n\n    code\n\n', 'End.\n'])
  })

  it('says which extensions each piece needs: tables where a | is, autolinks where a URL or @ may be, front matter first', () => {
    const src = '---\ntitle: x\n---\nIntro.\n\n| a | b |\n|---|---|\n| c | d |\n\nSee www.example.org or a@b.se.\n\nPlain words.\n'
    expect(markdownPieces(src, 1).map(({ table, autolink, frontMatter }) => [table, autolink, frontMatter])).toEqual([
      [false, false, true],
      [true, false, false],
      [false, true, false],
      [false, false, false],
    ])
    // Pieces that need the same extensions are joined up to the size.
    expect(cut('One.\n\nTwo.\n\nThree | x.\n', 8)).toEqual(['One.\n\nTwo.\n\n', 'Three | x.\n'])
    expect(cut('One.\n\nTwo.\n\nThree | x.\n', 1000)).toHaveLength(1)
  })

  it('parses whole a document with link definitions or long HTML blocks', () => {
    expect(cut('a\n\n# b\n\n[x]: /y\n', 1)).toHaveLength(1)
    expect(cut('a\n\n<pre>\n\n# b\n</pre>\n', 1)).toHaveLength(1)
  })
})
