import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { ROOT, seededDb } from './run-cli.js'

const dir = mkdtempSync(join(tmpdir(), 'tolk-modules-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The modules `tolk ARGS` loads, as paths below the repository (dist/…, node_modules/…). */
function modulesOf(args: string[]): string[] {
  const log = join(dir, 'modules.log')
  rmSync(log, { force: true })
  const r = spawnSync(process.execPath, ['--import', './tests/cli/fixtures/log-modules.mjs', 'bin/tolk.js', ...args], {
    cwd: ROOT,
    env: { ...process.env, TOLK_MODULE_LOG: log },
  })
  expect(r.status).toBe(0)
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((u) => u.startsWith('file:'))
    .map((u) => u.replace(/^file:\/\/.*?\/(dist|node_modules)\//, '$1/'))
}

it('reports without loading the importer, the segmenter or the translation memory', async () => {
  const db = await seededDb(join(dir, 'tolk.sqlite'))
  const loaded = modulesOf(['report', '--summary', '--format', 'json', '--db', db])
  expect(loaded).toContain('dist/report/report-json.js')
  for (const heavy of ['dist/store/sqlite/import.js', 'dist/align/', 'dist/segment/', 'dist/store/sqlite/memory.js', 'dist/tm/', 'node_modules/diff/', 'node_modules/saxes/']) {
    expect(loaded.filter((m) => m.startsWith(heavy))).toEqual([])
  }
})

it('segments a text file without loading the Markdown and HTML parsers', () => {
  const file = join(dir, 'plain.txt')
  writeFileSync(file, 'The museum opens at nine. Tickets cost 12 euros.\n')
  const loaded = modulesOf(['segment', '--lang', 'en', file])
  expect(loaded).toContain('dist/segment/segment-stream.js')
  for (const heavy of ['dist/documents/index.js', 'dist/documents/markdown', 'dist/documents/html', 'node_modules/micromark', 'node_modules/mdast-', 'node_modules/parse5/']) {
    expect(loaded.filter((m) => m.startsWith(heavy))).toEqual([])
  }
})
