import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Accounts, Principal } from '../auth/types.js'
import type { MtEngine } from '../mt/types.js'
import type { Store } from '../store/types.js'

/** The Hono environment of the app: what middleware puts on the context for handlers. */
export interface AppEnv {
  Variables: {
    requestId: string
    /** Who the request acts as; set by the auth middleware on every /api route it guards. */
    principal: Principal
  }
}

/** The app type route modules register on. */
export type App = OpenAPIHono<AppEnv>

/** What route modules need. */
export interface RouteDeps {
  store: Store
  accounts: Accounts
  /** The configured machine-translation engines, by name (none when absent). */
  mt?: ReadonlyMap<string, MtEngine>
}
