import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { runCli } from './run-cli.js'

it('segments a file whose name implies no valid tag', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'tolk-seg-')), 'notes-1.txt')
  writeFileSync(file, 'One. Two.\n')
  const r = runCli(['segment', '--lang', 'en', '--json', file])
  expect(r.status).toBe(0)
  expect(JSON.parse(r.stdout)).toMatchObject([{ articleId: 'notes-1', tag: '' }, { position: 2 }])
})
