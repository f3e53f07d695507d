import type { MtEngine } from './mt/types.js'
import { serve, type ServerType } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { ensureFirstAdmin, FIRST_ADMIN } from './auth/bootstrap.js'
import { createApp, DEFAULT_APP_OPTIONS } from './http/app.js'
import { loadSeedsIfEmpty } from './import/load-seeds.js'
import { openStore } from './store/open-store.js'
import { startCheckpointer } from './store/sqlite/checkpointer.js'
import { followMemory } from './tm/memory-follow.js'
import { firstStartOnce } from './store/first-start.js'
import { describeLocation, locateStore } from './store/locate.js'
import { openWebAuth } from './store/open-web-auth.js'
import { createWebRoutes } from './web/create-web-routes.js'

/**
 * The service brings the translation memory up to date with new writes in slices of about 2 ms
 * (see `followMemory`): one per look while requests keep it busy, until current when idle. A
 * fixed 500-entry slice blocked the event loop for 10 to 50 ms on a loaded machine, the longest
 * pauses under write load. Under a sustained burst the memory falls behind and the next memory
 * read catches up in full.
 */
const MEMORY_SYNC_MS = 250
const MEMORY_SYNC_SLICE_MS = 2

/**
 * A thread of its own checkpoints the log every 100 ms (see `checkpointer.ts`): SQLite's
 * automatic checkpoint ran inside a commit every 1,000 log pages, a tenth of a second apart under
 * write load, and was most of the commits that held the event loop past 10 ms. The writing
 * connection checkpoints itself only past 10,000 pages (about 40 MB), should that thread lag.
 */
const CHECKPOINT_MS = 100
const BACKSTOP_CHECKPOINT_PAGES = 10_000

/** How `tolk serve` runs the service. */
export interface ServerOptions {
  port: number
  host: string
  db: string
  /** Anonymous clients may read what a viewer reads, history and memory search included. */
  publicRead?: boolean
  /** CORS origins; none = CORS off. */
  cors?: string[]
  /** Target languages of an i18next namespace that a saveMissing post creates. */
  localeTargets?: string[]
  /** Request body limit in bytes. */
  maxBody?: number
  /** No request log lines. */
  quiet?: boolean
  /** Machine-translation engines by name (see src/mt/). */
  mt?: ReadonlyMap<string, MtEngine>
  /** How long an editor sign-in lasts at most, however active (ms; default 7 days). */
  sessionMaxAgeMs?: number
  /** How long (ms) a write retries while another process holds the write lock (default 2000). */
  busyWindowMs?: number
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
  // Busy timeout 0: SQLite never blocks the event loop waiting for another process's write lock
  // (a CLI import); the store's writes retry off the loop and answer 503 after the window.
  const store = await openStore(opts.db, { walAutocheckpoint: BACKSTOP_CHECKPOINT_PAGES, busyTimeout: 0, ...(opts.busyWindowMs !== undefined ? { busyWindowMs: opts.busyWindowMs } : {}) })
  const where = locateStore(opts.db)
  // SQLite's log is checkpointed by a thread of ours; PostgreSQL checkpoints itself.
  const checkpointer = where.kind !== 'sqlite' || where.file === ':memory:' ? undefined : startCheckpointer(where.file, { everyMs: CHECKPOINT_MS })
  const accounts = store.accounts
  // Servers starting together on a new PostgreSQL database must seed it and make its first admin
  // once: the second waits for the first's lock, then finds the work done.
  const { seeded, token } = await firstStartOnce(where, async () => ({
    seeded: await loadSeedsIfEmpty(store),
    token: await ensureFirstAdmin(store.accounts),
  }))
  if (seeded.length > 0) print(`tolk: new database ${describeLocation(where)}, loaded seeds: ${seeded.join(', ')}`)
  const faults = await store.textFaults()
  if (faults.length > 0) {
    print(`tolk: ${faults.length} stored texts break the text rule (stored before it was enforced; XML exports refuse them): list them with tolk text-faults, and rewrite them`)
  }
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
    ...(opts.mt ? { mt: opts.mt } : {}),
  })
  // The translator's editor at `/`: passwords and sessions on their own connection to the file.
  const web = await openWebAuth(opts.db, accounts, { busyTimeout: 0, lifetime: { maxAgeMs: opts.sessionMaxAgeMs } })
  app.route('/', createWebRoutes({ store, accounts, passwords: web.passwords, sessions: web.sessions, ...(opts.mt ? { mt: opts.mt } : {}) }))
  const server = await listen(app.fetch, opts)
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  const url = `http://${host}:${address.port}`
  if (token) print(`tolk: the editor is at ${url}/sign-in once ${FIRST_ADMIN} has a password: tolk user passwd ${FIRST_ADMIN}`)
  // The memory follows the history off the write path; keep it close behind while writes come
  // in, so a match lookup rarely has a backlog to take in first.
  const stopMemory = followMemory((limit) => store.memory.sync(limit), { everyMs: MEMORY_SYNC_MS, sliceMs: MEMORY_SYNC_SLICE_MS })
  const stopTurnLog = logLongTurns()
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        stopMemory()
        stopTurnLog()
        server.close(() =>
          void web
            .close()
            .then(() => checkpointer?.stop())
            .then(() => store.close())
            .then(resolve),
        )
      }),
  }
}

function listen(fetch: (req: Request) => Response | Promise<Response>, opts: ServerOptions): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: opts.port, hostname: opts.host }, () => resolve(server))
    server.once('error', reject)
  })
}

/**
 * With `TOLK_LOG_LONG_TURNS=MS` (a diagnosis aid, off by default), print to stderr every
 * event-loop turn that kept a 1 ms timer waiting longer than MS, and every 5 s a histogram line.
 */
function logLongTurns(): () => void {
  const limit = Number(process.env.TOLK_LOG_LONG_TURNS)
  if (!(limit > 0)) return () => {}
  const hist = monitorEventLoopDelay({ resolution: 1 })
  hist.enable()
  let last = performance.now()
  const tick = setInterval(() => {
    const now = performance.now()
    const gap = now - last - 1
    if (gap > limit) process.stderr.write(`tolk: long turn ${gap.toFixed(1)} ms\n`)
    last = now
  }, 1)
  const report = setInterval(() => {
    const ms = (n: number) => (n / 1e6).toFixed(1)
    process.stderr.write(`tolk: loop delay p50 ${ms(hist.percentile(50))} p99 ${ms(hist.percentile(99))} max ${ms(hist.max)} ms\n`)
    hist.reset()
  }, 5000)
  tick.unref()
  report.unref()
  return () => {
    clearInterval(tick)
    clearInterval(report)
    hist.disable()
  }
}
