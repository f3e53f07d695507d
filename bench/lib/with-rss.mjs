// Run a Node script in this process and report its peak resident set size on exit, for machines
// without GNU time. Used as: node bench/lib/with-rss.mjs SCRIPT [ARGS…]
// The script sees process.argv as if it had been started directly. On exit, one line
// `MAXRSS_KB USER_S SYS_S` (peak RSS in kilobytes as process.resourceUsage().maxRSS gives it,
// CPU seconds) goes to the file named by BENCH_RSS_FILE, else to stderr; the same shape as
// GNU time's `-f '%M %U %S'`.
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const [script, ...rest] = process.argv.slice(2)
if (!script) {
  process.stderr.write('usage: node bench/lib/with-rss.mjs SCRIPT [ARGS…]\n')
  process.exit(2)
}
process.argv = [process.argv[0], resolve(script), ...rest]
process.on('exit', () => {
  const u = process.resourceUsage()
  const line = `${u.maxRSS} ${(u.userCPUTime / 1e6).toFixed(3)} ${(u.systemCPUTime / 1e6).toFixed(3)}`
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, `${line}\n`)
  else process.stderr.write(`maxrss_kb user_s sys_s: ${line}\n`)
})
await import(pathToFileURL(resolve(script)).href)
