import type { Context } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { Subscription } from './event-hub.js'

/** A heartbeat (an SSE comment) this often, and the right to go on looked at again. */
export const HEARTBEAT_MS = 15_000

/**
 * How often a stream asks whether the auth version moved (a cheap, local question), so that a
 * session ended or a token revoked on any server ends its streams within a second too.
 */
export const AUTH_CHECK_MS = 250

/**
 * Send one subscription as Server-Sent Events: `event: translation` with an `id:` (what
 * `Last-Event-ID` resumes from), `event: presence` without one, a heartbeat comment when nothing
 * came for `heartbeatMs`, and `event: end` once `allowed()` says no more (session ended). The
 * right to go on is looked at with each heartbeat, and as soon as `authVersion()` (the accounts'
 * `Accounts.authVersion`) has moved, asked every {@link AUTH_CHECK_MS}.
 */
export function streamLive(
  c: Context,
  sub: Subscription,
  opts: { heartbeatMs?: number; allowed: () => Promise<boolean>; authVersion?: () => Promise<number> },
): Response {
  const heartbeat = opts.heartbeatMs ?? HEARTBEAT_MS
  const { authVersion } = opts
  c.header('X-Accel-Buffering', 'no')
  return streamSSE(c, async (stream) => {
    stream.onAbort(() => sub.close())
    let seen = await authVersion?.()
    // Whether an auth change since the last look may have taken the right away.
    const authMoved = async () => {
      if (!authVersion) return false
      const now = await authVersion()
      if (now === seen) return false
      seen = now
      return true
    }
    // Tells the browser to come back after 2 s when the connection drops.
    await stream.write('retry: 2000\n\n')
    let quietSince = Date.now()
    for (;;) {
      const items = await sub.next(authVersion ? Math.min(heartbeat, AUTH_CHECK_MS) : heartbeat)
      if (items === undefined || stream.aborted) break
      if ((await authMoved()) && !(await opts.allowed())) {
        await stream.writeSSE({ event: 'end', data: 'signed-out' })
        break
      }
      for (const item of items) {
        if (item.type === 'translation') {
          const { id, ...data } = item.event
          await stream.writeSSE({ event: 'translation', id: String(id), data: JSON.stringify(data) })
        } else {
          // No id: where someone is now is not replayed after a reconnect.
          const { user, unit, typing } = item.presence
          await stream.writeSSE({ event: 'presence', data: JSON.stringify({ user, unit, typing }) })
        }
      }
      if (items.length > 0) {
        quietSince = Date.now()
        continue
      }
      if (Date.now() - quietSince < heartbeat) continue
      if (!(await opts.allowed())) {
        await stream.writeSSE({ event: 'end', data: 'signed-out' })
        break
      }
      await stream.write(': heartbeat\n\n')
      quietSince = Date.now()
    }
    sub.close()
  })
}

/** The `Last-Event-ID` of a request (or `?after=`), when it is a plain event id. */
export function lastEventId(c: Context): number | undefined {
  const raw = c.req.header('last-event-id') ?? c.req.query('after')
  return raw !== undefined && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined
}
