import { DEFAULT_HOST, DEFAULT_PORT, resolveDbPath } from '../../config.js'
import { startServer } from '../../server.js'
import { parseVerbArgs, UsageError } from '../output.js'

export const HELP = `Usage: tolk serve [--port N] [--host ADDR] [--db FILE]

Run the workbench service. On first start it creates the database and loads the seed articles.

Options:
  --port N       port to listen on (default: PORT, else ${DEFAULT_PORT}; 0 picks a free port)
  --host ADDR    address to listen on (default ${DEFAULT_HOST}: this machine only)
  --db FILE      SQLite database (default: TOLK_DB, else data/tolk.sqlite)
  -h, --help     this help`

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    db: { type: 'string' },
  }, false)
  void positionals
  const port = parsePort(values.port ?? process.env.PORT ?? String(DEFAULT_PORT))
  const server = await startServer({ port, host: values.host ?? DEFAULT_HOST, db: resolveDbPath(values.db) })
  console.log(`tolk: listening on ${server.url}`)
  await new Promise<void>((resolve) => {
    const stop = () => void server.close().then(resolve)
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  return 0
}

function parsePort(text: string): number {
  const port = Number(text)
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`invalid port "${text}": give a number from 0 to 65535`)
  return port
}
