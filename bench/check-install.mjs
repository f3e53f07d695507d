// The standalone checker's install and start-up (issue 22: "An install a CI job can afford" and
// "Speed on real trees"), as figures:
//  1. Install: packs packages/tolk-check (scripts/build-check-package.mjs --pack), installs the
//     tarball into an empty folder with an empty npm cache (--offline --ignore-scripts: the tarball
//     brings all it needs), and prints the tarball's size, the installed size, the number of
//     packages in all (the checker's own included), and the seconds from `npm install` to the
//     first result of `npx tolk-check`. Targets: under 2 MB installed, at most 6 packages, no
//     install scripts (tests/check/package.test.ts checks the mechanisms).
//  2. Start-up on a two-file tree, median of --repeat (default 20) interleaved runs of each:
//       node -e 0                        the floor
//       tolk check                       node bin/tolk.js check --locales … (the workbench)
//       tolk-check                       node …/node_modules/tolk-check/bin/tolk-check.js (installed)
//       peer                             @lingual/i18n-check on the same tree
//     and each one's start-up above the floor. Target: tolk check < 60 ms above node -e 0.
//
//   node bench/check-install.mjs [--repeat N]   (npm run bench builds dist/ first)
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({ options: { repeat: { type: 'string', default: '20' } } })
const repeat = Math.max(1, Number(values.repeat) || 20)
const say = (s) => process.stdout.write(`${s}\n`)

if (!existsSync(join(ROOT, 'dist', 'cli', 'check-main.js'))) {
  say('check-install: dist/ has no cli/check-main.js; run `npm run build` (npm run bench does)')
  process.exit(1)
}
const work = mkdtempSync(join(tmpdir(), 'tolk-check-bench-'))
try {
  say(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`)
  const tree = tinyTree(join(work, 'locales'))

  // ---- 1. install
  const built = run(process.execPath, ['scripts/build-check-package.mjs', '--pack', join(work, 'pack')], ROOT)
  if (built.status !== 0) throw new Error(`build-check-package failed: ${built.stderr}`)
  const tarball = built.stdout.trim().split('\n').pop()
  const app = join(work, 'app')
  mkdirSync(app)
  writeFileSync(join(app, 'package.json'), '{"name":"app","version":"1.0.0","private":true}\n')
  const t0 = performance.now()
  const install = run('npm', ['install', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', '--cache', join(work, 'cache'), tarball], app)
  const t1 = performance.now()
  const first = run('npx', ['--no', '--', 'tolk-check', '--locales', tree, '--source', 'en'], app)
  const t2 = performance.now()
  if (install.status !== 0 || first.status !== 0) throw new Error(`install or first run failed: ${install.stderr}${first.stderr}`)
  const { bytes, packages } = measureInstall(join(app, 'node_modules'))
  say('\ninstall of the npm pack tarball (empty folder, empty cache, --offline --ignore-scripts)')
  say(table([
    ['tarball', kb(statSync(tarball).size)],
    ['installed (node_modules)', `${kb(bytes)}   target < 2048 KB`],
    ['packages in all', `${packages}   target ≤ 6`],
    ['npm install', s(t1 - t0)],
    ['npm install to first result', `${s(t2 - t0)}   (npx tolk-check on a two-file tree)`],
  ]))

  // ---- 2. start-up
  const standalone = join(app, 'node_modules', 'tolk-check', 'bin', 'tolk-check.js')
  const peer = join(ROOT, 'node_modules', '@lingual', 'i18n-check', 'dist', 'bin', 'index.js')
  const commands = {
    'node -e 0': ['-e', '0'],
    'tolk check': [join(ROOT, 'bin', 'tolk.js'), 'check', '--locales', tree, '--source', 'en'],
    'tolk-check (installed)': [standalone, '--locales', tree, '--source', 'en'],
    ...(existsSync(peer) ? { 'peer (i18n-check)': [peer, '-s', 'en', '-l', tree, '-f', 'i18next'] } : {}),
  }
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]))
  for (let i = 0; i < repeat; i++) {
    // Interleaved, so a busy moment of the machine hits all alike.
    for (const [name, args] of Object.entries(commands)) {
      const start = performance.now()
      const r = spawnSync(process.execPath, args, { cwd: work, stdio: 'ignore' })
      times[name].push(performance.now() - start)
      if (r.status !== 0) throw new Error(`${name} exited ${r.status}`)
    }
  }
  const floor = median(times['node -e 0'])
  say(`\nstart-up on a two-file tree (median of ${repeat})`)
  say(table([
    ['', 'wall', 'above node -e 0'],
    ...Object.keys(commands).map((name) => {
      const m = median(times[name])
      return [name, ms(m), name === 'node -e 0' ? '' : `${ms(m - floor)}${name.startsWith('tolk') ? '   target < 60 ms' : ''}`]
    }),
  ]))
  if (times['peer (i18n-check)']) {
    const above = (n) => median(times[n]) - floor
    say(`RATIO peer / tolk check start-up above node -e 0: ${(above('peer (i18n-check)') / above('tolk check')).toFixed(2)}×; peer / tolk-check: ${(above('peer (i18n-check)') / above('tolk-check (installed)')).toFixed(2)}×`)
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}

/** A complete two-file tree: start-up, not checking, is what it costs. */
function tinyTree(dir) {
  for (const [lang, text] of [['en', 'Home'], ['sv', 'Hem']]) {
    mkdirSync(join(dir, lang), { recursive: true })
    writeFileSync(join(dir, lang, 'common.json'), `${JSON.stringify({ nav: { home: text } }, null, 2)}\n`)
  }
  return dir
}

/** Bytes of every file under node_modules, and the packages (folders with a package.json) in all. */
function measureInstall(modules) {
  let bytes = 0
  let packages = 0
  for (const f of readdirSync(modules, { recursive: true, encoding: 'utf8' })) {
    const st = statSync(join(modules, f))
    if (!st.isFile()) continue
    bytes += st.size
    if (/(^|\/)node_modules\/(@[^/]+\/)?[^/@]+\/package\.json$/.test(`node_modules/${f}`)) packages++
  }
  return { bytes, packages }
}

function run(cmd, args, cwd) {
  return spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 })
}

function kb(b) {
  return `${(b / 1024).toFixed(0)} KB`
}

function s(t) {
  return `${(t / 1000).toFixed(2)} s`
}

function ms(t) {
  return `${t.toFixed(0)} ms`
}

function median(list) {
  const sorted = [...list].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)))
  return rows.map((r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd()).join('\n')
}

