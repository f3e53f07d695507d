import type { ZodType } from 'zod'
import { problemSchema } from '../schemas.js'

/** What each status means across routes; the problem's `type` says which kind it is. */
const PROBLEM_TEXT: Record<number, string> = {
  400: 'invalid input: the failing fields are listed in `errors`',
  401: 'no valid API token',
  403: 'the token may not do this',
  404: 'no such article, unit or route, or an archived one (type /problems/archived)',
  409: 'in conflict with what is stored: exists already, archived, not archived, or no target languages',
  412: 'the version changed since',
  413: 'request body too large',
  415: 'unsupported media type: `accepted` lists the ones this route reads',
  422: 'understood but cannot be done: a regular expression that ran too long',
  428: 'If-Match missing',
  429: 'too many reports or exports of this client running at once; see Retry-After',
}

/** A JSON response entry for a route's `responses`. */
export function json<T extends ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } }
}

/** An `application/problem+json` response entry with a schema of its own (extra members). */
export function problemJson<T extends ZodType>(schema: T, description: string) {
  return { description, content: { 'application/problem+json': { schema } } }
}

/** problem+json response entries for the given statuses. */
export function problems(...statuses: number[]) {
  const out: Record<number, { description: string; content: { 'application/problem+json': { schema: typeof problemSchema } } }> = {}
  for (const s of statuses) out[s] = problemJson(problemSchema, PROBLEM_TEXT[s] ?? 'error')
  return out
}
