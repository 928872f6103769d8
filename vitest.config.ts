import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Files that start something outside this process (the built CLI, Chromium, tmux, worker
 * threads, git): the `e2e` project. Everything else runs in process in `unit`, what `npm test`
 * runs. test/architecture/projects.test.ts keeps this list and the files in step.
 */
export const E2E = [
  'test/action/action.test.ts',
  'test/architecture/layers.test.ts',
  'test/cli/calendar.test.ts',
  'test/cli/diff.test.ts',
  'test/cli/lint-workers.test.ts',
  'test/cli/main.test.ts',
  'test/cli/render-batch.test.ts',
  'test/cli/render.test.ts',
  'test/cli/track.test.ts',
  'test/faults/browser-crash.test.ts',
  'test/fuzz/hostile.test.ts',
  'test/init/terminal.test.ts',
  'test/lint/bad-input.test.ts',
  'test/lint/batch.test.ts',
  'test/lint/consumers.test.ts',
  'test/reliability/hangup.test.ts',
  'test/reliability/output-folder.test.ts',
  'test/reliability/special-files.test.ts',
  'test/render/deck.test.ts',
  'test/serve/stuck.test.ts',
  'test/render/browser.test.ts',
  'test/render/html-consumers.test.ts',
  'test/render/output.test.ts',
  'test/render/page-fill.test.ts',
  'test/render/pdf-aborted.test.ts',
  'test/render/pdf-info.test.ts',
  'test/render/pdf.test.ts',
  'test/serve/cli.test.ts',
  'test/serve/serve.test.ts',
];
/** Files that count which modules a run loads: they need a module registry of their own (and spawn the CLI). */
const OWN_MODULES = ['test/lint/cold-path.test.ts'];
/** Packs and installs the package: `npm run test:package`. */
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
        // Files share their workers' modules: importing the sources again for each file made the
        // suite half as slow again, and no test here depends on a fresh registry.
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...E2E, ...OWN_MODULES, ...PACKAGE],
          isolate: false,
        },
      },
      { extends: true, test: { name: 'e2e', include: E2E, isolate: false } },
      { extends: true, test: { name: 'own-modules', include: OWN_MODULES } },
      { extends: true, test: { name: 'package', include: PACKAGE } },
    ],
  },
});
