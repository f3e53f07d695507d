import type { MiddlewareHandler } from 'hono'
import { authenticate } from '../../auth/tokens.js'
import { canRead } from '../../auth/permissions.js'
import type { Accounts, Principal } from '../../auth/types.js'
import type { AppEnv } from '../env.js'
import { problem, sendProblem } from '../problem.js'

/** The anonymous reader `--public-read` lets in: a viewer without a token. */
export const ANONYMOUS: Principal = { account: 'anonymous', grants: [{ role: 'viewer', langs: [] }] }

const READS = new Set(['GET', 'HEAD'])

/**
 * Resolve `Authorization: Bearer TOKEN` to a principal, or answer 401. Without a token, reads
 * are let in as {@link ANONYMOUS} when `publicRead` is on; a token that is present but wrong is
 * always refused, so a typo does not silently downgrade a client to anonymous.
 */
export function requireToken(accounts: Accounts, opts: { publicRead: boolean }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization')
    if (header === undefined) {
      if (opts.publicRead && READS.has(c.req.method)) {
        c.set('principal', ANONYMOUS)
        return next()
      }
      return unauthorized(c, 'this route needs an API token: send Authorization: Bearer TOKEN (tolk token create NAME)')
    }
    const m = /^Bearer +(\S+) *$/i.exec(header)
    const principal = m ? await authenticate(accounts, m[1] as string) : undefined
    if (!principal) return unauthorized(c, 'the API token is unknown, revoked or expired: create a new one with tolk token create NAME')
    if (!canRead(principal)) {
      return sendProblem(c, problem(403, 'forbidden', `${principal.account} has no grants yet: tolk user grant ${principal.account} viewer`))
    }
    c.set('principal', principal)
    return next()
  }
}

function unauthorized(c: Parameters<MiddlewareHandler>[0], detail: string): Response {
  c.header('WWW-Authenticate', 'Bearer realm="tolk"')
  return sendProblem(c, problem(401, 'unauthorized', detail))
}
