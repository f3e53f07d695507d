import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT } from '../cli/run-cli.js'

// A PATH holding node alone: xmllint, msgfmt, pocount, apertium-apy and apt-get are all hidden.
const bin = mkdtempSync(join(tmpdir(), 'tolk-bare-path-'))
symlinkSync(process.execPath, join(bin, 'node'))
afterAll(() => rmSync(bin, { recursive: true, force: true }))

/** vitest on the fixture file, as `npm test` runs it, with the tools hidden. */
function fixtureRun(env: Record<string, string>): Promise<{ status: number | null; out: string }> {
  const child = spawn(
    process.execPath,
    [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--config=tests/tools/fixtures/vitest.fixture.config.ts',
      'tests/tools/fixtures/needs-tools.fixture.ts',
    ],
    {
      cwd: ROOT,
      env: {
        HOME: process.env.HOME ?? tmpdir(),
        PATH: bin,
        NO_COLOR: '1',
        // Nothing listens on port 1; Chromium is not on PATH, so the registry is told to hide it.
        TOLK_TEST_PG: 'postgres://postgres@127.0.0.1:1/postgres',
        TOLK_HIDE_TOOLS: 'chromium',
        ...env,
      },
    },
  )
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr.on('data', (d: Buffer) => (out += d.toString()))
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, out })))
}

describe('tests whose outside tool is missing', { timeout: 60_000 }, () => {
  // Three vitest processes at once: each spends most of its time starting.
  const runs = Promise.all([
    fixtureRun({}),
    fixtureRun({ REQUIRE_TOOLS: '1' }),
    fixtureRun({ REQUIRE_BROWSER: '1' }),
  ])

  it('are skipped, and the run ends with the list of tools, tests and install commands', async () => {
    const { status, out } = (await runs)[0]
    expect(status, out).toBe(0)
    expect(out).toMatch(/Tests +1 passed \| 3 skipped \(4\)/)
    const list = out.slice(out.indexOf('Outside tools missing: 3 tests skipped'))
    expect(list).toContain('REQUIRE_TOOLS=1 fails them instead')
    expect(list).toMatch(/xmllint: 1 skipped\n +install: apt-get install -y libxml2-utils\n +- .*validates with xmllint/)
    expect(list).toMatch(/a PostgreSQL server at TOLK_TEST_PG \(postgres:\/\/postgres@127\.0\.0\.1:1\/postgres\): 1 skipped\n +install: apt-get install -y postgresql && pg_ctlcluster/)
    expect(list).toContain('talks to PostgreSQL')
    expect(list).toMatch(/Chromium \(\/usr\/bin\/chromium\): 1 skipped\n +install: apt-get install -y --no-install-recommends chromium\n +- .*in Chromium > opens a page/)
    expect(list).not.toContain('needs no outside tool')
  })

  it('fail under REQUIRE_TOOLS=1, each saying what is missing and how to install it', async () => {
    const { status, out } = (await runs)[1]
    expect(status, out).toBe(1)
    expect(out).toMatch(/Tests +3 failed \| 1 passed \(4\)/)
    expect(out).toContain('REQUIRE_TOOLS=1 but missing xmllint (apt-get install -y libxml2-utils)')
    expect(out).toContain('REQUIRE_TOOLS=1 but missing a PostgreSQL server')
    expect(out).toContain("REQUIRE_TOOLS=1 but missing Debian's Chromium")
    expect(out).toContain('Outside tools missing: their tests failed')
  })

  it('fail under REQUIRE_BROWSER=1 when it is Chromium; the others are still skipped', async () => {
    const { status, out } = (await runs)[2]
    expect(status, out).toBe(1)
    expect(out).toMatch(/Tests +1 failed \| 1 passed \| 2 skipped \(4\)/)
    expect(out).toContain("REQUIRE_BROWSER=1 but missing Debian's Chromium")
    expect(out).toMatch(/Chromium \(\/usr\/bin\/chromium\): 1 failed/)
    expect(out).toMatch(/xmllint: 1 skipped/)
  })
})
