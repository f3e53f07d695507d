// What the stale notifications cost a re-import (issue #20): an article of 2,000 sentences, each
// translated into sv and de, re-imported with every sentence edited, so 4,000 translations turn
// stale. When their author is an account, each gets a `stale` notification in the import's
// transaction (one set-based insert); the peer is the same re-import where the author is no
// account (the insert runs and finds nobody). Fresh copies of one database for every round.
//
//   npm run bench -- stale-notifications     (or: node bench/stale-notifications.mjs after npm run build)
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSqliteStore } from '../dist/store/sqlite/create-sqlite-store.js'
import { importText } from '../dist/import/import-text.js'

const SENTENCES = 2_000
const ROUNDS = 5
const dir = mkdtempSync(join(tmpdir(), 'tolk-bench-stale-'))
const text = (edit) =>
  Array.from({ length: SENTENCES }, (_, i) => `Sentence number ${i} tells of the ${i % 7 === 0 ? 'river' : 'mill'}${edit ? ' again' : ''}.`)
    .reduce((acc, s, i) => acc + s + (i % 5 === 4 ? '\n\n' : ' '), '')
const article = (edit) => ({ id: 'en-general-01', tag: 'en-general', lang: 'en', targets: ['sv', 'de'], text: text(edit) })

async function build(author) {
  const file = join(dir, `${author}.sqlite`)
  const store = createSqliteStore({ file })
  await store.accounts.add('ana', [{ role: 'translator', langs: ['sv', 'de'] }])
  await importText(store, article(false))
  for (const u of await store.listUnits('en-general-01')) {
    for (const lang of ['sv', 'de']) {
      await store.writeTranslation({ articleId: 'en-general-01', unitId: u.id, lang, text: `${lang}: ${u.source}`, state: 'translated', author })
    }
  }
  await store.close()
  return file
}

try {
  const withAccount = await build('ana')
  const withoutAccount = await build('nobody')
  const time = async (base, n) => {
    const file = join(dir, `round-${n}.sqlite`)
    copyFileSync(base, file)
    const store = createSqliteStore({ file })
    const t = performance.now()
    const summary = await importText(store, article(true))
    const ms = performance.now() - t
    const notes = (await store.notifications.list('ana', { limit: 500 })).unread
    await store.close()
    rmSync(file, { force: true })
    return { ms, stale: summary.units.stale, notes }
  }
  const a = []
  const b = []
  let seen
  for (let r = 0; r < ROUNDS; r++) {
    // Alternated, so drift on a busy machine falls on both.
    a.push(await time(withAccount, `a${r}`))
    b.push(await time(withoutAccount, `b${r}`))
  }
  const median = (xs) => xs.map((x) => x.ms).sort((p, q) => p - q)[xs.length >> 1]
  seen = a[0]
  const ma = median(a)
  const mb = median(b)
  console.log(`re-import of ${SENTENCES} edited sentences, ${seen.stale} units stale, ${seen.notes} stale notifications (2 languages):`)
  console.log(`  authors are accounts (notified):   ${ma.toFixed(0)} ms (median of ${ROUNDS})`)
  console.log(`  authors are no accounts (peer):    ${mb.toFixed(0)} ms`)
  console.log(`  ratio: ${(ma / mb).toFixed(2)}× (the notifications' share of the import)`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
