/** The workerData of a worker thread started to check plans for a batch lint (dist/boot.js runs it). */
export const LINT_WORKER = 'smplan-lint-worker';
