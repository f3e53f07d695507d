import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { TolkError, VersionConflict } from '../model/errors.js'
import { problem, sendProblem } from './problem.js'

/**
 * The one place that turns errors into problem+json: Tolk's typed errors keep their status and
 * message; anything unexpected is logged with the request id and answered 500 without internals.
 */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof VersionConflict) {
    return sendProblem(c, problem(412, err.code, err.message, { current: err.current }))
  }
  if (err instanceof TolkError) return sendProblem(c, problem(err.status, err.code, err.message))
  if (err instanceof HTTPException) {
    const status = err.status
    const code = status === 413 ? 'body-too-large' : 'http-error'
    return sendProblem(c, problem(status, code, err.message || 'request refused'))
  }
  const requestId = c.get('requestId') as string | undefined
  console.error(`[${requestId ?? '-'}] unexpected error: ${err.stack ?? err.message}`)
  return sendProblem(
    c,
    problem(500, 'internal', `something went wrong on our side; quote request id ${requestId ?? '-'} when reporting it`, {
      requestId,
    }),
  )
}

/** 404 for a route that does not exist. */
export function handleNotFound(c: Context): Response {
  return sendProblem(c, problem(404, 'no-route', `no route ${c.req.method} ${c.req.path}`))
}
