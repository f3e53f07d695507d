import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { errorHandler } from '../../src/http/errors.js'
import { isDatabaseAway } from '../../src/store/database-away.js'

/** Errors as node-postgres raises them when the server is away. */
const away = [
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
  Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
  Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
  Object.assign(new Error('sorry, too many clients already'), { code: '53300' }),
  Object.assign(new Error('connection failure'), { code: '08006' }),
  new Error('Connection terminated unexpectedly'),
]

describe('a database that is away', () => {
  it.each(away.map((e) => [e.message, e]))('%s is answered 503 store-unavailable with Retry-After', async (_, err) => {
    expect(isDatabaseAway(err)).toBe(true)
    const app = new Hono()
    app.onError(errorHandler())
    app.get('/x', () => {
      throw err
    })
    const res = await app.request('/x')
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('1')
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(((await res.json()) as { type: string }).type).toMatch(/store-unavailable$/)
  })

  it.each([
    new Error('duplicate key value violates unique constraint'),
    Object.assign(new Error('syntax error'), { code: '42601' }),
    Object.assign(new Error('unique'), { code: '23505' }),
    null,
  ])('is not said of %s', (err) => {
    expect(isDatabaseAway(err)).toBe(false)
  })
})
