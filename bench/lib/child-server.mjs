// Servers under test as child processes of a bench, each in its own process so that the load
// generator (another process) and the server do not share a thread.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/**
 * Start a server process and wait for its URL (a `listening on http://…` or `URL http://…` line);
 * its later output is read and dropped, so a chatty server never blocks on a full pipe.
 * `stop()` kills it (the figures are taken; no need to wait for keep-alive sockets).
 *
 * To look inside a server under a bench's load: BENCH_SERVER_NODE_ARGS gives its node options
 * (`--cpu-prof --cpu-prof-dir=/tmp/prof`), and BENCH_STOP_SIGNAL=SIGTERM stops it so that it
 * exits and writes its profile.
 */
export async function startChild(argv, opts = {}) {
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS ? process.env.BENCH_SERVER_NODE_ARGS.split(' ') : []
  const child = spawn(process.execPath, [...nodeArgs, ...argv], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...opts.env } })
  const url = await new Promise((resolve, reject) => {
    let out = ''
    const onData = (d) => {
      out += d
      const m = /(?:listening on |^URL )(http:\S+)/m.exec(out)
      if (m) {
        out = ''
        child.stdout.off('data', onData)
        child.stdout.on('data', () => {})
        resolve(m[1])
      }
    }
    child.stdout.on('data', onData)
    child.once('exit', (code) => reject(new Error(`server ${argv.join(' ')} exited ${code}: ${out}`)))
  })
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', resolve)
      child.kill(process.env.BENCH_STOP_SIGNAL || 'SIGKILL')
    })
  return { url, stop, pid: child.pid }
}

/** CPU time (user + system, ms) a process has used so far, from /proc; undefined elsewhere. */
export function cpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 // clock ticks at USER_HZ 100
  } catch {
    return undefined
  }
}
