/**
 * A user's regex runs in a worker thread (node:worker_threads) that is ended after a time limit:
 * a regex that backtracks without end (`(a+)+$` on `aaaa…b`) costs one worker, never the server's
 * event loop. The worker is a few lines of plain JavaScript given as text (`eval: true`), so it
 * needs no file of its own in `src/` or `dist/`.
 */
import { Worker } from 'node:worker_threads'
import { TolkError } from '../model/errors.js'
import type { Pattern } from './pattern.js'

/** How long a regex may run over a whole batch. */
export const REGEX_TIME_LIMIT_MS = 1000

const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads')
const re = new RegExp(workerData.source, workerData.flags)
parentPort.postMessage(workerData.texts.map((t) => t.replace(re, workerData.replacement)))
`

/** A regex that ran out of time: 422, nothing planned or written. */
export class RegexTimeout extends TolkError {
  constructor(ms: number) {
    super(
      'regex-timeout',
      `the regular expression ran for more than ${ms} ms over the batch's texts and was stopped (it backtracks too much: avoid nested repeats such as (a+)+); nothing was changed`,
      422,
    )
  }
}

/**
 * Replace in each text with `pattern`, in a worker thread ended after `limitMs` (counted from when
 * the worker is running, so a slow start on a busy machine is not charged to the regex).
 * Throws RegexTimeout when it runs longer.
 */
export function replaceInWorker(texts: string[], pattern: Pattern, limitMs = REGEX_TIME_LIMIT_MS): Promise<string[]> {
  if (texts.length === 0) return Promise.resolve([])
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_CODE, {
      eval: true,
      workerData: { texts, source: pattern.source, flags: pattern.flags, replacement: pattern.replacement },
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    })
    let timer: NodeJS.Timeout | undefined
    const done = (fn: () => void) => {
      clearTimeout(timer)
      fn()
      void worker.terminate()
    }
    worker.once('online', () => {
      timer = setTimeout(() => done(() => reject(new RegexTimeout(limitMs))), limitMs)
    })
    worker.once('message', (out: string[]) => done(() => resolve(out)))
    worker.once('error', (err) => done(() => reject(err)))
    worker.once('exit', (code) => {
      clearTimeout(timer)
      if (code !== 0) reject(new Error(`the regex worker stopped with code ${code}`))
    })
  })
}

/** Replace in the main thread: for patterns Tolk built (escaped plain text), which run in linear time. */
export function replaceHere(texts: string[], pattern: Pattern): string[] {
  const re = new RegExp(pattern.source, pattern.flags)
  return texts.map((t) => t.replace(re, pattern.replacement))
}
