/**
 * A second lane for `smplan lint` over many plans: a worker thread that checks the plans it is
 * sent, so that a batch uses more than one core. The main thread resolves each plan's config (a
 * broken config stops the run there), hands out the plans and prints every report in order.
 */
import { parentPort } from 'node:worker_threads';
import type { LintConfig } from '../lint/config.js';
import { checkPlanFile, type PlanCheck } from './lint-plan.js';

export interface LintJob {
  id: number;
  file: string;
  cwd: string;
  config: LintConfig;
  inlineConfig: boolean;
}

/** A check, or an internal error's stack (a bug: the main thread reports it as one). */
export type LintReply = { id: number; check: PlanCheck } | { id: number; failure: string };

/** Answers the main thread's jobs (dist/boot.js calls this in a worker it started). */
export function serveLintJobs(): void {
  const port = parentPort;
  if (!port) throw new Error('serveLintJobs runs in a worker thread');
  port.on('message', (job: LintJob) => {
    checkPlanFile(job.file, job.cwd, job.config, job.inlineConfig).then(
      (check) => port.postMessage({ id: job.id, check } satisfies LintReply),
      (err: unknown) =>
        port.postMessage({ id: job.id, failure: (err as Error)?.stack ?? String(err) } satisfies LintReply),
    );
  });
}
