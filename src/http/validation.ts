import type { Context } from 'hono'
import type { ZodError } from 'zod'
import { problem, sendProblem } from './problem.js'

/** One failing field of a request: where it is, and what is wrong. */
export interface FieldError {
  in: string
  path: string
  message: string
}

/** The zod issues of a request part as a list of failing fields. */
export function fieldErrors(target: string, error: ZodError): FieldError[] {
  return error.issues.map((i) => ({
    in: target,
    path: i.path.map(String).join('.'),
    message: i.message,
  }))
}

/** 400 problem+json naming each failing field. */
export function invalidRequest(c: Context, errors: FieldError[]): Response {
  const first = errors[0]
  const where = first ? `${first.in}${first.path ? ` ${first.path}` : ''}: ${first.message}` : 'invalid request'
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''
  return sendProblem(c, problem(400, 'invalid-request', `${where}${more}`, { errors }))
}

/**
 * The `defaultHook` of the OpenAPI app: a request part that fails its schema gets a 400 listing
 * every failing field, instead of @hono/zod-validator's bare ZodError body.
 */
export function validationHook(
  result: { success: true; data: unknown; target: string } | { success: false; error: ZodError; target: string },
  c: Context,
): Response | undefined {
  if (result.success) return undefined
  return invalidRequest(c, fieldErrors(result.target, result.error))
}
