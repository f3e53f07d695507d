import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { isProblemType, PROBLEM_TYPES, type ProblemTypeName, typeUri } from './problem-types.js'

/** An RFC 9457 problem details body. Extra members (e.g. `current`, `yours`, `errors`) are allowed. */
export interface Problem {
  /** `/problems/NAME`: a reference relative to the server, whose page says what to do. */
  type: string
  title: string
  status: number
  detail: string
  [extra: string]: unknown
}

// For a code no registered type has, which a test keeps from happening.
const STATUS_TITLES: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  409: 'Conflict',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

/** Build a problem body of a registered type (see problem-types.ts). */
export function problem(status: number, type: ProblemTypeName, detail: string, extra: Record<string, unknown> = {}): Problem {
  return problemOf(status, type, detail, extra)
}

/** Build a problem body for a code met at run time (a TolkError's). */
export function problemOf(status: number, code: string, detail: string, extra: Record<string, unknown> = {}): Problem {
  const title = isProblemType(code) ? PROBLEM_TYPES[code].title : (STATUS_TITLES[status] ?? 'Error')
  return { type: typeUri(code), title, status, detail, ...extra }
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
