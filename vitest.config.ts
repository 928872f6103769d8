import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Only a guard against a hang: a loaded machine runs the Chromium and tmux tests slowly (speed lives in npm run bench).
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // Tests spawn the built CLI and a real browser: two cores, so keep the pool small.
    maxWorkers: 2,
    setupFiles: ['test/setup/fuzz-seed.ts'],
  },
});
