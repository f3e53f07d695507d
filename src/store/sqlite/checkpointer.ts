import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/** One checkpoint's outcome, as `PRAGMA wal_checkpoint` reports it (pages). */
export interface CheckpointResult {
  /** Frames in the write-ahead log. */
  log: number
  /** Of those, frames now copied into the database file. */
  checkpointed: number
}

/** A running checkpointer; `stop()` ends its thread and closes its connection. */
export interface Checkpointer {
  stop: () => Promise<void>
}

// CommonJS, as an eval'd worker runs; better-sqlite3 is required by its resolved path, so the
// thread finds it wherever the process was started.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.lib)
const db = new Database(workerData.file)
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)')
const timer = setInterval(() => {
  try {
    const r = checkpoint.get()
    parentPort.postMessage({ log: r.log, checkpointed: r.checkpointed })
  } catch (err) {
    // Another connection checkpointing at the same moment: the next look does it.
    if (err.code !== 'SQLITE_BUSY') parentPort.postMessage({ error: String(err) })
  }
}, workerData.everyMs)
parentPort.on('message', () => {
  clearInterval(timer)
  db.close()
  parentPort.close()
})
`

/**
 * Checkpoint the write-ahead log of `file` every `everyMs` from a thread of its own, on its own
 * connection: PASSIVE (it never waits for, nor blocks, readers and writers), so copying log
 * pages into the database file and syncing it no longer happens inside a commit on the event
 * loop, where it held up every request of that turn. It changes nothing about durability: a
 * transaction is durable once its commit is in the log; the checkpoint only moves it on. The
 * writing connection keeps a (larger) automatic checkpoint as a backstop, should this thread
 * fall behind or fail.
 */
export function startCheckpointer(
  file: string,
  opts: { everyMs: number; onCheckpoint?: (r: CheckpointResult) => void; onError?: (err: string) => void },
): Checkpointer {
  const lib = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(WORKER, { eval: true, workerData: { file, everyMs: opts.everyMs, lib } })
  const onError = opts.onError ?? ((err: string) => console.error(`tolk: checkpoint failed: ${err}`))
  worker.on('message', (m: CheckpointResult | { error: string }) => {
    if ('error' in m) onError(m.error)
    else opts.onCheckpoint?.(m)
  })
  worker.on('error', (err) => onError(String(err)))
  worker.unref()
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  return {
    stop: () => {
      // Held until it has closed its connection: the process waits for that.
      worker.ref()
      worker.postMessage('stop')
      return exited
    },
  }
}
