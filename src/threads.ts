import { availableParallelism } from 'node:os';

/** The workerData of a worker thread started to check plans for a batch lint (dist/boot.js runs it). */
export const LINT_WORKER = 'smplan-lint-worker';

/** From this many plans a lint also checks plans in worker threads (starting one costs about as much as checking a few plans). */
export const LINT_WORKERS_FROM = 24;

/** `lint`'s options that take a value (src/cli/commands.ts): their values are not plans. */
export const LINT_VALUE_OPTIONS = ['-f', '--format', '--max-warnings', '-o', '--output-file', '-c', '--config', '--stdin-filename'];

/** Worker threads for a batch lint: one per core beside the main thread's, at most three. */
export function lintWorkerCount(): number {
  return Math.min(availableParallelism(), 4) - 1;
}
