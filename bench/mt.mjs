// Machine translation: units per second for pre-translating a 2,000-unit English article into
// Spanish with Apertium (reads dist/; `npm run bench` builds it). Starts its own APy on a free
// port on Debian's modes (apt-get install apertium-apy apertium-eng-spa); says so and exits 0
// when APy is absent.
//
// 1. cold: `pretranslate` on a fresh database (empty cache): every unit goes to APy through the
//    runner (4 requests at once), then through the versioned write path.
// 2. cached: the same sentences in a second article of the same database: every unit is answered
//    from the store's cache, no engine call.
// Peer: the same 2,000 texts sent straight to APy's /translate, 4 at a time, nothing stored.
// RATIO peer / cold near 1 means Tolk adds little over the engine itself.
//
//   node bench/mt.mjs [--units 2000]
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { randomTools } from './lib/prng.mjs'

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..')
const dist = (p) => import(path.join(ROOT, 'dist', p))
const { values } = parseArgs({ options: { units: { type: 'string', default: '2000' } } })
const N = Number(values.units)
const MODES = '/usr/share/apertium/modes'

if (spawnSync('sh', ['-c', 'command -v apertium-apy']).status !== 0 || !fs.existsSync(path.join(MODES, 'eng-spa.mode'))) {
  console.log('mt: apertium-apy with the eng-spa pair is not installed (apt-get install apertium-apy apertium-eng-spa); skipped')
  process.exit(0)
}

// Sentences from a small vocabulary Apertium knows, seeded: the same text on every run.
const { pick, int } = randomTools(24)
const SUBJ = ['The cat', 'The old man', 'My sister', 'The teacher', 'A dog', 'The children', 'Our neighbour', 'The doctor']
const VERB = ['sees', 'buys', 'reads', 'likes', 'finds', 'wants', 'opens', 'closes']
const OBJ = ['the red book', 'a small house', 'the new car', 'the green door', 'a long letter', 'the big window', 'the white table']
const TAIL = ['in the morning', 'every day', 'after school', 'in the city', 'with a friend', 'at night', 'near the river']
const sentences = Array.from({ length: N }, (_, i) => `${pick(SUBJ)} ${pick(VERB)} ${pick(OBJ)} ${pick(TAIL)} ${i % 97 === 0 ? 'today' : `number ${int(1, 9999)}`}.`)

const port = await new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = s.address().port
    s.close(() => resolve(p))
  })
})
const apy = spawn('apertium-apy', ['-p', String(port), MODES], { stdio: 'ignore' })
const url = `http://127.0.0.1:${port}`
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${url}/listPairs`)).ok) break
  } catch {
    if (i > 300) throw new Error('APy did not start')
    await new Promise((r) => setTimeout(r, 100))
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-bench-mt-'))
try {
  const [{ createSqliteStore }, { importText }, { pretranslate }, { createEngines }] = await Promise.all([
    dist('store/sqlite/create-sqlite-store.js'),
    dist('import/import-text.js'),
    dist('tm/pretranslate.js'),
    dist('mt/engines.js'),
  ])
  const engine = createEngines([{ name: 'apertium', kind: 'apertium', url }]).get('apertium')
  // Warm APy's pipeline (its first request starts the pair's processes).
  await engine.translate('en', 'es', ['Hello.'])

  const t0 = performance.now()
  const queue = [...sentences]
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let q = queue.shift(); q !== undefined; q = queue.shift()) {
        const p = new URLSearchParams({ langpair: 'eng|spa', q, markUnknown: 'no' })
        await (await fetch(`${url}/translate?${p}`)).json()
      }
    }),
  )
  const peer = (performance.now() - t0) / 1000

  const store = createSqliteStore({ file: path.join(dir, 'tolk.sqlite') })
  const text = sentences.join('\n\n') + '\n'
  await importText(store, { id: 'en-general-01', tag: 'en-general', lang: 'en', targets: ['es'], text })
  await importText(store, { id: 'en-general-02', tag: 'en-general', lang: 'en', targets: ['es'], text })
  const units = (await store.listUnits('en-general-01')).length
  const run = async (id) => {
    const t = performance.now()
    const s = await pretranslate(store, id, 'es', { mt: engine })
    return { s, seconds: (performance.now() - t) / 1000 }
  }
  const cold = await run('en-general-01')
  const cached = await run('en-general-02')
  await store.close()
  const row = (name, r, n) => console.log(`${name.padEnd(30)} ${r.seconds.toFixed(2).padStart(7)} s ${(n / r.seconds).toFixed(0).padStart(8)} units/s`)
  console.log(`mt: ${units} units, English → Spanish, Apertium APy (${os.cpus().length} cores)`)
  row('peer: APy /translate, 4 at once', { seconds: peer }, N)
  row('tolk pretranslate, cold', cold, units)
  row('tolk pretranslate, cached', cached, units)
  console.log(`cold: ${cold.s.mt.filled} machine-translated, ${cold.s.mt.failed} failed; cached: ${cached.s.mt.cached} from the cache`)
  console.log(`RATIO peer / cold ${(peer / cold.seconds).toFixed(2)}   RATIO cold / cached ${(cold.seconds / cached.seconds).toFixed(1)}`)
} finally {
  apy.kill('SIGTERM')
  fs.rmSync(dir, { recursive: true, force: true })
}
