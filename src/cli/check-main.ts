/**
 * `tolk-check`: the standalone checker (packages/tolk-check). It runs the workbench's own
 * `tolk check` verb, so its output and exit statuses are the same byte for byte, but it ships
 * without the store: `--db` stays with the workbench (better-sqlite3 is a native build).
 */
import { readFileSync } from 'node:fs'
import { reportError, UsageError } from './output.js'
import { HELP, run } from './verbs/check.js'

/** The help of the standalone: `tolk check`'s, named `tolk-check`, without `--db` (one line each). */
export async function standaloneHelp(): Promise<string> {
  // Loaded only for --help, as the workbench's main loads a verb's help.
  const { formatHelp } = await import('./help.js')
  return formatHelp(HELP)
    .split('\n')
    .filter((line) => !/^\s+(tolk check )?--db /.test(line))
    .join('\n')
    .replace(/, the\s+workbench's database, or a running workbench/, ', or a running\nworkbench')
    .replaceAll('tolk check', 'tolk-check')
}

/** Runs `tolk-check ARGS`; resolves to the exit status. */
export async function main(args: string[]): Promise<number> {
  const options = args.includes('--') ? args.slice(0, args.indexOf('--')) : args
  if (options.includes('--help') || options.includes('-h')) {
    process.stdout.write(`${await standaloneHelp()}\n`)
    return 0
  }
  if (options.includes('--version') || options.includes('-v')) {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
    process.stdout.write(`${pkg.version}\n`)
    return 0
  }
  try {
    if (options.some((a) => a === '--db' || a.startsWith('--db='))) {
      throw new UsageError('--db needs tolk check of the workbench (it reads the database with better-sqlite3, a native build); tolk-check reads --locales, --files and --server')
    }
    return await run(args)
  } catch (err) {
    // Named `tolk check` in messages, as the workbench names them: the two print the same.
    return reportError('check', err)
  }
}
