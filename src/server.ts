import { serve, type ServerType } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { ensureFirstAdmin, FIRST_ADMIN } from './auth/bootstrap.js'
import { createApp, DEFAULT_APP_OPTIONS } from './http/app.js'
import { loadSeedsIfEmpty } from './import/load-seeds.js'
import { openStore } from './store/open-store.js'
import { openSqliteWebAuth } from './store/sqlite/sessions.js'
import { createWebRoutes } from './web/create-web-routes.js'

/**
 * The service brings the translation memory up to date with new writes in small slices, often:
 * a slice blocks the event loop for a few milliseconds at most, so write latency stays flat under
 * load (one large batch every few seconds blocked it for hundreds). Under a sustained burst the
 * memory falls behind and the next memory read catches up in full.
 */
const MEMORY_SYNC_MS = 250
const MEMORY_SYNC_SLICE = 500

/** How `tolk serve` runs the service. */
export interface ServerOptions {
  port: number
  host: string
  db: string
  /** Anonymous clients may read articles, units, translations and reports. */
  publicRead?: boolean
  /** CORS origins; none = CORS off. */
  cors?: string[]
  /** Target languages of an i18next namespace that a saveMissing post creates. */
  localeTargets?: string[]
  /** Request body limit in bytes. */
  maxBody?: number
  /** No request log lines. */
  quiet?: boolean
  /** Where start-up messages go (default: stdout). */
  print?: (line: string) => void
}

/** A running workbench: its address, and how to stop it (closing the store last). */
export interface RunningServer {
  url: string
  close: () => Promise<void>
}

/**
 * Open the store (creating it and loading the seeds on first start), make the first admin when
 * there is no account yet (printing its token once), and listen.
 */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const print = opts.print ?? ((line: string) => console.log(line))
  const store = await openStore(opts.db)
  const accounts = store.accounts
  const seeded = await loadSeedsIfEmpty(store)
  if (seeded.length > 0) print(`tolk: new database ${opts.db}, loaded seeds: ${seeded.join(', ')}`)
  const token = await ensureFirstAdmin(accounts)
  if (token) {
    print(`tolk: created account ${FIRST_ADMIN}; its API token is shown this once (send it as Authorization: Bearer TOKEN):`)
    print(token)
  }
  const app = createApp({
    store,
    accounts,
    publicRead: opts.publicRead ?? false,
    cors: opts.cors ?? [],
    localeTargets: opts.localeTargets ?? [],
    maxBody: opts.maxBody ?? DEFAULT_APP_OPTIONS.maxBody,
    log: opts.quiet ? false : DEFAULT_APP_OPTIONS.log,
  })
  // The translator's editor at `/`: passwords and sessions on their own connection to the file.
  const web = openSqliteWebAuth({ file: opts.db }, accounts)
  app.route('/', createWebRoutes({ store, accounts, passwords: web.passwords, sessions: web.sessions }))
  const server = await listen(app.fetch, opts)
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  const url = `http://${host}:${address.port}`
  if (token) print(`tolk: the editor is at ${url}/sign-in once ${FIRST_ADMIN} has a password: tolk user passwd ${FIRST_ADMIN}`)
  // The memory follows the history off the write path; keep it close behind while writes come
  // in, so a match lookup rarely has a backlog to take in first.
  const memorySync = setInterval(() => {
    store.memory.sync(MEMORY_SYNC_SLICE).catch((err: unknown) => console.error(`tolk: memory sync failed: ${String(err)}`))
  }, MEMORY_SYNC_MS)
  memorySync.unref()
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(memorySync)
        server.close(() => void web.close().then(() => store.close()).then(resolve))
      }),
  }
}

function listen(fetch: (req: Request) => Response | Promise<Response>, opts: ServerOptions): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: opts.port, hostname: opts.host }, () => resolve(server))
    server.once('error', reject)
  })
}
