import { parseVerbArgs, UsageError, writeOut } from '../output.js'

export const HELP = `Usage: tolk db copy FROM TO [--force] [--json]

Copy a whole workbench between databases, SQLite and PostgreSQL in either direction: articles,
units, translations with all their history, the memory, accounts, grants, tokens, passwords and
editor sessions. FROM and TO are what --db takes: a SQLite file, sqlite:PATH, or a postgres:// URL.
The source is read in one snapshot, so a server may go on using it; the target is written in one
transaction and checked before it commits: for every table, the row count and a SHA-256 over its
rows must equal the source's, or nothing is written. The memory's indexes are rebuilt, not copied.

The target is created when absent: a new SQLite file, or Tolk's schema in an existing, empty
PostgreSQL database (Tolk never creates a PostgreSQL database: createdb it first). No seeds are
loaded. A target that holds data is refused unless --force.

Options:
  --force        empty a target that holds data first (a SQLite file is made again)
  --json         print the report as JSON: tables with rows and SHA-256, bytes, seconds
  -h, --help     this help

Example, moving from SQLite to PostgreSQL (stop the service first, or copy again at the switch):
  createdb tolk
  tolk db copy data/tolk.sqlite postgres://tolk@db.example.org/tolk`

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, { force: { type: 'boolean' }, json: { type: 'boolean' } })
  const [action, from, to, ...rest] = positionals
  if (action !== 'copy') throw new UsageError(action ? `unknown db action "${action}"; see --help` : 'give an action: tolk db copy FROM TO; see --help')
  if (!from || !to || rest.length > 0) throw new UsageError('give FROM and TO: tolk db copy FROM TO; see --help')
  const { copyDatabase } = await import('../../store/copy/copy-database.js')
  const report = await copyDatabase({
    from,
    to,
    force: values.force ?? false,
    ...(values.json ? {} : { progress: (t) => void process.stderr.write(`${t.table}: ${t.rows} rows\n`) }),
  })
  if (values.json) {
    await writeOut(`${JSON.stringify(report, null, 2)}\n`)
    return 0
  }
  const mb = report.bytes / 1e6
  const lines = report.tables.map((t) => `${t.table.padEnd(18)} ${String(t.rows).padStart(9)} rows  sha256 ${t.sha256.slice(0, 16)}  verified`)
  await writeOut(
    `copied ${report.from} to ${report.to}\n${lines.join('\n')}\n` +
      `${mb.toFixed(1)} MB in ${report.seconds.toFixed(1)} s (${(mb / Math.max(report.seconds, 0.001)).toFixed(1)} MB/s)\n`,
  )
  return 0
}
