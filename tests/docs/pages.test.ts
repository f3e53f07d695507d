import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../cli/run-cli.js'

const README_LIMIT = 12_000
const PAGE_LIMIT = 25_000

/** The pages people read: the README, every .md under docs/ and its folders (not the drafts in
 * docs/incoming/), bench/README.md. */
function pages(): string[] {
  const docs = (readdirSync(join(ROOT, 'docs'), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.md') && !f.split(sep).includes('incoming'))
    .sort()
    .map((f) => join(ROOT, 'docs', f))
  return [join(ROOT, 'README.md'), ...docs, join(ROOT, 'bench/README.md')]
}

/** Markdown text without its fenced code blocks. */
function unfenced(markdown: string): string {
  return markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')
}

/** Markdown text without code, fenced or inline, where link syntax is only text. */
function prose(markdown: string): string {
  return unfenced(markdown).replace(/(`+)[\s\S]*?\1/g, '')
}

/** The targets of a page's inline links and images. */
function links(markdown: string): string[] {
  return [...prose(markdown).matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1] ?? '')
}

/** GitHub's anchors for a page's headings (a repeated heading gets -1, -2, …). */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>()
  const out = new Set<string>()
  for (const m of unfenced(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = (m[1] ?? '').toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').trim().replace(/\s/g, '-')
    const n = seen.get(slug) ?? 0
    seen.set(slug, n + 1)
    out.add(n === 0 ? slug : `${slug}-${n}`)
  }
  return out
}

describe('the documentation', () => {
  it(`keeps the README at most ${README_LIMIT} bytes and every page at most ${PAGE_LIMIT}`, () => {
    expect(statSync(join(ROOT, 'README.md')).size).toBeLessThanOrEqual(README_LIMIT)
    for (const page of pages()) expect(statSync(page).size, relative(ROOT, page)).toBeLessThanOrEqual(PAGE_LIMIT)
  })

  it('links only to files and headings that exist', () => {
    const broken: string[] = []
    for (const page of pages()) {
      const text = readFileSync(page, 'utf8')
      for (const target of links(text)) {
        if (/^[a-z][a-z+.-]*:/i.test(target)) continue // http:, https:, mailto:
        const [path = '', fragment] = target.split('#')
        const file = path === '' ? page : join(dirname(page), decodeURIComponent(path))
        const where = `${relative(ROOT, page)} → ${target}`
        if (!existsSync(file)) broken.push(`${where}: no such file`)
        else if (fragment && file.endsWith('.md') && !anchors(readFileSync(file, 'utf8')).has(fragment)) broken.push(`${where}: no such heading`)
      }
    }
    expect(broken).toEqual([])
  })

  it('reads the pages in folders under docs/ too, but not the drafts', () => {
    const found = pages().map((p) => relative(ROOT, p).split(sep).join('/'))
    expect(found).toContain('docs/cli/serve.md')
    expect(found.filter((p) => p.startsWith('docs/incoming/'))).toEqual([])
  })

  it('finds links and anchors as GitHub does, and not inside code', () => {
    const md = '# The CI check (`tolk check`)\n\n## tm.mjs\n\nSee [a](x.md#y), ![b](img.png "t").\n\n```\n[not](a link)\n```\nand `[no](link)`.\n'
    expect(links(md)).toEqual(['x.md#y', 'img.png'])
    expect(anchors(md)).toEqual(new Set(['the-ci-check-tolk-check', 'tmmjs']))
  })
})
