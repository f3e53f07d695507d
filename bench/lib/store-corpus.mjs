// Articles for bench/store.mjs, cut from the seeded news corpus of bench/lib/corpus.mjs (the same
// bytes on every machine; no outside data). The corpus is a stream of generated news blocks
// (headlines with bylines, paragraphs, quotes, lists, headings) separated by blank lines; an
// article here is a run of whole blocks, so every article starts at a block boundary and its
// text is exactly what the generator wrote.
//
//   wordArticles(n, words)   n articles of about `words` words each (cut after the block that
//                            reaches the count), for the import benchmark
//   writeArticleDir(dir, n)  the same as files en-news-00001.txt … in dir, cached by a manifest
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ensureCorpora } from './corpus.mjs'

const CUT_VERSION = 1
export const TAG = 'en-news'
export const articleId = (i) => `${TAG}-${String(i).padStart(5, '0')}`

/** The blocks of the 50 MiB news corpus, in order (about 1.3 M of them). */
function newsBlocks(log) {
  const { paths } = ensureCorpora(log)
  return readFileSync(paths.news[50], 'utf8').split(/\n{2,}/)
}

const countWords = (s) => {
  let n = 0
  for (const _ of s.matchAll(/\S+/g)) n++
  return n
}

/**
 * `n` article texts of about `words` words: whole blocks, the article ending with the block that
 * reaches `words`. Blocks are taken in order; the 50 MiB corpus holds about 8.7 M words, which
 * is enough for 14,000 articles of 600 words; throws when it runs out.
 * @returns {string[]}
 */
export function wordArticles(n, words = 600, log = () => {}) {
  const blocks = newsBlocks(log)
  const out = []
  let b = 0
  // Stop a little short, so the mean lands on `words` (the last block overshoots by half a block).
  const stopAt = words - 30
  for (let i = 0; i < n; i++) {
    const parts = []
    let count = 0
    while (count < stopAt) {
      if (b >= blocks.length) throw new Error(`the news corpus ran out after ${i} articles of ${words} words`)
      const block = blocks[b++].trim()
      if (block === '') continue
      parts.push(block)
      count += countWords(block)
    }
    out.push(`${parts.join('\n\n')}\n`)
  }
  return out
}

/**
 * Make `dir` hold exactly `n` articles of about 600 words as en-news-00001.txt … (plus a
 * manifest, which `tolk import DIR` ignores: it reads .txt and .md only). Regenerated when the
 * manifest disagrees. Returns { files, bytes, words, generatedMs }.
 */
export function writeArticleDir(dir, n, log = () => {}) {
  const manifestPath = join(dir, 'manifest.json')
  try {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8'))
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt'))
    if (m.version === CUT_VERSION && m.count === n && files.length === n && statSync(join(dir, files[n - 1])).size > 0) {
      return { files: files.sort().map((f) => join(dir, f)), bytes: m.bytes, words: m.words, generatedMs: 0 }
    }
  } catch {}
  const t0 = performance.now()
  log(`writing ${n} articles to ${dir} (once; cached afterwards) …`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const texts = wordArticles(n, 600, log)
  let bytes = 0
  let words = 0
  const files = []
  texts.forEach((text, i) => {
    const file = join(dir, `${articleId(i + 1)}.txt`)
    writeFileSync(file, text)
    bytes += Buffer.byteLength(text)
    words += countWords(text)
    files.push(file)
  })
  writeFileSync(manifestPath, `${JSON.stringify({ version: CUT_VERSION, count: n, bytes, words }, null, 2)}\n`)
  return { files, bytes, words, generatedMs: performance.now() - t0 }
}

/**
 * Article texts of exactly `units` units each by Tolk's own segmenter (`segmentArticle` from
 * dist/), for building the million-unit database: whole blocks until the article holds at least
 * `units` units, then cut right after the unit that makes the count. Yields { text, units }.
 * @param {(text: string) => { lead: string, units: { source: string, trailing: string }[] }} segment
 */
export function* unitArticles(n, units, segment, log = () => {}) {
  const blocks = newsBlocks(log)
  let b = 0
  for (let i = 0; i < n; i++) {
    const parts = []
    let guess = 0
    let seg
    for (;;) {
      // A million units need more words than the corpus holds: go round again (duplicate texts in
      // other articles are fine for a report benchmark).
      if (b >= blocks.length) b = 0
      const block = blocks[b++].trim()
      if (block === '') continue
      parts.push(block)
      // Count block by block (cheap); segment the whole text only once the count looks reached,
      // and take one more block when the whole text holds fewer units than the blocks did.
      guess += segment(block).units.length
      if (guess < units) continue
      seg = segment(`${parts.join('\n\n')}\n`)
      if (seg.units.length >= units) break
    }
    let text = seg.lead
    for (let u = 0; u < units; u++) text += seg.units[u].source + (u < units - 1 ? seg.units[u].trailing : '')
    yield { text: `${text}\n`, units }
  }
}
