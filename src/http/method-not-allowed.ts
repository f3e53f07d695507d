import type { Context } from 'hono'
import { problem, sendProblem } from './problem.js'

interface RouteInfo {
  method: string
  path: string
}

/**
 * Hono answers 404 to a known path with the wrong method. This finds the methods a path does
 * have, so the not-found handler can answer 405 with an `Allow` header (RFC 9110 §15.5.6).
 */
export function allowedMethods(routes: readonly RouteInfo[]): (path: string) => string[] {
  let table: { re: RegExp; method: string }[] | undefined
  return (path) => {
    table ??= routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => ({ re: patternToRegExp(r.path), method: r.method }))
    const methods = new Set(table.filter((t) => t.re.test(path)).map((t) => t.method))
    if (methods.has('GET')) methods.add('HEAD')
    return [...methods].sort()
  }
}

function patternToRegExp(pattern: string): RegExp {
  const body = pattern
    .split('/')
    .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/')
  return new RegExp(`^${body}/?$`)
}

/** 405 with the methods the path allows. */
export function methodNotAllowed(c: Context, allow: string[]): Response {
  c.header('Allow', allow.join(', '))
  return sendProblem(c, problem(405, 'method-not-allowed', `${c.req.method} is not allowed on ${c.req.path}; use ${allow.join(', ')}`))
}
