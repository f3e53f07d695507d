import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    // Tests that spawn the CLI or a server use real processes; keep parallelism modest on 2 cores.
    maxWorkers: 2,
  },
})
