// `tolk check` speed and memory, as whole processes, side by side in one run:
//  1. On the generated i18next tree (../shared/benchmarks/i18next-tree/gen.mjs, defaults: 21
//     languages, 210 files, about 20 MB and 372,000 strings), median of --repeat runs each of
//       tolk   node bin/tolk.js check --locales … --source en   (the default output CI reads)
//       json   the same with --format json (every problem: 13 MB on this tree)
//       floor  a script that only reads and JSON.parses every file (this file with --floor DIR)
//       peer   @lingual/i18n-check -s en -l locales -f i18next (the pinned devDependency)
//     prints wall time, CPU time, peak RSS and the ratios. Targets: peer/tolk ≥ 5, tolk/floor ≤ 2,
//     peak RSS < 120 MB.
//  2. Exactness: tolk's counts per language must equal ground-truth.json (missing logical keys,
//     missing leaves under CLDR plural rules, wrong interpolations). A mismatch is printed loudly and
//     the bench exits 1.
//  3. Ten times larger (--keys=20000): tolk and floor again; time and memory should grow no faster
//     than the input.
// The trees are generated once into bench/.data (git-ignored). Without ../shared/benchmarks the
// bench says so and exits 0. Targets are figures, not assertions: only a wrong count fails.
//
//   node bench/check-speed.mjs [--repeat N] [--no-large] [--no-peer]   (npm run bench builds dist/)
import { spawn, spawnSync } from 'node:child_process'
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

const SELF = fileURLToPath(import.meta.url)
const ROOT = join(dirname(SELF), '..')

