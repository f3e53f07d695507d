import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { answers, onPath, required, TOOLS } from './registry.js'

const dir = mkdtempSync(join(tmpdir(), 'tolk-registry-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function listen(server: Server): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
}

describe('the outside-tools registry', () => {
  it('finds a program only as an executable file in a folder of PATH', () => {
    const bin = join(dir, 'bin')
    const other = join(dir, 'other')
    for (const d of [bin, other]) mkdirSync(d)
    symlinkSync(process.execPath, join(bin, 'node'))
    writeFileSync(join(other, 'xmllint'), '#!/bin/sh\n')
    expect(onPath('node', `${other}:${bin}`)).toBe(true)
    expect(onPath('xmllint', `${other}:${bin}`)).toBe(false) // not executable
    chmodSync(join(other, 'xmllint'), 0o755)
    expect(onPath('xmllint', `${other}:${bin}`)).toBe(true)
    expect(onPath('node', other)).toBe(false)
    expect(onPath('node', '')).toBe(false)
  })

  it('sees a server answer at a URL, and none once it is closed', async () => {
    const server = createServer((s) => s.end())
    await listen(server)
    const port = (server.address() as { port: number }).port
    expect(await answers(`postgres://postgres@127.0.0.1:${port}/postgres`, 5432)).toBe(true)
    await new Promise((r) => server.close(r))
    expect(await answers(`postgres://postgres@127.0.0.1:${port}/postgres`, 5432)).toBe(false)
    expect(await answers('not a url', 5432)).toBe(false)
  })

  it("checks libpq's socket folder form (?host=/dir) at the folder's .s.PGSQL.PORT", async () => {
    const server = createServer((s) => s.end())
    await new Promise<void>((r) => server.listen(join(dir, '.s.PGSQL.5999'), r))
    expect(await answers(`postgres://postgres@localhost:5999/postgres?host=${dir}`, 5432)).toBe(true)
    expect(await answers(`postgres://postgres@localhost/postgres?host=${dir}`, 5432)).toBe(false)
    await new Promise((r) => server.close(r))
  })

  it('makes every missing tool a failure under REQUIRE_TOOLS=1, and Chromium under REQUIRE_BROWSER=1', () => {
    for (const name of Object.keys(TOOLS) as (keyof typeof TOOLS)[]) {
      expect(required(name, { REQUIRE_TOOLS: '1' }), name).toBe(true)
      expect(required(name, {}), name).toBe(false)
      expect(required(name, { REQUIRE_BROWSER: '1' }), name).toBe(name === 'chromium')
    }
  })

  it('names an install command for each tool, and has entries for PostgreSQL and Apertium', () => {
    expect(TOOLS.postgres.install).toMatch(/^apt-get install -y postgresql && pg_ctlcluster/)
    expect(TOOLS.apertium.install).toBe('apt-get install -y apertium-apy apertium-eng-spa')
    for (const tool of Object.values(TOOLS)) expect(tool.install).toMatch(/^(apt-get install|bash scripts\/)/)
  })
})
