/**
 * Runs once before the test files: fetches what a test can get by itself (the XLIFF and TMX
 * schemas, extracted from Debian packages by scripts/fetch-schemas.sh), then finds which outside
 * tools are here and hands that to the test files (`inject('tolkTools')`).
 *
 * It installs no system package: `npm test` should not change the machine it runs on (apt-get
 * as root takes the dpkg lock, pulls in Chromium or Python packages, and fails without root).
 * Missing tools are skipped and listed at the end, with the command that installs each.
 */
import { spawnSync } from 'node:child_process'
import type { TestProject } from 'vitest/node'
import { detectTools, onPath, TOOLS } from './registry.js'
import { createRunDatabase } from './pg-run-database.js'

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!(await TOOLS.schemas.present()) && onPath('apt-get') && onPath('dpkg-deb')) {
    const r = spawnSync('bash', ['scripts/fetch-schemas.sh'], {
      cwd: project.config.root,
      encoding: 'utf8',
    })
    // Its failure is not the run's: the tests that need the schemas are skipped and listed.
    if (r.status !== 0)
      process.stderr.write(`scripts/fetch-schemas.sh failed (exit ${r.status}):\n${r.stderr}`)
  }
  const tools = await detectTools()
  project.provide('tolkTools', tools)
  // One PostgreSQL database for this run, dropped at its end; each store gets a schema of its own
  // inside it (tests/store/_pg.ts), so runs never see each other's data.
  const run = tools.postgres ? await createRunDatabase() : undefined
  project.provide('tolkPgRun', run?.url ?? '')
  return async () => {
    await run?.drop()
  }
}
