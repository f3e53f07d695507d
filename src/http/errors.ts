import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { CodeMismatch } from '../codes/validate.js'
import { UntranslatedUnits } from '../formats/original.js'
import { StoreBusy, TolkError, VersionConflict } from '../model/errors.js'
import { printable } from '../model/tags.js'
import { isDatabaseAway } from '../store/database-away.js'
import { methodNotAllowed } from './method-not-allowed.js'
import { problem, problemOf, ProblemError, sendProblem } from './problem.js'

/** The media types the route that took a request reads its body in, for a 415's detail. */
export type AcceptedTypes = (c: Context) => readonly string[]

/**
 * The one place that turns errors into problem+json: Tolk's typed errors keep their status and
 * message; anything unexpected is logged with the request id and answered 500 without internals.
 */
export function errorHandler(accepted: AcceptedTypes = () => []): (err: Error, c: Context) => Response {
  return (err, c) => {
    if (err instanceof ProblemError) {
      for (const [k, v] of Object.entries(err.headers)) c.header(k, v)
      return sendProblem(c, err.problem)
    }
    if (err instanceof VersionConflict) {
      return sendProblem(c, problem(412, 'version-conflict', err.message, { current: err.current }))
    }
    // A lock error that escaped the store's retries (a read in a rare WAL moment, say) is the same
    // answer, never a generic 500 "database is locked".
    if (/^SQLITE_BUSY/.test(String((err as { code?: unknown }).code ?? ''))) err = new StoreBusy(0)
    if (err instanceof StoreBusy) {
      // Another process holds the database's write lock (a CLI import): nothing was written.
      c.header('Retry-After', String(err.retryAfter))
      return sendProblem(c, problem(503, 'store-busy', err.message, { retryAfter: err.retryAfter }))
    }
    if (isDatabaseAway(err)) {
      // PostgreSQL restarting or unreachable. A write whose connection broke at its commit may
      // have landed: the client reads before it writes again (its If-Match tells it so anyway).
      c.header('Retry-After', '1')
      return sendProblem(
        c,
        problem(503, 'store-unavailable', 'the database cannot be reached just now: try again in 1 s (a write that was under way may have been saved; read it first)', { retryAfter: 1 }),
      )
    }
    if (err instanceof CodeMismatch) {
      // Each code named, for a client (the editor) to point at: {kind, code, message}.
      return sendProblem(c, problem(400, 'code-mismatch', err.message, { codes: err.problems }))
    }
    if (err instanceof UntranslatedUnits) return sendProblem(c, problem(409, 'untranslated-units', err.message, { units: err.units }))
    if (err instanceof TolkError) return sendProblem(c, problemOf(err.status, err.code, err.message))
    if (err instanceof HTTPException) return sendProblem(c, fromHttpException(err, c, accepted))
    const requestId = c.get('requestId') as string | undefined
    console.error(`[${requestId ?? '-'}] unexpected error: ${err.stack ?? err.message}`)
    return sendProblem(
      c,
      problem(500, 'internal', `something went wrong on our side; quote request id ${requestId ?? '-'} when reporting it`, {
        requestId,
      }),
    )
  }
}

/** {@link errorHandler} without knowledge of routes' media types. */
export const handleError = errorHandler()

/**
 * 404 for a path no route has; 405 with `Allow` for a path that exists under other methods
 * (Hono itself answers 404 to both).
 */
export function handleNotFound(allowed: (path: string) => string[], docs: string): (c: Context) => Response {
  return (c) => {
    const allow = allowed(c.req.path)
    if (allow.length > 0) return methodNotAllowed(c, allow)
    return sendProblem(c, problem(404, 'no-route', `no route ${c.req.method} ${c.req.path}: see ${docs}`))
  }
}

/** Hono's and the validators' HTTPExceptions (malformed JSON, wrong media type) as problems. */
function fromHttpException(err: HTTPException, c: Context, accepted: AcceptedTypes) {
  const status = err.status
  if (status === 415) {
    const type = c.req.header('content-type') ?? 'none'
    const types = accepted(c)
    const send = types.length > 0 ? `send ${orList(types)}` : 'see /api/openapi.json for the media types this route reads'
    return problem(415, 'unsupported-media-type', `Content-Type ${printable(type)} is not accepted here: ${send}`, {
      accepted: [...types],
    })
  }
  if (status === 413) return problem(413, 'body-too-large', err.message || 'the request body is too large')
  if (/malformed json/i.test(err.message)) {
    return problem(400, 'malformed-json', 'the body is not valid JSON: check quotes, commas and brackets')
  }
  return problem(400, 'invalid-request', err.message || 'request refused')
}

/** `a`, `a or b`, `a, b or c`. */
export function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`
}
