import os from 'node:os'
import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Two test files at a time even on two cores: most tests wait on processes, browsers and
    // timers, not on the CPU (vitest would take one fewer than the cores: one, here).
    maxWorkers: Math.max(2, os.availableParallelism()),
    testTimeout: 30_000
  }
})
