/** Where settings come from, resolved once: a flag, then the environment, then the default. */
export const DEFAULT_DB = 'data/tolk.sqlite'
export const DEFAULT_PORT = 8787
export const DEFAULT_HOST = '127.0.0.1'

/** The database file: `--db`, else `TOLK_DB`, else `data/tolk.sqlite` (relative to the working directory). */
export function resolveDbPath(flag: string | undefined): string {
  return flag ?? process.env.TOLK_DB ?? DEFAULT_DB
}
