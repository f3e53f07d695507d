import { expect } from 'vitest'
import { TolkError } from '../../src/model/errors.js'

/** What `fn` throws, or fails the test when it does not. */
export async function thrown(fn: () => Promise<unknown>): Promise<TolkError> {
  try {
    await fn()
  } catch (err) {
    expect(err).toBeInstanceOf(TolkError)
    return err as TolkError
  }
  throw new Error('expected an error')
}
