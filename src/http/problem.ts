import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** An RFC 9457 problem details body. Extra members (e.g. `current`, `yours`, `errors`) are allowed. */
export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  [extra: string]: unknown
}

const TYPE_BASE = 'https://tolk.dev/problems/'

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

/** Build a problem body; `code` becomes the last segment of its `type` URI. */
export function problem(status: number, code: string, detail: string, extra: Record<string, unknown> = {}): Problem {
  return { type: `${TYPE_BASE}${code}`, title: TITLES[status] ?? 'Error', status, detail, ...extra }
}

/** Answer with `application/problem+json`. */
export function sendProblem(c: Context, body: Problem): Response {
  return c.body(JSON.stringify(body), body.status as ContentfulStatusCode, {
    'Content-Type': 'application/problem+json',
  })
}

/**
 * A ready problem thrown from a handler or middleware; `handleError` answers it as it is. Lets
 * typed OpenAPI handlers refuse (403, 412, 428) without declaring a raw Response return.
 */
export class ProblemError extends Error {
  readonly problem: Problem
  readonly headers: Record<string, string>
  constructor(body: Problem, headers: Record<string, string> = {}) {
    super(body.detail)
    this.problem = body
    this.headers = headers
  }
}
