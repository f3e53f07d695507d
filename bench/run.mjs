// Run the benchmarks: every bench/*.mjs except this file (golden-rules.mjs first when present,
// then the rest by name), each as its own child process, in turn. A bench that fails (non-zero
// exit) does not stop the others; the runner exits 1 at the end if any failed.
//
//   node bench/run.mjs                  all benches (npm run bench builds dist/ first)
//   node bench/run.mjs segment-speed    only the named ones (with or without .mjs)
import { spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const BENCH = dirname(fileURLToPath(import.meta.url))
const ROOT = join(BENCH, '..')
const FIRST = ['golden-rules', 'segment-speed'] // run in this order; anything else after, by name

const found = readdirSync(BENCH)
  .filter((f) => f.endsWith('.mjs') && f !== 'run.mjs')
  .map((f) => f.slice(0, -'.mjs'.length))
const rank = (n) => (FIRST.includes(n) ? FIRST.indexOf(n) : FIRST.length)
found.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))

const wanted = process.argv.slice(2).map((a) => a.replace(/^bench\//, '').replace(/\.mjs$/, ''))
const unknown = wanted.filter((w) => !found.includes(w))
if (unknown.length > 0) {
  process.stderr.write(`bench/run.mjs: no such bench: ${unknown.join(', ')} (have: ${found.join(', ')})\n`)
  process.exit(2)
}
const selected = wanted.length > 0 ? found.filter((n) => wanted.includes(n)) : found
if (!existsSync(join(ROOT, 'dist'))) process.stdout.write('note: dist/ is missing; `npm run bench` builds it first\n')

const results = []
const t0 = performance.now()
for (const name of selected) {
  process.stdout.write(`\n==== bench/${name}.mjs ${'='.repeat(Math.max(0, 60 - name.length))}\n`)
  const start = performance.now()
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [join(BENCH, `${name}.mjs`)], { cwd: ROOT, stdio: 'inherit' })
    child.on('error', (err) => {
      process.stderr.write(`bench/run.mjs: cannot start ${name}: ${err.message}\n`)
      resolve(1)
    })
    child.on('close', (c, signal) => resolve(c ?? `signal ${signal}`))
  })
  results.push({ name, code, seconds: (performance.now() - start) / 1000 })
}

process.stdout.write(`\n==== summary ${'='.repeat(58)}\n`)
for (const r of results) {
  process.stdout.write(`${r.code === 0 ? 'ok    ' : 'FAILED'}  ${r.name.padEnd(24)} ${r.seconds.toFixed(1).padStart(6)} s${r.code === 0 ? '' : `  (exit ${r.code})`}\n`)
}
const failed = results.filter((r) => r.code !== 0)
process.stdout.write(`${results.length - failed.length}/${results.length} benches ok in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`)
process.exitCode = failed.length > 0 ? 1 : 0
