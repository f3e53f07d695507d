import { afterEach, expect, it, vi } from 'vitest'
import { stdoutLog } from '../../src/http/middleware/request-log.js'

afterEach(() => vi.restoreAllMocks())

it('writes the lines of one event-loop turn to stdout in one write, whole and in order', async () => {
  const writes: string[] = []
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    writes.push(String(chunk))
    return true
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
