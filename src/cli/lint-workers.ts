/**
 * Worker threads for `smplan lint --concurrency` (see lint-worker.ts), sized as ESLint sizes its
 * own: `auto` takes one thread per 50 plans, at most half the cores, and one thread is no thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LintConfig } from '../lint/config.js';
import { packageRoot } from '../render/paths.js';
import { CLIError, EXIT } from './errors.js';
import type { PlanCheck } from './lint-plan.js';
import type { LintJob, LintReply } from './lint-worker.js';

/** `--concurrency`: a number of threads, `auto`, or `off` (the plans are checked in this thread). */
export type Concurrency = number | 'auto' | 'off';

/** Plans one thread is assumed to check best (ESLint's AUTO_FILES_PER_WORKER). */
const AUTO_PLANS_PER_THREAD = 50;

/** How many worker threads check `plans` plans: 0 means this thread checks them all. */
export function workerCount(concurrency: Concurrency, plans: number, cores = availableParallelism()): number {
  if (concurrency === 'off') return 0;
  const count =
    concurrency === 'auto'
      ? Math.min(Math.ceil(plans / AUTO_PLANS_PER_THREAD), cores >> 1)
      : Math.min(concurrency, plans);
  return count > 1 ? count : 0;
}

export interface LintWorker {
  check(file: string, cwd: string, config: LintConfig, inlineConfig: boolean): Promise<PlanCheck>;
  end(): Promise<void>;
}

/** The worker threads for a lint of `plans` plans, each running the built program's dist/lint-worker.js. */
export function lintWorkers(concurrency: Concurrency, plans: number): LintWorker[] {
  const count = workerCount(concurrency, plans);
  if (count === 0) return [];
  // Also from the sources (the test suite's in-process runs): a worker runs built code only.
  const script = path.join(packageRoot(), 'dist', 'lint-worker.js');
  if (!existsSync(script)) throw new CLIError('--concurrency needs the built program (npm run build)', EXIT.usage);
  return Array.from({ length: count }, () => lintWorker(new Worker(script)));
}

/** Checks plans in the given worker thread (one running dist/lint-worker.js). */
export function lintWorker(worker: Worker): LintWorker {
  const pending = new Map<number, { resolve: (c: PlanCheck) => void; reject: (e: Error) => void }>();
  let ids = 0;
  /** Why the worker ended: a check sent after that would wait for ever. */
  let ended: Error | undefined;
  const failAll = (err: Error) => {
    ended ??= err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  worker.on('message', (reply: LintReply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if ('check' in reply) waiting?.resolve(reply.check);
    else waiting?.reject(new Error(`lint worker: ${reply.failure}`));
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`lint worker stopped (exit ${code})`)));
  return {
    check: (file, cwd, config, inlineConfig) =>
      new Promise((resolve, reject) => {
        if (ended) return reject(ended);
        const id = ids++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, file, cwd, config, inlineConfig } satisfies LintJob);
      }),
    end: async () => {
      await worker.terminate();
    },
  };
}
