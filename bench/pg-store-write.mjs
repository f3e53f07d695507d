// The PostgreSQL store's versioned write (issue 19), in-process, side by side with a bare peer:
//  - Tolk's Store.writeTranslation on PostgreSQL (one statement: the unit, its article and current
//    translation read, UPDATE … WHERE version = n or INSERT, the history entry; counters by trigger);
//  - a bare node-postgres peer doing the same versioned update and history insert in one statement
//    on two plain tables, no checks, no counters.
// 50 writers at once, each writing again as soon as its write returns, for a few seconds: on 50
// units (no two writers on one unit), then all 50 on one unit with If-Match-style versions (a
// refusal is a 412, counted). writes/s, p99 and CPU per write (this process: the database's CPU is
// not in it), and Tolk over the peer. Figures, not assertions.
//
//   npm run build && node bench/pg-store-write.mjs     (TOLK_BENCH_PG: a database URL,
//                                                        default postgres://postgres@127.0.0.1:5432/postgres)
import { randomBytes } from 'node:crypto'
import { availableParallelism, loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const { openPgStore } = await import(join(ROOT, 'dist', 'store', 'pg', 'create-pg-store.js'))
const BASE = process.env.TOLK_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const WRITERS = 50
const SECONDS = Number(process.env.BENCH_SECONDS) || 5
const log = (s = '') => process.stdout.write(`${s}\n`)

const admin = new pg.Pool({ connectionString: BASE, max: 1 })
const schema = `bench_w_${randomBytes(4).toString('hex')}`
await admin.query(`CREATE SCHEMA ${schema}`)
const url = new URL(BASE)
url.searchParams.set('options', `-c search_path=${schema},public`)

/** Run `write(i)` from WRITERS writers for SECONDS; latencies of the accepted ones. */
async function drive(write) {
  const lat = []
  let refused = 0
  const end = performance.now() + SECONDS * 1000
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  await Promise.all(Array.from({ length: WRITERS }, async (_, i) => {
    while (performance.now() < end) {
      const t = performance.now()
      if (await write(i)) lat.push(performance.now() - t)
      else refused++
    }
  }))
  const wall = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  lat.sort((a, b) => a - b)
  return { perS: (lat.length / wall) * 1000, p99: lat[Math.floor(lat.length * 0.99)] ?? 0, n: lat.length, refused, cpuUs: (cpu.user + cpu.system) / Math.max(1, lat.length + refused) }
}

try {
  log('# PostgreSQL: versioned writes, Tolk store vs bare node-postgres peer (in-process)')
  log(`node ${process.version}; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores; ${WRITERS} writers, ${SECONDS} s each; pools of 10`)
  const store = await openPgStore({ url: url.toString() })
  const text = Array.from({ length: WRITERS }, (_, i) => `Sentence number ${i} is here.`).join(' ')
  // One paragraph of WRITERS sentences, segmented the plain way (a unit per sentence).
  const sources = text.split(/(?<=\.) /)
  const units = sources.map((source, i) => ({ id: `b-${i}`, articleId: 'bench-01', tag: 'en-general', lang: 'en', position: i + 1, block: 0, kind: 'paragraph', source, trailing: i < sources.length - 1 ? ' ' : '', words: 5 }))
  await store.importArticle({ id: 'bench-01', tag: 'en-general', lang: 'en', title: 'Bench', source: text, targets: ['sv'], segmented: { lead: '', units } })

  const peer = new pg.Pool({ connectionString: url.toString(), max: 10 })
  await peer.query(`CREATE TABLE peer_t (unit text PRIMARY KEY, text text NOT NULL, version integer NOT NULL);
    CREATE TABLE peer_h (seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, unit text NOT NULL, version integer NOT NULL, text text NOT NULL, at timestamptz NOT NULL);
    INSERT INTO peer_t SELECT 'b-' || i, '', 0 FROM generate_series(0, ${WRITERS - 1}) i`)
  const peerWrite = async (unit, text, ifVersion) => {
    const r = await peer.query(
      `WITH u AS (UPDATE peer_t SET text = $2, version = version + 1 WHERE unit = $1 AND ($3::integer IS NULL OR version = $3) RETURNING version)
       INSERT INTO peer_h (unit, version, text, at) SELECT $1, u.version, $2, now() FROM u RETURNING version`,
      [unit, text, ifVersion],
    )
    return r.rows[0]?.version
  }

  const rows = []
  let n = 0
  rows.push(['50 units, one writer each', await drive(async (i) => Boolean(await store.writeTranslation({ articleId: 'bench-01', unitId: `b-${i}`, lang: 'sv', text: `t${n++}`, state: 'translated', author: 'bench' }))), await drive(async (i) => (await peerWrite(`b-${i}`, `t${n++}`, null)) !== undefined)])
  // One unit, every writer sending the version it last saw (a refusal is a 412 and a re-read).
  const seen = new Array(WRITERS).fill(0)
  const tolkOne = async (i) => {
    try {
      const t = await store.writeTranslation({ articleId: 'bench-01', unitId: 'b-0', lang: 'sv', text: `o${n++}`, state: 'translated', author: 'bench', ifVersion: seen[i] })
      seen[i] = t.version
      return true
    } catch (err) {
      if (err.code !== 'version-conflict') throw err
      seen[i] = err.current.version
      return false
    }
  }
  const peerSeen = new Array(WRITERS).fill(0)
  await peer.query(`UPDATE peer_t SET version = 0 WHERE unit = 'b-0'`)
  const peerOne = async (i) => {
    const v = await peerWrite('b-0', `o${n++}`, peerSeen[i])
    if (v !== undefined) peerSeen[i] = v
    else peerSeen[i] = (await peer.query(`SELECT version FROM peer_t WHERE unit = 'b-0'`)).rows[0].version
    return v !== undefined
  }
  await store.writeTranslation({ articleId: 'bench-01', unitId: 'b-0', lang: 'sv', text: 'reset', state: 'translated', author: 'bench' }).then((t) => seen.fill(t.version))
  rows.push(['1 unit, 50 writers with versions', await drive(tolkOne), await drive(peerOne)])

  log('')
  log('| case | Tolk writes/s | Tolk p99 ms | peer writes/s | peer p99 ms | Tolk / peer | Tolk CPU µs/write | refused (412) Tolk / peer |')
  log('|---|---:|---:|---:|---:|---:|---:|---:|')
  for (const [name, t, p] of rows) {
    log(`| ${name} | ${t.perS.toFixed(0)} | ${t.p99.toFixed(1)} | ${p.perS.toFixed(0)} | ${p.p99.toFixed(1)} | ${(t.perS / p.perS * 100).toFixed(0)} % | ${t.cpuUs.toFixed(0)} | ${t.refused} / ${p.refused} |`)
  }
  await peer.end()
  await store.close()
} finally {
  await admin.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => {})
  await admin.end()
}
