// Batch work (issue #21): what a find and replace over one 5,000-unit article costs, previewed and
// applied, against its peer in the same run: the same 5,000 changes written one by one through
// store.writeTranslation, as 5,000 single saves would. Also a regex preview (run in a worker
// thread) against the same replace as plain text (run in the main thread).
//
//   npm run bench -- batch        (or: node bench/batch.mjs after npm run build)
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { applyBatch } from '../dist/batch/apply.js'
import { planBatch } from '../dist/batch/plan.js'
import { importText } from '../dist/import/import-text.js'
import { createSqliteStore } from '../dist/store/sqlite/create-sqlite-store.js'

const UNITS = 5000
const who = { account: 'bench', grants: [{ role: 'admin', langs: [] }] }

const dir = mkdtempSync(join(tmpdir(), 'tolk-bench-batch-'))
try {
  const make = async (name) => {
    const store = createSqliteStore({ file: join(dir, `${name}.sqlite`) })
    const text = Array.from({ length: UNITS }, (_, i) => `The boat number ${i} leaves the harbour.`).join(' ') + '\n'
    await importText(store, { id: 'en-news-01', tag: 'en-news', lang: 'en', targets: ['sv'], text })
    const units = await store.listUnits('en-news-01')
    for (const u of units) {
      await store.writeTranslation({ articleId: 'en-news-01', unitId: u.id, lang: 'sv', text: `Båt nummer ${u.position} lämnar hamnen.`, state: 'translated', author: 'bench' })
    }
    return { store, units }
  }
  const scope = { articles: ['en-news-01'], lang: 'sv' }
  const ms = async (fn) => {
    const t = performance.now()
    const out = await fn()
    return [performance.now() - t, out]
  }

  const a = await make('batch')
  const [plainMs, plain] = await ms(() => planBatch(a.store, { action: 'replace', scope, find: 'hamnen', replace: 'kajen' }, who))
  const [regexMs] = await ms(() => planBatch(a.store, { action: 'replace', scope, find: 'ham(nen)', replace: 'kaj$1', regex: true }, who))
  const [applyMs, applied] = await ms(() => applyBatch(a.store, plain.id, who))

  const b = await make('peer')
  const [peerMs] = await ms(async () => {
    for (const u of b.units) {
      const t = await b.store.getTranslation('en-news-01', u.id, 'sv')
      await b.store.writeTranslation({ articleId: 'en-news-01', unitId: u.id, lang: 'sv', text: t.text.replace('hamnen', 'kajen'), state: 'translated', ifVersion: t.version, author: 'bench' })
    }
  })
  console.log(`batch: one article of ${UNITS} units, SQLite`)
  console.log(`  preview, plain text       ${plainMs.toFixed(0)} ms (${plain.changes.length} changes)`)
  console.log(`  preview, regex (worker)   ${regexMs.toFixed(0)} ms: ratio ${(regexMs / plainMs).toFixed(2)} to plain text`)
  console.log(`  apply                     ${applyMs.toFixed(0)} ms (${applied.changes.length} written)`)
  console.log(`  peer: ${UNITS} single saves ${peerMs.toFixed(0)} ms: preview + apply / peer = ${((plainMs + applyMs) / peerMs).toFixed(2)}`)
  await a.store.close()
  await b.store.close()
} finally {
  rmSync(dir, { recursive: true, force: true })
}
