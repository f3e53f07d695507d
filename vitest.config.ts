import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    // Tests that spawn the CLI or a server use real processes; keep parallelism modest on 2 cores.
    maxWorkers: 2,
    // Fetches the schemas, and finds which outside tools are here (tests/tools/).
    globalSetup: ['tests/tools/global-setup.ts'],
    // The last one ends the run with the list of tests skipped for want of an outside tool.
    reporters: ['default', './tests/tools/skipped-reporter.ts'],
  },
})
