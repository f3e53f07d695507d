import { spawnSync } from 'node:child_process'
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
