import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    // Tests that spawn the CLI or a server use real processes; keep parallelism modest on 2 cores.
    maxWorkers: 2,
    // Worker threads that keep the modules they loaded from one test file to the next: importing
    // src/ again for every file was a third of the run's CPU time (measured: 29 CPU-s with forks,
    // 17 with threads and no isolation, on the same 327 tests). Each test still makes its own
    // store, app and temp folder; no test changes process.env or the working folder.
    pool: 'threads',
    isolate: false,
    // Fetches the schemas, and finds which outside tools are here (tests/tools/).
    globalSetup: ['tests/tools/global-setup.ts'],
    // Per-file hooks that run the cleanups helpers register (tests/_cleanup.ts).
    setupFiles: ['tests/_per-file-hooks.ts'],
    // The last one ends the run with the list of tests skipped for want of an outside tool.
    reporters: ['default', './tests/tools/skipped-reporter.ts'],
  },
})
