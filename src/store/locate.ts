import path from 'node:path'
import { InvalidInput } from '../model/errors.js'
import { redact } from '../model/redact.js'

/** Where a workbench's data lives: one SQLite file, or a PostgreSQL database. */
export type StoreLocation = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string }

const POSTGRES = /^postgres(ql)?:\/\//i
/** `scheme://` at the start: a URL, never a file name (a Windows drive `C:\` has no `//`). */
const ANY_URL = /^[a-z][a-z0-9+.-]*:\/\//i

/**
 * Read a `--db` value (or `TOLK_DB`): `postgres://…` or `postgresql://…` is a PostgreSQL database,
 * `sqlite:PATH` or a plain path a SQLite file. A URL of another scheme is refused rather than
 * taken as a file name, so `--db mysql://host/x` never creates a folder called `mysql:`.
 * @example
 * locateStore('postgres://tolk@db/tolk') // { kind: 'postgres', url: 'postgres://tolk@db/tolk' }
 * locateStore('sqlite:data/tolk.sqlite') // { kind: 'sqlite', file: 'data/tolk.sqlite' }
 */
export function locateStore(spec: string): StoreLocation {
  if (spec.trim() === '') throw new InvalidInput('--db is empty; give a SQLite file or a postgres:// URL', 'bad-db')
  if (POSTGRES.test(spec)) {
    try {
      // The driver reads the rest (user, host, port, database, ?sslmode, ?options); a URL that
      // does not even parse is the user's mistake, named here rather than as a driver error.
      new URL(spec)
    } catch {
      throw new InvalidInput(`--db ${redact(spec)} is not a valid postgres:// URL`, 'bad-db')
    }
    return { kind: 'postgres', url: spec }
  }
  if (/^sqlite:/i.test(spec)) {
    // `sqlite:///abs/file` (URL form) and `sqlite:relative/or/abs/file` both name a file.
    const rest = spec.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '')
    if (rest === '' || rest.startsWith('//')) throw new InvalidInput(`--db ${spec} names no file; write sqlite:PATH`, 'bad-db')
    return { kind: 'sqlite', file: rest }
  }
  if (ANY_URL.test(spec)) {
    throw new InvalidInput(`--db ${redact(spec)}: unknown database kind; give a SQLite file, sqlite:PATH or a postgres:// URL`, 'bad-db')
  }
  return { kind: 'sqlite', file: spec }
}

/** The location as a message may show it: a URL without its password. */
export function describeLocation(where: StoreLocation): string {
  return where.kind === 'sqlite' ? path.normalize(where.file) : redact(where.url)
}

export { redact }
