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

/** node:util parseArgs, strict, with its errors turned into UsageError (exit 2). */
export function parseVerbArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  allowPositionals = true,
) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true })
  } catch (err) {
    throw new UsageError(`${(err as Error).message}; see --help`)
  }
}

/** Write to stdout and wait until it is flushed; a closed pipe (`| head`) ends quietly. */
export function writeOut(s: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(s, (err) => {
      if (!err) resolve()
      else if ((err as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0)
      else reject(err)
    })
  })
}
