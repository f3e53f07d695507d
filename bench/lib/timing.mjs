// Time whole processes: spawn, wall clock from spawn to exit, CPU time and peak RSS of the child, stdout to
// a file (so it can be counted afterwards) and stderr kept for error messages.
import { spawn, spawnSync } from 'node:child_process'
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const HERE = dirname(fileURLToPath(import.meta.url))
export const WITH_RSS = join(HERE, 'with-rss.mjs')

let gnuTime
/** True when /usr/bin/time is GNU time (understands -f and -o). */
export function hasGnuTime() {
  if (gnuTime === undefined) {
    // BENCH_RSS=wrapper forces the fallback (bench/lib/with-rss.mjs), e.g. to compare the two.
    gnuTime = process.env.BENCH_RSS !== 'wrapper' && existsSync('/usr/bin/time') &&
      spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0
  }
  return gnuTime
}

/**
 * Run `node SCRIPT ARGS…` as a child process and measure it.
 * @param {object} o
 * @param {string} o.script    path of the Node script
 * @param {string[]} o.args
 * @param {string} [o.stdoutFile]  where stdout goes (default /dev/null)
 * @param {string} o.scratch   directory for the RSS file
 * @param {number} [o.timeoutMs]
 * @returns {Promise<{ wallMs: number, cpuMs: number|undefined, code: number|null,
 *   signal: string|null, timedOut: boolean, maxRssKB: number|undefined, stderr: string }>}
 * cpuMs is user + system CPU time of the child: steadier than wall time on a busy machine.
 */
export async function runNode({ script, args, stdoutFile = '/dev/null', scratch, timeoutMs = 60_000 }) {
  mkdirSync(scratch, { recursive: true })
  const rssFile = join(scratch, `rss-${process.pid}.txt`)
  rmSync(rssFile, { force: true })
  let cmd
  let argv
  const env = { ...process.env }
  if (hasGnuTime()) {
    cmd = '/usr/bin/time'
    argv = ['-f', '%M %U %S', '-o', rssFile, process.execPath, script, ...args]
  } else {
    cmd = process.execPath
    argv = [WITH_RSS, script, ...args]
    env.BENCH_RSS_FILE = rssFile
  }
  const out = openSync(stdoutFile, 'w')
  let stderr = ''
  let timedOut = false
  const t0 = process.hrtime.bigint()
  const { code, signal } = await new Promise((resolve, reject) => {
    // detached: the child leads its own process group, so a timeout can end it and its child.
    const child = spawn(cmd, argv, { stdio: ['ignore', out, 'pipe'], env, detached: true })
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (d) => {
      if (stderr.length < 64_000) stderr += d
    })
    const timer = setTimeout(() => {
      timedOut = true
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch {}
    }, timeoutMs)
    child.on('error', reject)
    child.on('close', (c, s) => {
      clearTimeout(timer)
      resolve({ code: c, signal: s })
    })
  })
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6
  closeSync(out)
  let maxRssKB
  let cpuMs
  try {
    // "MAXRSS_KB USER_S SYS_S"; GNU time writes "Command exited with non-zero status N" before it.
    const lines = readFileSync(rssFile, 'utf8').trim().split('\n')
    const [rss, user, sys] = (lines[lines.length - 1] ?? '').split(' ').map(Number)
    if (Number.isFinite(rss)) maxRssKB = rss
    if (Number.isFinite(user) && Number.isFinite(sys)) cpuMs = (user + sys) * 1000
  } catch {}
  rmSync(rssFile, { force: true })
  return { wallMs, cpuMs, code, signal, timedOut, maxRssKB, stderr }
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** The median wall time in ms of `rounds` runs of the async `fn`, one after the other. */
export async function medianTime(fn, rounds) {
  const ms = []
  for (let r = 0; r < rounds; r++) {
    const t = performance.now()
    await fn()
    ms.push(performance.now() - t)
  }
  return median(ms)
}

/** Number of `\n` in a file (read in one go; output files here are at most a few hundred MB). */
export function countLines(file) {
  const buf = readFileSync(file)
  let n = 0
  let i = -1
  while ((i = buf.indexOf(10, i + 1)) !== -1) n++
  return n
}

export const fmt = {
  s: (ms) => `${(ms / 1000).toFixed(2)} s`,
  mibs: (bytes, ms) => `${(bytes / (1 << 20) / (ms / 1000)).toFixed(1)} MiB/s`,
  mib: (bytes) => `${(bytes / (1 << 20)).toFixed(1)} MiB`,
  rss: (kb) => (kb === undefined ? '?' : `${(kb / 1024).toFixed(0)} MiB`),
  int: (n) => n.toLocaleString('en-US'),
}
