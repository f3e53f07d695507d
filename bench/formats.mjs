// Interchange formats at size: export and import of one 10,000-unit article in every format, as
// whole `node bin/tolk.js` processes (wall time, CPU, peak RSS), with translate-toolkit's po2xliff
// and pocount run on the same PO file in the same run as the reference.
//
//   node bench/formats.mjs [--units N]       (npm run bench builds dist/ first)
//
// The article is generated (seeded, plain English sentences, 5 to a paragraph) so the segmenter
// cuts exactly one unit per sentence. Steps: import it with target sv; export every format while
// nothing is translated; fill every target of the XLIFF 1.2, XLIFF 2.0 and PO exports (as a CAT
// tool would) and import each into its own copy of the database; export every format again with
// every unit translated; then po2xliff and pocount on the filled PO. Data in bench/.data/formats/.
import { spawn, spawnSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { mulberry32 } from './lib/prng.mjs'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const DIR = join(ROOT, 'bench', '.data', 'formats')
const TOLK = join(ROOT, 'bin', 'tolk.js')
const ARTICLE = 'en-bench-01'
const { values } = parseArgs({ options: { units: { type: 'string', default: '10000' } } })
const UNITS = Number(values.units)

if (!existsSync(join(ROOT, 'dist', 'formats', 'export-article.js'))) {
  process.stderr.write(
    'bench/formats: dist/formats is missing; run npm run build (npm run bench does)\n',
  )
  process.exit(1)
}
rmSync(DIR, { recursive: true, force: true })
mkdirSync(DIR, { recursive: true })
const GNU_TIME =
  existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0

/** Run a command; wall ms, CPU ms and peak RSS (KiB) of the child when GNU time is there. */
async function measure(cmd, args, { stdout } = {}) {
  const rssFile = join(DIR, 'time.txt')
  rmSync(rssFile, { force: true })
  const [bin, argv] = GNU_TIME
    ? ['/usr/bin/time', ['-f', '%M %U %S', '-o', rssFile, cmd, ...args]]
    : [cmd, args]
  const t0 = process.hrtime.bigint()
  const { code, out, err } = await new Promise((resolve, reject) => {
    const child = spawn(bin, argv, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    const chunks = []
    let err = ''
    child.stdout.on('data', (d) => chunks.push(d))
    child.stderr.on('data', (d) => (err += d))
    child.on('error', reject)
    child.on('close', (c) => resolve({ code: c, out: Buffer.concat(chunks), err }))
  })
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6
  if (stdout) writeFileSync(stdout, out)
  let rssKB
  let cpuMs
  if (GNU_TIME) {
    const lines = readFileSync(rssFile, 'utf8').trim().split('\n')
    const [rss, user, sys] = (lines.at(-1) ?? '').split(' ').map(Number)
    rssKB = rss
    cpuMs = (user + sys) * 1000
  }
  return { code, wallMs, cpuMs, rssKB, out: out.toString('utf8'), err }
}

const rows = []
function row(what, m, bytes) {
  rows.push({ what, ...m, bytes })
  const mib = (n) => (n / 1048576).toFixed(1)
  process.stdout.write(
    `${what.padEnd(44)} ${(m.wallMs / 1000).toFixed(2).padStart(7)} s  CPU ${m.cpuMs === undefined ? '   n/a' : (m.cpuMs / 1000).toFixed(2).padStart(6)} s  ` +
      `peak RSS ${m.rssKB === undefined ? '  n/a' : `${(m.rssKB / 1024).toFixed(0).padStart(5)} MiB`}` +
      `${bytes === undefined ? '' : `  file ${mib(bytes).padStart(5)} MiB`}${m.code === 0 || m.code === 1 ? '' : `  EXIT ${m.code}`}\n`,
  )
  if (m.code !== 0 && m.code !== 1) process.stderr.write(m.err)
}

// One sentence per unit: a capitalised start, a few words, a full stop; five to a paragraph.
const WORDS =
  'river mill stone town bridge heron winter summer field road harbour market school council'.split(
    ' ',
  )
const rand = mulberry32(7)
const pick = () => WORDS[Math.floor(rand() * WORDS.length)]
let text = `Bench article of ${UNITS} sentences\n\n`
for (let i = 1; i < UNITS; i++) {
  text += `Sentence ${i} tells of the ${pick()} and the ${pick()} near the ${pick()}.`
  text += i % 5 === 0 ? '\n\n' : ' '
}
const source = join(DIR, `${ARTICLE}.txt`)
writeFileSync(source, `${text.trimEnd()}\n`)

const db = join(DIR, 'empty.sqlite')
const tolk = (args, opts) => measure(process.execPath, [TOLK, ...args], opts)
const imported = await tolk([
  'import',
  source,
  '--tag',
  'en-bench',
  '--lang',
  'en',
  '--targets',
  'sv',
  '--json',
  '--db',
  db,
])
row('tolk import (segment + store the article)', imported)
const units = JSON.parse(imported.out).units.new
process.stdout.write(`${units} units (asked for ${UNITS})\n\n`)

const FORMATS = ['xliff2', 'xliff12', 'tmx', 'po', 'i18next', 'text']
const EXT = { xliff2: 'xlf', xliff12: 'xlf', tmx: 'tmx', po: 'po', i18next: 'json', text: 'txt' }
for (const format of FORMATS) {
  const file = join(DIR, `empty-${format}.${EXT[format]}`)
  row(
    `tolk export --format ${format} (untranslated)`,
    await tolk([
      'export',
      ARTICLE,
      '--lang',
      'sv',
      '--format',
      format,
      '--output',
      file,
      '--db',
      db,
    ]),
    statSync(file).size,
  )
}

const FILL = {
  xliff12: (s) =>
    s.replace(
      /<source>(.*?)<\/source>/g,
      '<source>$1</source>\n        <target state="translated">SV $1</target>',
    ),
  xliff2: (s) =>
    s.replace(
      /<segment>\s*<source>(.*?)<\/source>/g,
      '<segment state="translated">\n        <source>$1</source>\n        <target>SV $1</target>',
    ),
  po: (s) => s.replace(/^msgid "(.+)"\nmsgstr ""$/gm, 'msgid "$1"\nmsgstr "SV $1"'),
}
process.stdout.write('\n')
let fullDb
for (const format of ['xliff12', 'xliff2', 'po']) {
  const filled = join(DIR, `filled-${format}.${EXT[format]}`)
  writeFileSync(
    filled,
    FILL[format](readFileSync(join(DIR, `empty-${format}.${EXT[format]}`), 'utf8')),
  )
  const copy = join(DIR, `import-${format}.sqlite`)
  copyFileSync(db, copy)
  const m = await tolk(['import-translations', filled, '--json', '--as', 'bench', '--db', copy])
  row(`tolk import-translations ${format} (${units} writes)`, m, statSync(filled).size)
  const r = JSON.parse(m.out)
  if (r.updated !== units)
    process.stderr.write(
      `bench/formats: ${format} import updated ${r.updated}, expected ${units}\n`,
    )
  fullDb ??= copy
}

process.stdout.write('\n')
for (const format of FORMATS) {
  const file = join(DIR, `full-${format}.${EXT[format]}`)
  row(
    `tolk export --format ${format} (translated)`,
    await tolk([
      'export',
      ARTICLE,
      '--lang',
      'sv',
      '--format',
      format,
      '--output',
      file,
      '--db',
      fullDb,
    ]),
    statSync(file).size,
  )
}

process.stdout.write('\nreference: translate-toolkit on the same PO (every unit translated)\n')
const po = join(DIR, 'full-po.po')
const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0
let failed = false
if (!have('po2xliff') || !have('pocount')) {
  process.stdout.write(
    '  translate-toolkit is missing (apt-get install -y translate-toolkit): no reference figures\n',
  )
} else {
  const px = await measure('po2xliff', [po, join(DIR, 'po2xliff.xlf')])
  row('po2xliff (PO -> XLIFF 1.2)', px, statSync(join(DIR, 'po2xliff.xlf')).size)
  const pc = await measure('pocount', ['--csv', po])
  row('pocount (read and count the PO)', pc)
  const pcx = await measure('pocount', ['--csv', join(DIR, 'full-xliff12.xlf')])
  row('pocount (read and count our XLIFF 1.2)', pcx)
  const get = (what) => rows.find((r) => r.what.startsWith(what))
  // CPU time is steadier than wall time when others load the machine; both are printed.
  const ratio = (a, b) =>
    `${(a.wallMs / b.wallMs).toFixed(2)} wall, ${a.cpuMs === undefined ? 'n/a' : (a.cpuMs / b.cpuMs).toFixed(2)} CPU`
  const ex = get('tolk export --format xliff12 (translated)')
  const im = get('tolk import-translations po')
  process.stdout.write(
    `\nRATIO po2xliff / tolk export xliff12             ${ratio(px, ex)}  (above 1: tolk writes XLIFF 1.2 faster)\n` +
      `RATIO pocount PO / tolk import-translations po  ${ratio(pc, im)}  (pocount only reads; tolk reads, checks and writes ${units} versions)\n`,
  )
  const counted = /,\s*(\d+),/.exec(pc.out.split('\n').find((l) => l.startsWith(po)) ?? '')
  if (!counted || Number(counted[1]) !== units) {
    process.stderr.write(
      `bench/formats: pocount counted ${counted?.[1]} translated units in the PO, expected ${units}\n`,
    )
    failed = true
  }
}
writeFileSync(
  join(DIR, 'formats-last.json'),
  `${JSON.stringify({ units, rows: rows.map(({ out, err, ...r }) => r) }, null, 2)}\n`,
)
process.exitCode = failed || rows.some((r) => r.code !== 0 && r.code !== 1) ? 1 : 0
