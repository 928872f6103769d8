/** The worker threads of a batch lint (src/cli/lint-workers.ts): an ended worker never leaves a check waiting. */
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { lintWorker } from '../../src/cli/lint-workers.js';
import { DEFAULT_CONFIG } from '../../src/lint/config.js';

const exited = (worker: Worker) => new Promise((resolve) => worker.once('exit', resolve));
/** A check's outcome, or 'waiting' if it has not settled within two seconds. */
const settled = (check: Promise<unknown>) =>
  Promise.race([
    check.then(
      () => 'checked',
      (err: Error) => err.message,
    ),
    new Promise((resolve) => setTimeout(() => resolve('waiting'), 2000)),
  ]);

describe('a lint worker', () => {
  it('that ended after it was taken fails the checks sent to it at once, and those it had', async () => {
    const worker = new Worker('setTimeout(() => process.exit(3), 200)', { eval: true });
    const lane = lintWorker(worker);
    const before = settled(lane.check('a.yaml', process.cwd(), DEFAULT_CONFIG, true));
    await exited(worker);
    expect(await before).toBe('lint worker stopped (exit 3)');
    expect(await settled(lane.check('b.yaml', process.cwd(), DEFAULT_CONFIG, true))).toBe(
      'lint worker stopped (exit 3)',
    );
  });
});
