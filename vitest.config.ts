import { configDefaults, defineConfig } from 'vitest/config';

/** Files that count which modules a run loads: they need a module registry of their own. */
const OWN_MODULES = ['test/lint/cold-path.test.ts'];
/** Packs and installs the package: `npm run test:package`, not `npm test`. */
const PACKAGE = ['test/package/**/*.test.ts'];

export default defineConfig({
  test: {
    // Only a guard against a hang: a loaded machine runs the Chromium and tmux tests slowly (speed lives in npm run bench).
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // Tests spawn the built CLI and a real browser: two cores, so keep the pool small.
    maxWorkers: 2,
    setupFiles: ['test/setup/fuzz-seed.ts'],
    projects: [
      {
        extends: true,
        // The other files share their workers' modules: importing the sources again for each of
        // 86 files made the suite half as slow again (185 against 120 s), and no test there
        // depends on a fresh registry.
        test: {
          name: 'shared',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...OWN_MODULES, ...PACKAGE],
          isolate: false,
        },
      },
      { extends: true, test: { name: 'own-modules', include: OWN_MODULES } },
      { extends: true, test: { name: 'package', include: PACKAGE } },
    ],
  },
});
