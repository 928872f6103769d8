/** What the built program (dist/cli.cjs) gives its loader, dist/boot.js. */
import type { Worker } from 'node:worker_threads';
import { main } from './main.js';
import { processIo } from './io.js';
export { serveLintJobs } from './lint-worker.js';

/** A command run by bin/smplan.js, with the worker threads its loader started for a batch lint. */
export function run(argv: string[], lintWorkers: Worker[]): Promise<number> {
  return main(argv, { ...processIo(), lintWorkers });
}
