#!/usr/bin/env node
// Writes docs/cli.md from the CLI's own --help, read from the built dist/ in this one process
// (run it as `npm run docs:cli`, which builds first). `--check` writes nothing and exits 1 when
// docs/cli.md is out of date, naming the sections that differ.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { REGENERATE, referenceSections, renderReference, sectionsOf } from '../dist/cli/reference.js'

const file = fileURLToPath(new URL('../docs/cli.md', import.meta.url))
const page = renderReference(await referenceSections())
let current = ''
try {
  current = readFileSync(file, 'utf8')
} catch {}

if (process.argv.includes('--check')) {
  if (current === page) process.exit(0)
  const want = sectionsOf(page)
  const have = sectionsOf(current)
  const titles = [...new Set([...want.keys(), ...have.keys()])].filter((t) => want.get(t) !== have.get(t))
  console.error(`docs/cli.md is out of date${titles.length ? ` for ${titles.join(', ')}` : ''}: run ${REGENERATE}`)
  process.exit(1)
}
if (current === page) console.log('docs/cli.md: up to date')
else {
  writeFileSync(file, page)
  console.log('docs/cli.md: written')
}
