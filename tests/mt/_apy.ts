/**
 * Apertium APy for a test file: started once on a free port on the installed pairs' modes
 * (Debian's /usr/share/apertium/modes), ready when `/listPairs` answers, stopped afterwards.
 * Use inside describeWith(['apertium'], …) so that without APy the tests are skipped and listed.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { afterAll, beforeAll } from 'vitest'

/** Where apertium-eng-spa puts its modes. */
export const MODES = '/usr/share/apertium/modes'

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

/** Start APy before the file's tests and stop it after; `url()` is its base URL. */
export function useApy(): { url: () => string } {
  let child: ChildProcess | undefined
  let base = ''
  beforeAll(async () => {
    const port = await freePort()
    child = spawn('apertium-apy', ['-p', String(port), MODES], { stdio: ['ignore', 'ignore', 'pipe'] })
    let err = ''
    child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)))
    base = `http://127.0.0.1:${port}`
    for (let i = 0; i < 300; i++) {
      if (child.exitCode !== null) throw new Error(`apertium-apy exited: ${err}`)
      try {
        if ((await fetch(`${base}/listPairs`)).ok) return
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100))
    }
    throw new Error(`apertium-apy did not answer /listPairs: ${err}`)
  }, 40_000)
  afterAll(() => {
    child?.kill('SIGTERM')
  })
  return { url: () => base }
}
