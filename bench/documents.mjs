// Documents in and out (issue 17): import and export speed of a 5 MB Markdown document, beside
// the plain-text import of the same words. In-process, on dist/ (npm run bench builds it), a fresh
// SQLite file per import. Prints MB/s for: segmenting (Markdown, text), importing into the store
// (Markdown, text), and the original export of the Markdown article (every unit untranslated,
// then every unit translated, so each is written from its codes).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { segmentDocument } from '../dist/documents/index.js'
import { exportArticle } from '../dist/formats/export-article.js'
import { importText } from '../dist/import/import-text.js'
import { createSqliteStore } from '../dist/store/sqlite/create-sqlite-store.js'
import { randomTools } from './lib/prng.mjs'

const MiB = 1 << 20
const { int, pick, chance } = randomTools(17)
const WORDS = 'the harbour ferry island council storm report market timetable passengers repairs quay weekend morning travellers tickets office budget million crews minister'.split(' ')

function sentence() {
  const n = int(6, 18)
  const md = []
  const text = []
  for (let i = 0; i < n; i++) {
    const w = pick(WORDS)
    text.push(w)
    if (chance(0.05)) md.push(`**${w}**`)
    else if (chance(0.04)) md.push(`*${w}*`)
    else if (chance(0.03)) md.push(`[${w}](https://example.org/${w}/${int(1, 999)})`)
    else if (chance(0.02)) md.push(`\`${w}\``)
    else md.push(w)
  }
  const cap = (s) => s[0].toUpperCase() + s.slice(1)
  return { md: `${cap(md.join(' '))}.`, text: `${cap(text.join(' '))}.` }
}

function documents(bytes) {
  const md = ['---\ntitle: A long guide\n---\n']
  const text = []
  let size = 0
  while (size < bytes) {
    const kind = int(0, 9)
    let m
    let t
    if (kind === 0) {
      const s = sentence()
      m = `## ${s.md.slice(0, -1)}`
      t = s.text.slice(0, -1)
    } else if (kind === 1) {
      const items = Array.from({ length: int(2, 5) }, sentence)
      m = items.map((s) => `- ${s.md}`).join('\n')
      t = items.map((s) => s.text).join('\n')
    } else if (kind === 2) {
      const a = sentence()
      const b = sentence()
      m = `| Name | What |\n|---|---|\n| ${a.md} | ${b.md} |`
      t = `${a.text}\n${b.text}`
    } else if (kind === 3) {
      m = '```sh\nnpx tolk import guide.md --targets sv\n```'
      t = ''
    } else {
      const ss = Array.from({ length: int(2, 6) }, sentence)
      m = ss.map((s) => s.md).join(' ')
      t = ss.map((s) => s.text).join(' ')
    }
    md.push(m)
    if (t) text.push(t)
    size += m.length + 2
  }
  return { md: `${md.join('\n\n')}\n`, text: `${text.join('\n\n')}\n` }
}

const { md, text } = documents(5 * MiB)
const ctx = { articleId: 'en-bench-01', tag: 'en-bench', lang: 'en' }
const mb = (s) => Buffer.byteLength(s) / MiB
const rate = (s, ms) => `${(mb(s) / (ms / 1000)).toFixed(2)} MB/s`
const time = async (f) => {
  const t0 = performance.now()
  const r = await f()
  return [performance.now() - t0, r]
}

console.log(`Markdown ${mb(md).toFixed(2)} MB, plain text of the same words ${mb(text).toFixed(2)} MB`)
const [segMd, doc] = await time(() => segmentDocument(md, 'md', ctx))
const [segText, plain] = await time(() => segmentDocument(text, 'text', ctx))
console.log(`segment  md   ${segMd.toFixed(0)} ms (${rate(md, segMd)}), ${doc.units.length} units`)
console.log(`segment  text ${segText.toFixed(0)} ms (${rate(text, segText)}), ${plain.units.length} units`)

const dir = mkdtempSync(join(tmpdir(), 'tolk-bench-docs-'))
try {
  for (const [format, body] of [['md', md], ['text', text]]) {
    const store = createSqliteStore({ file: join(dir, `${format}.sqlite`) })
    const [ms] = await time(() => importText(store, { id: ctx.articleId, tag: ctx.tag, lang: ctx.lang, text: body, format, targets: ['sv'] }))
    console.log(`import   ${format.padEnd(4)} ${ms.toFixed(0)} ms (${rate(body, ms)})`)
    if (format === 'md') {
      const [ex1, file] = await time(() => exportArticle(store, ctx.articleId, 'sv', 'original'))
      console.log(`export   md   ${ex1.toFixed(0)} ms (${rate(md, ex1)}) untranslated, byte-identical: ${file.body === md}`)
      const units = await store.listUnits(ctx.articleId)
      for (const u of units) await store.writeTranslation({ articleId: ctx.articleId, unitId: u.id, lang: 'sv', text: `${u.source} `, state: 'translated', author: 'bench' })
      const [ex2] = await time(() => exportArticle(store, ctx.articleId, 'sv', 'original'))
      console.log(`export   md   ${ex2.toFixed(0)} ms (${rate(md, ex2)}) every unit translated (written from its codes)`)
    }
    await store.close()
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
