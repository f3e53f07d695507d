/**
 * An adapter made into an engine: texts go out in groups (as many as one request of the API
 * carries), at most {@link MAX_CONCURRENT} requests at once per engine, each group with a
 * deadline of {@link BATCH_DEADLINE_MS}; a 429 whose Retry-After fits in the time left is waited
 * out once. Every text gets its own outcome: a failed group fails its texts with the reason,
 * never the whole call.
 */
import { fromEngine, toEngine } from './codes.js'
import { MtError, reasonOf } from './errors.js'
import { Limiter } from './limiter.js'
import type { EngineAdapter, EngineConfig, LanguagePair, MtEngine, MtOutcome } from './types.js'

/** Requests one engine is sent at once. */
export const MAX_CONCURRENT = 4
/** Deadline of one group's request, retries included. */
export const BATCH_DEADLINE_MS = 10_000

/** Options of {@link createEngine} (tests shorten the deadline). */
export interface EngineOptions {
  batchDeadlineMs?: number
  maxConcurrent?: number
}

/** Wrap an adapter into the engine the rest of Tolk uses. */
export function createEngine(config: EngineConfig, adapter: EngineAdapter, opts: EngineOptions = {}): MtEngine {
  const limiter = new Limiter(opts.maxConcurrent ?? MAX_CONCURRENT)
  const batchMs = opts.batchDeadlineMs ?? BATCH_DEADLINE_MS

  async function group(from: string, to: string, texts: string[], outer: AbortSignal | undefined, deadline: number): Promise<MtOutcome[]> {
    const fail = (reason: string): MtOutcome[] => texts.map(() => ({ ok: false, reason }))
    const until = Math.min(deadline, Date.now() + batchMs)
    const timer = new AbortController()
    const timeout = setTimeout(() => timer.abort(new MtError('timed out')), Math.max(0, until - Date.now()))
    const signal = outer ? AbortSignal.any([outer, timer.signal]) : timer.signal
    try {
      const replies = await limiter.run(async () => {
        for (let attempt = 0; ; attempt++) {
          try {
            return await adapter.translate({ from, to, texts: texts.map((t) => toEngine(t, adapter.codes)), signal })
          } catch (err) {
            const wait = err instanceof MtError ? err.retryAfter : undefined
            if (attempt > 0 || wait === undefined || Date.now() + wait * 1000 >= until || signal.aborted) throw err
            await sleep(wait * 1000, signal)
          }
        }
      }, signal)
      if (replies.length !== texts.length) return fail(`malformed reply: ${replies.length} texts for ${texts.length}`)
      return replies.map((r, i): MtOutcome => {
        const back = fromEngine(r, texts[i]!, adapter.codes)
        return back.repaired ? { ok: true, text: back.text, repaired: true } : { ok: true, text: back.text }
      })
    } catch (err) {
      // Past the deadline, or the caller's own time-out (AbortSignal.timeout), is a time-out;
      // any other abort of the caller's is a cancellation.
      const late = timer.signal.aborted || Date.now() >= until || (outer?.reason as Error | undefined)?.name === 'TimeoutError'
      return fail(reasonOf(err, late))
    } finally {
      clearTimeout(timeout)
    }
  }

  return {
    name: config.name,
    kind: config.kind,
    codes: adapter.codes,
    async translate(from, to, texts, o = {}) {
      const deadline = o.deadline ?? Number.POSITIVE_INFINITY
      const out: MtOutcome[] = texts.map((t) => ({ ok: true, text: t }))
      // Blank texts need no engine; the rest go in groups of the size one request carries.
      const todo = texts.flatMap((t, i) => (t.trim() === '' ? [] : [i]))
      const groups: number[][] = []
      for (let i = 0; i < todo.length; i += adapter.groupSize) groups.push(todo.slice(i, i + adapter.groupSize))
      await Promise.all(
        groups.map(async (g) => {
          const got = await group(from, to, g.map((i) => texts[i]!), o.signal, deadline)
          g.forEach((i, k) => (out[i] = got[k]!))
        }),
      )
      return out
    },
    async pairs(o = {}): Promise<LanguagePair[]> {
      const signal = AbortSignal.any([AbortSignal.timeout(batchMs), ...(o.signal ? [o.signal] : [])])
      return adapter.pairs(signal)
    },
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason)), { once: true })
  })
}