async function main() {
  const { values } = parseArgs({
    options: { repeat: { type: 'string', default: '3' }, 'no-large': { type: 'boolean' }, 'no-peer': { type: 'boolean' } },
  })
  const repeat = Math.max(1, Number(values.repeat) || 3)
  // TOLK_BENCHMARKS names the reference data elsewhere (a git worktree has no ../shared beside it).
  const GEN = join(process.env.TOLK_BENCHMARKS ?? join(ROOT, '..', 'shared', 'benchmarks'), 'i18next-tree', 'gen.mjs')
  if (!existsSync(GEN)) {
    say(`check-speed: skipped: ${GEN} is absent (the reference data lives in ../shared/benchmarks)`)
    return
  }
  const BIN = join(ROOT, 'bin', 'tolk.js')
  if (!existsSync(join(ROOT, 'dist', 'cli', 'verbs', 'check.js'))) {
    say('check-speed: dist/ has no check verb; run `npm run build` (npm run bench does)')
    process.exitCode = 1
    return
  }
  const PEER = join(ROOT, 'node_modules', '@lingual', 'i18n-check', 'dist', 'bin', 'index.js')
  const data = join(ROOT, 'bench', '.data')
  const scratch = join(data, 'check-scratch')
  mkdirSync(scratch, { recursive: true })
  say(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${hasGnuTime() ? 'GNU time' : 'resourceUsage wrapper'} for peak RSS; median of ${repeat}`)

  // ---- 1. default tree: tolk, floor, peer
  const small = ensureTree(GEN, join(data, 'i18n-tree'), [])
  const tolkArgs = (tree) => [BIN, 'check', '--locales', join(tree, 'locales'), '--source', 'en', '--format', 'json']
  // The command CI runs: the default output (a summary table and the first problems), as the peer
  // runs with its own default; --format json (every problem, 13 MB here) is timed beside it.
  const tolkDefault = (tree) => [BIN, 'check', '--locales', join(tree, 'locales'), '--source', 'en']
  const out = join(scratch, 'tolk.json')
  const runs = { tolk: [], json: [], floor: [], peer: [] }
  const havePeer = !values['no-peer'] && existsSync(PEER)
  if (!havePeer && !values['no-peer']) say('note: @lingual/i18n-check is not installed (npm ci installs the pinned devDependency); peer skipped')
  for (let i = 0; i < repeat; i++) {
    // Interleaved, so a busy moment of the machine hits all three alike.
    runs.tolk.push(await measure(tolkDefault(small.dir), scratch))
    runs.json.push(await measure(tolkArgs(small.dir), scratch, out))
    runs.floor.push(await measure([SELF, '--floor', join(small.dir, 'locales')], scratch))
    if (havePeer) runs.peer.push(await measure([PEER, '-s', 'en', '-l', join(small.dir, 'locales'), '-f', 'i18next'], scratch))
  }
  const t = summary(runs.tolk)
  const j = summary(runs.json)
  const f = summary(runs.floor)
  const p = havePeer ? summary(runs.peer) : undefined
  for (const [name, list] of [['tolk check', runs.tolk], ['tolk check --format json', runs.json]]) {
    if (list.some((r) => r.code !== 1)) say(`WARNING: ${name} exited ${list.map((r) => r.code).join(', ')} (expected 1: the tree has gaps)\n${list[0].stderr}`)
  }
  say(`\ndefault tree: ${small.files} files, ${mib(small.bytes)}`)
  say(table([
    ['', 'wall', 'cpu', 'peak RSS'],
    ['tolk check (default output)', s(t.wall), s(t.cpu), mb(t.rss)],
    ['tolk check --format json', s(j.wall), s(j.cpu), mb(j.rss)],
    ['floor (read + JSON.parse)', s(f.wall), s(f.cpu), mb(f.rss)],
    ...(p ? [['@lingual/i18n-check 0.9.5', s(p.wall), s(p.cpu), mb(p.rss)]] : []),
  ]))
  for (const [name, r] of [['tolk check', t], ['tolk --format json', j]]) {
    if (p) say(`peer / ${name}: ${(p.wall / r.wall).toFixed(1)}× wall, ${(p.cpu / r.cpu).toFixed(1)}× cpu   (target ≥ 5×)  ${p.wall / r.wall >= 5 ? 'met' : 'MISSED'}`)
    say(`${name} / floor: ${(r.wall / f.wall).toFixed(2)}× wall, ${(r.cpu / f.cpu).toFixed(2)}× cpu   (target ≤ 2×)  ${r.wall / f.wall <= 2 ? 'met' : 'MISSED'}`)
    say(`${name} peak RSS: ${mb(r.rss)}   (target < 120 MB)  ${r.rss / 1024 < 120 ? 'met' : 'MISSED'}`)
  }

  // ---- 2. exactness against ground-truth.json
  const ok = verify(out, join(small.dir, 'ground-truth.json'))

  // ---- 3. ten times larger
  if (!values['no-large']) {
    const large = ensureTree(GEN, join(data, 'i18n-tree-20k'), ['--keys=20000'])
    const big = { tolk: [], floor: [] }
    const bigOut = join(scratch, 'tolk-20k.json')
    for (let i = 0; i < repeat; i++) {
      big.tolk.push(await measure(tolkArgs(large.dir), scratch, bigOut))
      big.floor.push(await measure([SELF, '--floor', join(large.dir, 'locales')], scratch))
    }
    const bt = summary(big.tolk)
    const bf = summary(big.floor)
    const grow = large.bytes / small.bytes
    say(`\n10× tree (--keys=20000): ${large.files} files, ${mib(large.bytes)} (${grow.toFixed(1)}× the input)`)
    say(table([
      ['', 'wall', 'cpu', 'peak RSS', 'wall growth', 'RSS growth'],
      ['tolk check --format json', s(bt.wall), s(bt.cpu), mb(bt.rss), `${(bt.wall / j.wall).toFixed(1)}×`, `${(bt.rss / j.rss).toFixed(1)}×`],
      ['floor', s(bf.wall), s(bf.cpu), mb(bf.rss), `${(bf.wall / f.wall).toFixed(1)}×`, `${(bf.rss / f.rss).toFixed(1)}×`],
    ]))
    const linear = bt.wall / j.wall <= grow * 1.1 && bt.rss / j.rss <= grow * 1.1
    say(`time and memory grow no faster than the input: ${linear ? 'yes' : 'NO'}; tolk / floor on it: ${(bt.wall / bf.wall).toFixed(2)}×`)
    verify(bigOut, join(large.dir, 'ground-truth.json')) || (process.exitCode = 1)
  }
  rmSync(scratch, { recursive: true, force: true })
  if (!ok) process.exitCode = 1
}

/** Generate a tree once (cached by its ground-truth.json) and size it. */
function ensureTree(gen, dir, args) {
  if (!existsSync(join(dir, 'ground-truth.json'))) {
    say(`generating ${dir} (node gen.mjs ${args.join(' ')}) …`)
    const r = spawnSync(process.execPath, [gen, dir, '--src=0', ...args], { stdio: ['ignore', 'ignore', 'inherit'] })
    if (r.status !== 0) throw new Error(`gen.mjs failed with exit ${r.status}`)
  }
  let files = 0
  let bytes = 0
  const locales = join(dir, 'locales')
  for (const lng of readdirSync(locales)) {
    for (const f of readdirSync(join(locales, lng))) {
      files++
      bytes += statSync(join(locales, lng, f)).size
    }
  }
  return { dir, files, bytes }
}

/** Compare tolk's JSON with the generator's answer, per language; true when every count agrees. */
function verify(outFile, truthFile) {
  let result
  try {
    result = JSON.parse(readFileSync(outFile, 'utf8'))
  } catch (err) {
    say(`\n!!!!! MISMATCH: cannot read tolk's JSON output (${err.message}) !!!!!`)
    return false
  }
  const truth = JSON.parse(readFileSync(truthFile, 'utf8'))
  const rows = [['lang', 'missing keys', 'missing leaves (CLDR)', 'wrong interpolations', '']]
  let bad = 0
  for (const [lang, want] of Object.entries(truth.targets)) {
    const got = result.languages[lang]
    const pairs = [
      [got?.missing, want.missing_logical],
      [got?.missingStrings, want.missing_leaves_cldr],
      [got?.placeholders, want.wrong_interpolation],
    ]
    const same = pairs.every(([a, b]) => a === b)
    if (!same) bad++
    rows.push([lang, ...pairs.map(([a, b]) => (a === b ? `${a}` : `${a} ≠ ${b}`)), same ? 'ok' : 'MISMATCH'])
  }
  const extraLangs = Object.keys(result.languages).filter((l) => !(l in truth.targets))
  say(`\nground truth (${truthFile.replace(`${ROOT}/`, '')}):`)
  say(table(rows))
  if (bad > 0 || extraLangs.length > 0) {
    say(`\n!!!!! MISMATCH: ${bad} language(s) disagree with ground-truth.json${extraLangs.length ? `; unexpected languages ${extraLangs.join(', ')}` : ''} !!!!!\n`)
    return false
  }
  say(`all ${rows.length - 1} languages agree with ground-truth.json`)
  return true
}

