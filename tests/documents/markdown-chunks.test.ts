import { describe, expect, it } from 'vitest'
import { markdownChunks } from '../../src/documents/markdown-chunks.js'

const cut = (src: string, size: number) => markdownChunks(src, size).map(([s, e]) => src.slice(s, e))

describe('cutting a long Markdown document into pieces', () => {
  it('cuts before headings once a piece is long enough, never inside a fence or front matter', () => {
    const src = '---\n# yaml comment\ntitle: x\n---\nIntro.\n\n# One\n\nText.\n\n```\n# not a heading\n```\n\n# Two\n\nMore.\n'
    expect(cut(src, 1)).toEqual(['---\n# yaml comment\ntitle: x\n---\nIntro.\n\n', '# One\n\nText.\n\n```\n# not a heading\n```\n\n', '# Two\n\nMore.\n'])
    expect(cut(src, 1000)).toEqual([src])
  })

  it('parses whole a document with link definitions or long HTML blocks', () => {
    expect(cut('a\n\n# b\n\n[x]: /y\n', 1)).toHaveLength(1)
    expect(cut('a\n\n<pre>\n\n# b\n</pre>\n', 1)).toHaveLength(1)
  })
})
