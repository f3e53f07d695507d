import { afterEach, expect, it, vi } from 'vitest'
import { createLog, MAX_PENDING_LOG } from '../../src/http/middleware/request-log.js'

afterEach(() => vi.restoreAllMocks())

it('writes the lines of one event-loop turn to stdout in one write, whole and in order', async () => {
  const writes: string[] = []
  const { log: stdoutLog } = createLog((text, done) => {
    writes.push(text)
    done()
  })
  stdoutLog('PUT /api/a 200 1.0ms id-1')
  stdoutLog('PUT /api/b 412 0.9ms id-2')
  expect(writes).toEqual([]) // not yet: at the end of the turn
  await new Promise((resolve) => setImmediate(resolve))
  expect(writes).toEqual(['PUT /api/a 200 1.0ms id-1\nPUT /api/b 412 0.9ms id-2\n'])
  stdoutLog('GET /healthz 200 0.1ms id-3')
  await new Promise((resolve) => setImmediate(resolve))
  expect(writes).toEqual(['PUT /api/a 200 1.0ms id-1\nPUT /api/b 412 0.9ms id-2\n', 'GET /healthz 200 0.1ms id-3\n'])
})

it('never waits for a slow reader: one write out at a time, the lines meanwhile in the next', async () => {
  const writes: string[] = []
  const finish: (() => void)[] = []
  const { log } = createLog((text, done) => {
    writes.push(text)
    finish.push(done)
  })
  log('a')
  await new Promise((resolve) => setImmediate(resolve))
  expect(writes).toEqual(['a\n'])
  // The reader has not taken `a` yet: the next lines wait, and nothing blocks.
  log('b')
  log('c')
  await new Promise((resolve) => setImmediate(resolve))
  expect(writes).toEqual(['a\n'])
  finish.shift()!()
  expect(writes).toEqual(['a\n', 'b\nc\n'])
  // A reader that never catches up costs bounded memory: lines beyond the cap are counted.
  const line = 'x'.repeat(1000)
  for (let i = 0; i < MAX_PENDING_LOG / 1000 + 50; i++) log(line)
  finish.shift()!()
  expect(writes.at(-1)).toMatch(/tolk: \d+ request log lines dropped/)
  expect(writes.at(-1)!.length).toBeLessThan(MAX_PENDING_LOG + 2000)
})
