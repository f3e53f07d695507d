import { spawn, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** Run the built `tolk` bin as a real process (`npm test` builds dist/ before vitest runs). */
export function runCli(args: string[], opts: { input?: string | Buffer; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, ['bin/tolk.js', ...args], {
    cwd: ROOT,
    input: opts.input ?? '',
    env: { ...process.env, ...opts.env },
    maxBuffer: 64 << 20,
  })
  return { status: result.status, stdout: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8') }
}

/** Run the built `tolk` bin without blocking this process (for tests whose process serves the requests). */
export function runCliAsync(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/tolk.js', ...args], { cwd: ROOT, env: { ...process.env, ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })
}

/**
 * Make FILE a new database with the seeds loaded, in this process (no CLI spawn): what a verb
 * that may create a database (`tolk import`, `tolk serve`) makes on first use. Verbs that only
 * read refuse a missing file, so tests that start from one use this.
 */
export async function seededDb(file: string): Promise<string> {
  const [{ createSqliteStore }, { loadSeedsIfEmpty }] = await Promise.all([
    import('../../src/store/sqlite/create-sqlite-store.js'),
    import('../../src/import/load-seeds.js'),
  ])
  const store = createSqliteStore({ file })
  try {
    await loadSeedsIfEmpty(store)
  } finally {
    await store.close()
  }
  return file
}
