import { serve, type ServerType } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { createApp } from './http/app.js'
import { loadSeedsIfEmpty } from './import/load-seeds.js'
import { openStore } from './store/open-store.js'

export interface ServerOptions {
  port: number
  host: string
  db: string
}

/** A running workbench: its address, and how to stop it (closing the store last). */
export interface RunningServer {
  url: string
  close: () => Promise<void>
}

/** Open the store (creating it and loading the seeds on first start) and listen. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const store = await openStore(opts.db)
  const seeded = await loadSeedsIfEmpty(store)
  if (seeded.length > 0) console.log(`tolk: new database ${opts.db}, loaded seeds: ${seeded.join(', ')}`)
  const app = createApp({ store })
  const server = await listen(app.fetch, opts)
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  const url = `http://${host}:${address.port}`
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => void store.close().then(resolve))
      }),
  }
}

function listen(fetch: (req: Request) => Response | Promise<Response>, opts: ServerOptions): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: opts.port, hostname: opts.host }, () => resolve(server))
    server.once('error', reject)
  })
}