let gnuTime
function hasGnuTime() {
  gnuTime ??= existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0
  return gnuTime
}

/** Run `node ARGS…` as a child; wall clock from spawn to exit, CPU and peak RSS of the child. */
async function measure(args, scratch, stdoutFile = '/dev/null') {
  const rssFile = join(scratch, `rss-${process.pid}.txt`)
  rmSync(rssFile, { force: true })
  const [cmd, argv] = hasGnuTime()
    ? ['/usr/bin/time', ['-f', '%M %U %S', '-o', rssFile, process.execPath, ...args]]
    : [process.execPath, [SELF, '--measure', rssFile, ...args]]
  const fd = openSync(stdoutFile, 'w')
  let stderr = ''
  const t0 = process.hrtime.bigint()
  const code = await new Promise((done, fail) => {
    const child = spawn(cmd, argv, { cwd: ROOT, stdio: ['ignore', fd, 'pipe'] })
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr = (stderr + d).slice(-4000)))
    child.on('error', fail)
    child.on('close', (c) => done(c))
  })
  const wall = Number(process.hrtime.bigint() - t0) / 1e6
  closeSync(fd)
  const last = readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? ''
  const [rss, user, sys] = last.split(' ').map(Number)
  return { wall, cpu: (user + sys) * 1000, rss, code, stderr }
}

function summary(runs) {
  const med = (xs) => {
    const v = [...xs].sort((a, b) => a - b)
    const m = v.length >> 1
    return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2
  }
  return { wall: med(runs.map((r) => r.wall)), cpu: med(runs.map((r) => r.cpu)), rss: med(runs.map((r) => r.rss)) }
}

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)))
  return rows.map((r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('   ')).join('\n')
}

const s = (ms) => `${(ms / 1000).toFixed(2)} s`
const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`
const mib = (b) => `${(b / (1 << 20)).toFixed(1)} MiB`
function say(line) {
  process.stdout.write(`${line}\n`)
}

// ---- helper modes: this file is also the floor and the RSS wrapper, so the bench needs no other file
if (process.argv[2] === '--floor') {
  // The floor: read and JSON.parse every DIR/<lng>/<ns>.json, nothing else.
  const dir = process.argv[3]
  let files = 0
  for (const lng of readdirSync(dir)) {
    for (const f of readdirSync(join(dir, lng))) {
      JSON.parse(readFileSync(join(dir, lng, f), 'utf8'))
      files++
    }
  }
  process.stdout.write(`${files}\n`)
  process.exit(0)
}
if (process.argv[2] === '--measure') {
  // For machines without GNU time: run SCRIPT in this process, write "maxrss_kb user_s sys_s" on exit.
  const [, , , out, script, ...rest] = process.argv
  process.argv = [process.argv[0], resolve(script), ...rest]
  process.on('exit', () => {
    const u = process.resourceUsage()
    writeFileSync(out, `${u.maxRSS} ${u.userCPUTime / 1e6} ${u.systemCPUTime / 1e6}\n`)
  })
  await import(pathToFileURL(resolve(script)).href)
} else {
  await main()
}
