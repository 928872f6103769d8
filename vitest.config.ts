import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Tests spawn the built CLI and a real browser: two cores, so keep the pool small.
    maxWorkers: 2,
  },
});
