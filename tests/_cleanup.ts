/**
 * Cleanups that test helpers register (close a store, remove a temp folder), run after each test
 * by tests/_per-file-hooks.ts. Helpers must not call afterEach/afterAll at module level: vitest
 * runs without isolation here (vitest.config.ts), so a helper module is loaded once per worker
 * and a hook it registered would belong to the first test file that imported it only.
 */
type Cleanup = () => void | Promise<void>
const afterTest: Cleanup[] = []
const afterFile: Cleanup[] = []

/** Run `fn` after the current test (or, registered outside a test, after the next one). */
export function onCleanup(fn: Cleanup): void {
  afterTest.push(fn)
}

/** Run `fn` once the current test file has finished. */
export function onFileCleanup(fn: Cleanup): void {
  afterFile.push(fn)
}

/** Run and forget the cleanups of the test that ended (newest first); with `file`, the file's too. */
export async function runCleanups(file = false): Promise<void> {
  for (const fn of afterTest.splice(0).reverse()) await fn()
  if (file) for (const fn of afterFile.splice(0).reverse()) await fn()
}
