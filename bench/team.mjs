// What the team workflow costs the store (#20), against reads the dashboard and editor already
// make, in the same run: "my work" (assignments with words left, counted live from the units and
// translations), the coordinator's load over every assignment, and pages of an article's
// activity feed (imports, saves and reviews grouped per person and hour, assignments), on one
// article of 5,000 sentences with 2,500 Swedish translations written over 50 hours by 10 people
// and 200 assignments (100 ranges from word splits, 100 whole-article ones).
//
//   npm run bench -- team      (or: node bench/team.mjs after npm run build)
//   BENCH_TEAM_PG=postgres://127.0.0.1/tolk_bench node bench/team.mjs   the same on PostgreSQL,
//     in a new schema of that (existing) database, dropped afterwards
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { createSqliteStore } from '../dist/store/sqlite/create-sqlite-store.js'
import { openPgStore } from '../dist/store/pg/create-pg-store.js'
import { importText } from '../dist/import/import-text.js'
import { assignWork } from '../dist/team/assign.js'
import { myWork, teamLoad } from '../dist/team/work.js'
import { articleActivity } from '../dist/team/activity-feed.js'
import { medianTime } from './lib/timing.mjs'

const UNITS = Number(process.env.BENCH_TEAM_UNITS) || 5000
const ROUNDS = 7
const STEP = Math.floor(UNITS / 50)
const PG = process.env.BENCH_TEAM_PG
let admin
let schema
const dir = mkdtempSync(join(tmpdir(), 'tolk-bench-team-'))
try {
  let clock = Date.parse('2026-12-01T08:00:00Z')
  const now = () => new Date(clock).toISOString()
  const store = PG ? await openPgStore({ url: await pgSchema(), now }) : createSqliteStore({ file: join(dir, 'tolk.sqlite'), now })
  const id = 'en-bench-01'
  const text = Array.from({ length: UNITS }, (_, i) => `Sentence number ${i + 1} says something about the harbour and its boats.`).join(' ')
  await importText(store, { id, tag: 'en-bench', lang: 'en', targets: ['sv', 'de'], text })
  const people = Array.from({ length: 10 }, (_, i) => `p${i}`)
  for (const p of [...people, 'cole']) await store.accounts.add(p, [{ role: 'translator', langs: ['sv', 'de'] }])
  const boss = { account: 'boss', grants: [{ role: 'admin', langs: [] }] }
  for (let i = 0; i < 50; i++) {
    await assignWork(store, boss, { article: id, lang: 'sv', users: [people[i % 10], people[(i + 1) % 10]], split: 'words', segments: `${i * STEP + 1}-${i * STEP + STEP}`, due: '2026-12-24' })
    await assignWork(store, boss, { article: id, lang: i % 2 ? 'sv' : 'de', users: [people[i % 10]] })
    await assignWork(store, boss, { article: id, lang: 'de', users: ['cole'], segments: `${i + 1}` })
  }
  const units = await store.listUnits(id)
  for (let i = 0; i < UNITS / 2; i++) {
    clock += 72_000 // 50 hours over the writes
    await store.writeTranslation({ articleId: id, unitId: units[i].id, lang: 'sv', text: `Mening ${i + 1}.`, state: i % 5 === 0 ? 'reviewed' : 'translated', author: people[i % 10] })
  }
  // As autovacuum would by now: planner statistics of the filled tables.
  if (PG) await admin.query(`SET search_path = ${schema}; ANALYZE`)
  const time = (fn) => medianTime(fn, ROUNDS)
  const peerCoverage = await time(() => store.coverage({ articles: [id] }))
  const peerUnits = await time(() => store.unitPage(id, { lang: 'sv', limit: 50 }))
  console.log(`team on ${PG ? 'PostgreSQL' : 'SQLite'}: 1 article of ${UNITS} units, ${UNITS / 2} writes by 10 people over 50 hours, ${(await store.assignments.list({ limit: 1000 })).length} assignments; median of ${ROUNDS}`)
  console.log(`  peer: coverage of the article            ${peerCoverage.toFixed(2)} ms`)
  console.log(`  peer: a page of 50 units with sv         ${peerUnits.toFixed(2)} ms`)
  const row = (label, ms, peer) => console.log(`  ${label.padEnd(40)} ${ms.toFixed(2)} ms  (${(ms / peer).toFixed(1)}× the page of units)`)
  row('my work of p0 (30 assignments)', await time(() => myWork(store, 'p0')), peerUnits)
  row('my work of cole (50 one-unit ranges)', await time(() => myWork(store, 'cole')), peerUnits)
  row('load over every assignment', await time(() => teamLoad(store, '*')), peerUnits)
  const first = await articleActivity(store, { article: id, limit: 50 })
  row('activity, first page of 50', await time(() => articleActivity(store, { article: id, limit: 50 })), peerUnits)
  let cursor = first.next
  for (let i = 0; i < 3 && cursor; i++) cursor = (await articleActivity(store, { article: id, limit: 50, cursor })).next
  if (cursor) row('activity, fifth page of 50', await time(() => articleActivity(store, { article: id, limit: 50, cursor })), peerUnits)
  row('activity, sv saves only', await time(() => articleActivity(store, { article: id, lang: 'sv', kinds: ['save'], limit: 50 })), peerUnits)
  await store.close()
} finally {
  rmSync(dir, { recursive: true, force: true })
  if (schema && !process.env.BENCH_TEAM_KEEP) await admin.query(`DROP SCHEMA ${schema} CASCADE`)
  await admin?.end()
}

/** A URL whose connections see a new schema of the BENCH_TEAM_PG database. */
async function pgSchema() {
  admin = new pg.Pool({ connectionString: PG, max: 1 })
  schema = `bench_team_${process.pid}`
  await admin.query(`CREATE SCHEMA ${schema}`)
  const url = new URL(PG)
  url.searchParams.set('options', `-c search_path=${schema},public`)
  return url.toString()
}
