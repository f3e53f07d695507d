#!/usr/bin/env node
// Writes the CLI reference (docs/cli.md and one docs/cli/VERB.md per verb) from the CLI's own
// --help, read from the built dist/ in this one process (run it as `npm run docs:cli`, which
// builds first), and deletes the pages of verbs that no longer exist. `--check` writes nothing
// and exits 1 when a page is out of date, missing or left over, naming its verb.
import { fileURLToPath } from 'node:url'
import { REGENERATE, readReference, referenceDrift, referencePages, writeReference } from '../dist/cli/reference.js'

const docs = fileURLToPath(new URL('../docs', import.meta.url))
const want = await referencePages()

if (process.argv.includes('--check')) {
  const drift = referenceDrift(want, readReference(docs))
  if (drift.length === 0) process.exit(0)
  console.error(`The CLI reference is out of date (run ${REGENERATE}):\n  ${drift.join('\n  ')}`)
  process.exit(1)
}
const { written, removed } = writeReference(docs, want)
const list = (paths) => paths.map((p) => `docs/${p}`).join(', ')
if (written.length) console.log(`written: ${list(written)}`)
if (removed.length) console.log(`removed (no such verb): ${list(removed)}`)
if (!written.length && !removed.length) console.log('CLI reference: up to date')
