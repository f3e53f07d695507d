import { parseArgs, type ParseArgsConfig } from 'node:util'
import { TolkError, VersionConflict } from '../model/errors.js'

/** A usage mistake on the command line: one line on stderr, exit 2. */
export class UsageError extends Error {}

/**
 * Print an error as one line on stderr and return the exit status: 2 for bad usage or input
 * (Tolk's own typed errors), 1 for anything unexpected (the message only, never a stack trace,
 * unless TOLK_DEBUG is set).
 */
export function reportError(verb: string, err: unknown): number {
  if (err instanceof VersionConflict) {
    process.stderr.write(`tolk ${verb}: ${oneLine(err.message)}\n`)
    return 1
  }
  if (err instanceof UsageError || err instanceof TolkError) {
    process.stderr.write(`tolk ${verb}: ${oneLine(err.message)}\n`)
    return 2
  }
  const message = err instanceof Error ? err.message : String(err)
  process.stderr.write(`tolk ${verb}: unexpected error: ${oneLine(message)}\n`)
  if (process.env.TOLK_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`)
  return 1
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ')
}

/**
 * node:util parseArgs, strict, with its errors turned into UsageError (exit 2) in Tolk's words.
 * With `textFrom: n`, the positional argument at index n (counting from 0) and every one after it
 * is taken as it stands, whatever it starts with: `tolk translate ART UNIT "- a list item"`. An
 * argument there that names one of the verb's options is still read as that option, so options
 * may follow the text; `--` works as usual for a text that is itself an option's name.
 */
export function parseVerbArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  allowPositionals = true,
  opts: { textFrom?: number } = {},
) {
  const texts: string[] = []
  const given = opts.textFrom === undefined ? args : shieldTexts(args, options, opts.textFrom, texts)
  let parsed
  try {
    parsed = parseArgs({ args: given, options, allowPositionals, strict: true })
  } catch (err) {
    throw new UsageError(`${usageMessage(err as Error & { code?: string })}; see --help`)
  }
  if (texts.length > 0) parsed.positionals = parsed.positionals.map((p) => (p.startsWith(SHIELD) ? (texts[Number(p.slice(SHIELD.length))] as string) : p))
  return parsed
}

// Stands in for a text argument while parseArgs reads the rest: it cannot start with "-".
const SHIELD = '\u0000tolk-text-'

/** `args` with each text argument from position `from` on replaced by a SHIELD stand-in. */
function shieldTexts(args: string[], options: NonNullable<ParseArgsConfig['options']>, from: number, texts: string[]): string[] {
  const takesValue = new Set<string>()
  const known = new Set<string>()
  for (const [name, o] of Object.entries(options)) {
    known.add(`--${name}`)
    if (o.short) known.add(`-${o.short}`)
    if (o.type === 'string') {
      takesValue.add(`--${name}`)
      if (o.short) takesValue.add(`-${o.short}`)
    }
  }
  known.add('--help').add('-h')
  const out: string[] = []
  let positionals = 0
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (a === '--') {
      out.push(...args.slice(i))
      break
    }
    const dashed = a.startsWith('-') && a !== '-'
    if (dashed && known.has(a.startsWith('--') ? (a.split('=', 1)[0] as string) : a)) {
      out.push(a)
      if (takesValue.has(a) && i + 1 < args.length) out.push(args[++i] as string)
      continue
    }
    if (dashed && positionals < from) {
      out.push(a) // an unknown option before the text: parseArgs names it
      continue
    }
    if (dashed) {
      texts.push(a)
      out.push(`${SHIELD}${texts.length - 1}`)
    } else out.push(a)
    positionals++
  }
  return out
}

/** parseArgs's message in Tolk's words, its quotes balanced. */
function usageMessage(err: Error & { code?: string }): string {
  const quoted = /'([^']*)'/.exec(err.message)?.[1]
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option "${quoted}" (an argument that starts with "-" goes after --, as in: -- "${quoted}")`
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const option = quoted?.split(' ', 1)[0]
      return /argument missing/.test(err.message) ? `${option} needs a value` : `${option} takes no value`
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument "${quoted}": this verb takes none`
    default:
      return err.message
  }
}

/** Write to stdout and wait until it is flushed; a closed pipe (`| head`) ends quietly. */
export function writeOut(s: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(s, (err) => {
      if (!err) resolve()
      else if ((err as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0)
      else reject(err)
    })
  })
}
