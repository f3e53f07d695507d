// Accuracy on the public "Golden Rules" of pragmatic_segmenter (../shared/benchmarks/golden-rules/,
// see SOURCE.md there), measured through the CLI's `tolk segment --jsonl` contract: one process per
// language file, one `{"text", "lang"}` line per case in, one JSON array of unit texts per line out.
//
// Intl.Segmenter's score on the same cases is printed beside it, as the peer.
//
// Scoring as SOURCE.md says: fold white space inside each sentence, trim, drop empties, compare
// the lists exactly; cases with `source_options` (the gem's PDF mode) are left out.
//
//   node bench/golden-rules.mjs            en, da, de (needs dist/: `npm run build`)
//   node bench/golden-rules.mjs sv en      only the named languages
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

// TOLK_BENCHMARKS names the reference data elsewhere (a git worktree has no ../shared beside it).
const DATA = process.env.TOLK_BENCHMARKS
  ? pathToFileURL(`${process.env.TOLK_BENCHMARKS.replace(/\/$/, '')}/golden-rules/`)
  : new URL('../../shared/benchmarks/golden-rules/', import.meta.url)
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const LANGS = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['en', 'da', 'de']

/** Fold white space inside each sentence, trim, drop empties. */
export function normalise(units) {
  return units.map((u) => u.replace(/\s+/gu, ' ').trim()).filter((u) => u.length > 0)
}

/** Whether a segmenter's units match the expected ones under the Golden Rules scoring. */
export function matches(actual, expected) {
  const a = normalise(actual)
  const e = normalise(expected)
  return a.length === e.length && a.every((u, i) => u === e[i])
}

/** The peer: Intl.Segmenter (granularity sentence) on the whole case, segments trimmed. */
function intlSentences(text, lang) {
  const segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' })
  return [...segmenter.segment(text)].map((s) => s.segment)
}

/** Run `tolk segment --jsonl` once over all `cases` of one language; resolves to one array each. */
function segmentAll(cases, lang) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/tolk.js', 'segment', '--jsonl'], { cwd: ROOT })
    let out = ''
    let err = ''
    child.stdout.setEncoding('utf8').on('data', (d) => (out += d))
    child.stderr.setEncoding('utf8').on('data', (d) => (err += d))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`tolk segment --jsonl exited ${code}: ${err.trim()}`))
      const lines = out.split('\n').filter((l) => l.length > 0)
      if (lines.length !== cases.length) {
        return reject(new Error(`expected ${cases.length} output lines, got ${lines.length}`))
      }
      resolve(lines.map((l) => JSON.parse(l)))
    })
    child.stdin.end(cases.map((c) => JSON.stringify({ text: c.input, lang })).join('\n') + '\n')
  })
}

async function main() {
  if (!existsSync(DATA)) {
    console.log(`golden-rules: ${fileURLToPath(DATA)} is absent; nothing to measure (skipped)`)
    return 0
  }
  if (!existsSync(new URL('../dist/cli/main.js', import.meta.url))) {
    console.error('golden-rules: dist/ is missing; run `npm run build` first')
    return 1
  }
  for (const lang of LANGS) {
    const file = new URL(`${lang}.json`, DATA)
    if (!existsSync(file)) {
      console.log(`${lang}: no ${lang}.json in ${fileURLToPath(DATA)} (skipped)`)
      continue
    }
    const cases = JSON.parse(readFileSync(file, 'utf8')).filter((c) => !c.source_options)
    const results = await segmentAll(cases, lang)
    const failed = cases.filter((c, i) => !matches(results[i], c.expected))
    const passed = cases.length - failed.length
    const peer = cases.filter((c) => matches(intlSentences(c.input, lang), c.expected)).length
    console.log(
      `${lang}: ${passed}/${cases.length} (${(passed / cases.length).toFixed(3)})` +
        `   peer Intl.Segmenter: ${peer}/${cases.length} (${(peer / cases.length).toFixed(3)})`,
    )
    for (const c of failed) {
      const i = cases.indexOf(c)
      const note = c.source_status ? `  [${c.source_status}]` : ''
      console.log(`  fail: ${c.name}${note}`)
      if (process.env.GOLDEN_VERBOSE) {
        console.log(`    want ${JSON.stringify(normalise(c.expected))}`)
        console.log(`    got  ${JSON.stringify(normalise(results[i]))}`)
      }
    }
  }
  return 0
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main()
