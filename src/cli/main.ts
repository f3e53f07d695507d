import { readFileSync } from 'node:fs'
import { formatHelp } from './help.js'
import { reportError } from './output.js'
import { VERBS } from './verbs.js'

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string
  }
  return pkg.version
}

/** What `tolk --help` prints: the verbs and a line on each. */
export function usage(): string {
  const width = Math.max(...Object.keys(VERBS).map((v) => v.length))
  const lines = Object.entries(VERBS).map(([name, v]) => `  ${name.padEnd(width)}  ${v.summary}`)
  return [
    'Usage: tolk <verb> [options]',
    '',
    'Tolk is a translation workbench: it segments articles into translation units, keeps',
    'target-language versions aligned with their source, and reports what is untranslated.',
    '',
    'Verbs:',
    ...lines,
    '',
    'Run `tolk <verb> --help` for the options of one verb.',
    'Options: --help, --version',
  ].join('\n')
}

/**
 * What `tolk VERB --help` prints (without the final newline), through the shared formatter;
 * undefined for an unknown verb. `scripts/cli-reference.mjs` writes docs/cli/VERB.md from it.
 */
export async function helpOf(verb: string): Promise<string | undefined> {
  const entry = Object.hasOwn(VERBS, verb) ? VERBS[verb] : undefined
  return entry ? formatHelp((await entry.load()).HELP) : undefined
}

/** Runs the CLI with `args` (without node and script) and resolves to the exit status. */
export async function main(args: string[]): Promise<number> {
  const [first, ...rest] = args
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    process.stdout.write(`${usage()}\n`)
    return first === undefined ? 2 : 0
  }
  if (first === '--version' || first === '-v') {
    process.stdout.write(`${version()}\n`)
    return 0
  }
  const entry = Object.hasOwn(VERBS, first) ? VERBS[first] : undefined
  if (!entry) {
    process.stderr.write(`tolk: unknown verb "${first}"; run \`tolk --help\` for the list\n`)
    return 2
  }
  const verb = await entry.load()
  // After `--` every argument is text, even one that reads as --help.
  const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest
  if (options.includes('--help') || options.includes('-h')) {
    process.stdout.write(`${formatHelp(verb.HELP)}\n`)
    return 0
  }
  try {
    return await verb.run(rest)
  } catch (err) {
    return reportError(first, err)
  }
}
