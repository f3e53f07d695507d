import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env.js'

/** Where request log lines go; `false` turns logging off (tests, benchmarks). */
export type LogSink = ((line: string) => void) | false

let pending = ''
const flush = () => {
  if (pending === '') return
  const out = pending
  pending = ''
  process.stdout.write(out)
}
process.once('exit', flush)

/**
 * Default sink: one line on stdout per request, the lines of one event-loop turn (under load,
 * the answers of many connections) in one write at its end rather than a write each.
 */
export const stdoutLog = (line: string): void => {
  if (pending === '') setImmediate(flush)
  pending += `${line}\n`
}

/**
 * One line per request once it is answered: method, path, status, duration in ms, request id.
 * hono/logger writes two lines (in and out) and no request id, hence this one.
 */
export function requestLog(sink: LogSink): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!sink) return next()
    const start = performance.now()
    await next()
    const ms = (performance.now() - start).toFixed(1)
    // JSON.stringify keeps a path with control characters or spaces on one line, unambiguous.
    const path = /^[\x21-\x7e]*$/.test(c.req.path) ? c.req.path : JSON.stringify(c.req.path)
    sink(`${c.req.method} ${path} ${c.res.status} ${ms}ms ${c.get('requestId') ?? '-'}`)
  }
}
