import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env.js'
import { problem, ProblemError } from '../problem.js'
import { ANONYMOUS } from './auth.js'

/** Reports and exports one account (or, anonymous, one client address) may run at once. */
export const HEAVY_PER_CLIENT = 2

/** Seconds a client refused for running too many is told to wait (`Retry-After`). */
export const HEAVY_RETRY_AFTER = 1

/**
 * Cap the reports and exports running at once per client: an account's by its name, an
 * anonymous `--public-read` client's by its address. One more than `max` is refused with 429,
 * `Retry-After` and problem+json before it reads anything. A request holds its place until its
 * answer has been sent in full (or the client has gone), not only until the handler returns: a
 * streamed answer is the work.
 */
export function heavyLimit(max = HEAVY_PER_CLIENT, keyOf: (c: Context) => string = clientKey): MiddlewareHandler {
  const running = new Map<string, number>()
  return async (c, next) => {
    const key = keyOf(c)
    const now = running.get(key) ?? 0
    if (now >= max) {
      throw new ProblemError(
        problem(
          429,
          'too-many-requests',
          `${max} reports or exports of yours are running already: wait for one to finish (retry after ${HEAVY_RETRY_AFTER} s)`,
        ),
        { 'Retry-After': String(HEAVY_RETRY_AFTER) },
      )
    }
    running.set(key, now + 1)
    let held = true
    const release = () => {
      if (!held) return
      held = false
      const left = (running.get(key) ?? 1) - 1
      if (left <= 0) running.delete(key)
      else running.set(key, left)
    }
    try {
      await next()
    } catch (err) {
      release()
      throw err
    }
    const res = c.res
    if (c.error || !res.body) {
      release()
      return
    }
    c.res = new Response(untilSent(res.body, release), res)
  }
}

/** Who a request counts against: its account, or the client's address when anonymous. */
function clientKey(c: Context): string {
  const principal = (c as Context<AppEnv>).get('principal')
  if (principal && principal !== ANONYMOUS) return `account ${principal.account}`
  try {
    return `address ${getConnInfo(c).remote.address ?? 'unknown'}`
  } catch {
    // app.request() in tests has no socket.
    return 'address local'
  }
}

/** The same bytes, with `done` called once when the last is read, on an error, or on cancel. */
function untilSent(body: ReadableStream<Uint8Array>, done: () => void): ReadableStream<Uint8Array> {
  const reader = body.getReader()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done: end, value } = await reader.read()
        if (end) {
          done()
          controller.close()
        } else controller.enqueue(value)
      } catch (err) {
        done()
        controller.error(err)
      }
    },
    cancel(reason) {
      done()
      return reader.cancel(reason)
    },
  })
}

/**
 * A streamed answer from text pieces: each piece is made when the client has taken the one
 * before (the pull of a web stream), so memory holds about one piece and the event loop turns
 * between them. A piece that fails after the first has gone out ends the answer early (the client
 * sees a cut-off transfer): the status was sent already.
 */
export function streamText(chunks: AsyncIterator<string>, onError: (err: unknown) => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        for (;;) {
          const { done, value } = await chunks.next()
          if (done) return controller.close()
          if (value !== '') return controller.enqueue(encoder.encode(value))
        }
      } catch (err) {
        onError(err)
        controller.error(err)
      }
    },
    async cancel() {
      await chunks.return?.(undefined)
    },
  }, { highWaterMark: 0 })
}
