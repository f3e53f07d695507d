// A setup file: vitest runs it for every test file, so these hooks belong to each file in turn
// (unlike hooks registered by a helper module, which is loaded once per worker).
import { afterAll, afterEach } from 'vitest'
import { runCleanups } from './_cleanup.js'

afterEach(() => runCleanups())
afterAll(() => runCleanups(true))
