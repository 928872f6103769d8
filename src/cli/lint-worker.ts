/**
 * A worker thread of `smplan lint --concurrency`: checks the plans the main thread sends it. The
 * main thread finds the plans, resolves each one's config (a broken config stops the run there),
 * hands the plans out and prints every report in order. Built as its own entry, dist/lint-worker.js.
 */
import { isMainThread, parentPort } from 'node:worker_threads';
import type { LintConfig } from '../lint/config.js';
import { postsCsvReads } from '../plan/posts-csv.js';
import { checkPlan, type PlanCheck } from './lint-plan.js';

export interface LintJob {
  id: number;
  file: string;
  cwd: string;
  config: LintConfig;
  inlineConfig: boolean;
}

/** A check, or an internal error's stack (a bug: the main thread reports it as one). */
export type LintReply = { id: number; check: PlanCheck } | { id: number; failure: string };

/** Answers the main thread's jobs. */
export function serveLintJobs(): void {
  const port = parentPort;
  if (!port) throw new Error('serveLintJobs runs in a worker thread');
  // A worker lives for one lint run: its posts CSVs are that run's.
  const reads = postsCsvReads();
  port.on('message', (job: LintJob) => {
    checkPlan(job.file, job.file, job.cwd, job.config, job.inlineConfig, reads).then(
      (check) => port.postMessage({ id: job.id, check } satisfies LintReply),
      (err: unknown) =>
        port.postMessage({ id: job.id, failure: (err as Error)?.stack ?? String(err) } satisfies LintReply),
    );
  });
}

if (!isMainThread && parentPort) serveLintJobs();
