import { expect, it } from 'vitest'
import { followMemory } from '../../src/tm/memory-follow.js'

/** A fake memory with a backlog of history entries: each call takes in up to `limit`. */
function backlog(entries: number) {
  const state = { left: entries, calls: [] as number[] }
  const sync = async (limit?: number) => {
    const n = Math.min(state.left, limit ?? Number.MAX_SAFE_INTEGER)
    state.left -= n
    state.calls.push(limit ?? Infinity)
    return n
  }
  return { state, sync }
}

const until = async (done: () => boolean, ms = 2000) => {
  const end = Date.now() + ms
  while (!done() && Date.now() < end) await new Promise((r) => setTimeout(r, 5))
}

it('catches up in full, in small slices, while the service is idle', async () => {
  const { state, sync } = backlog(10_000)
  const stop = followMemory(sync, { everyMs: 10, sliceMs: 2, busy: () => false })
  await until(() => state.left === 0)
  stop()
  expect(state.left).toBe(0)
  // Never the whole backlog at once.
  expect(Math.max(...state.calls)).toBeLessThan(10_000)
})

it('still takes in a slice now and then while writes keep the service busy', async () => {
  const { state, sync } = backlog(10_000)
  const stop = followMemory(sync, { everyMs: 10, sliceMs: 2, busy: () => true })
  await until(() => state.calls.length >= 3)
  stop()
  expect(state.calls.length).toBeGreaterThanOrEqual(3)
  expect(state.left).toBeLessThan(10_000)
})

it('reports a failed sync and keeps following', async () => {
  let calls = 0
  const errors: unknown[] = []
  const stop = followMemory(
    async () => {
      calls++
      if (calls === 1) throw new Error('disk full')
      return 0
    },
    { everyMs: 5, sliceMs: 2, busy: () => false, onError: (e) => errors.push(e) },
  )
  await until(() => calls >= 3)
  stop()
  expect(errors).toHaveLength(1)
  expect(calls).toBeGreaterThanOrEqual(3)
})
