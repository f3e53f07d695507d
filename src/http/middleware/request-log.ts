import fs from 'node:fs'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env.js'

/** Where request log lines go; `false` turns logging off (tests, benchmarks). */
export type LogSink = ((line: string) => void) | false

/** How a log sink hands text on: `done` once written, so the next write may start. */
export type LogWriter = (text: string, done: () => void) => void

/** Unwritten log text beyond which lines are dropped (and counted) rather than held. */
export const MAX_PENDING_LOG = 8 << 20

/**
 * A sink that batches the lines of one event-loop turn into one write, and never has more than
 * one write out at a time: lines that come while a write is out wait for it, and go out together
 * after it. A reader that stops reading costs memory up to {@link MAX_PENDING_LOG}, then lines
 * (counted in a line of their own), never the event loop.
 */
export function createLog(write: LogWriter): { log: (line: string) => void; flushSync: (writeSync: (text: string) => void) => void } {
  let pending = ''
  let writing = false
  let dropped = 0
  const flush = () => {
    if (writing || pending === '') return
    const out = dropped > 0 ? `${pending}tolk: ${dropped} request log lines dropped: the log reader is behind\n` : pending
    pending = ''
    dropped = 0
    writing = true
    write(out, () => {
      writing = false
      flush()
    })
  }
  return {
    log(line) {
      if (pending.length > MAX_PENDING_LOG) {
        dropped++
        return
      }
      if (pending === '' && !writing) setImmediate(flush)
      pending += `${line}\n`
    },
    flushSync(writeSync) {
      if (pending !== '') writeSync(pending)
      pending = ''
    },
  }
}

/**
 * Where the default sink writes. A pipe (a process manager, `| tee`) is written with fs.write on
 * libuv's thread pool: Node writes stdout pipes synchronously on Linux, so a reader that lags
 * would stop the server's event loop on every write. A terminal or a file keeps
 * process.stdout.write.
 */
function stdoutWriter(): LogWriter {
  let pipe = false
  try {
    const st = fs.fstatSync(1)
    pipe = st.isFIFO() || st.isSocket()
  } catch {
    // No stdout to look at: write through process.stdout.
  }
  if (!pipe) {
    return (text, done) => {
      process.stdout.write(text)
      done()
    }
  }
  const writeAll = (buf: Buffer, done: () => void) =>
    fs.write(1, buf, 0, buf.length, null, (err, written) => {
      if (!err && written < buf.length) return writeAll(buf.subarray(written), done)
      done()
    })
  return (text, done) => writeAll(Buffer.from(text), done)
}

const defaultLog = createLog(stdoutWriter())
process.once('exit', () => defaultLog.flushSync((text) => fs.writeSync(1, text)))

/**
 * Default sink: one line on stdout per request, the lines of one event-loop turn (under load,
 * the answers of many connections) in one write at its end rather than a write each, and the
 * event loop never waiting on the reader (see {@link createLog}).
 */
export const stdoutLog = (line: string): void => defaultLog.log(line)

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
