import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { CodeMismatch } from '../codes/validate.js'
import { UntranslatedUnits } from '../formats/original.js'
import { TolkError, VersionConflict } from '../model/errors.js'
import { printable } from '../model/tags.js'
import { methodNotAllowed } from './method-not-allowed.js'
import { problem, ProblemError, sendProblem } from './problem.js'

/**
 * The one place that turns errors into problem+json: Tolk's typed errors keep their status and
 * message; anything unexpected is logged with the request id and answered 500 without internals.
 */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof ProblemError) {
    for (const [k, v] of Object.entries(err.headers)) c.header(k, v)
    return sendProblem(c, err.problem)
  }
  if (err instanceof VersionConflict) {
    return sendProblem(c, problem(412, err.code, err.message, { current: err.current }))
  }
  if (err instanceof CodeMismatch) {
    // Each code named, for a client (the editor) to point at: {kind, code, message}.
    return sendProblem(c, problem(err.status, err.code, err.message, { codes: err.problems }))
  }
  if (err instanceof UntranslatedUnits) return sendProblem(c, problem(err.status, err.code, err.message, { units: err.units }))
  if (err instanceof TolkError) return sendProblem(c, problem(err.status, err.code, err.message))
  if (err instanceof HTTPException) return sendProblem(c, fromHttpException(err, c))
  const requestId = c.get('requestId') as string | undefined
  console.error(`[${requestId ?? '-'}] unexpected error: ${err.stack ?? err.message}`)
  return sendProblem(
    c,
    problem(500, 'internal', `something went wrong on our side; quote request id ${requestId ?? '-'} when reporting it`, {
      requestId,
    }),
  )
}

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

const HTTP_CODES: Record<number, string> = { 400: 'malformed-request', 413: 'body-too-large', 415: 'unsupported-media-type' }

/** Hono's and the validators' HTTPExceptions (malformed JSON, wrong media type) as problems. */
function fromHttpException(err: HTTPException, c: Context) {
  const status = err.status
  if (status === 415) {
    const type = c.req.header('content-type') ?? 'none'
    return problem(415, 'unsupported-media-type', `Content-Type ${printable(type)} is not accepted here: send application/json`)
  }
  const detail = /malformed json/i.test(err.message) ? 'the body is not valid JSON: check quotes, commas and brackets' : err.message || 'request refused'
  return problem(status, HTTP_CODES[status] ?? 'http-error', detail)
}
