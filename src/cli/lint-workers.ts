/**
 * Worker threads for a batch lint (see lint-worker.ts). They run the built program through its
 * loader (dist/boot.js); where there is none (the test suite runs the sources), a batch runs in
 * this thread alone.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LintConfig } from '../lint/config.js';
import type { PlanCheck } from './lint-plan.js';
import { LINT_WORKER } from '../threads.js';
import type { LintJob, LintReply } from './lint-worker.js';

export interface LintWorker {
  check(file: string, cwd: string, config: LintConfig, inlineConfig: boolean): Promise<PlanCheck>;
  end(): Promise<void>;
}

/** The loader beside dist/cli.cjs, where this code was built into. */
function workerBundle(): URL | undefined {
  const url = new URL('./boot.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

/**
 * The workers for a batch: those the loader started early (see dist/boot.js) while they still
 * run, then new ones up to `count`.
 */
export function lintWorkers(count: number, started: readonly Worker[] = []): LintWorker[] {
  const bundle = count > 0 ? workerBundle() : undefined;
  // A thread that has ended has the id -1.
  const running = bundle ? started.filter((w) => w.threadId !== -1).slice(0, count) : [];
  for (const w of started) if (!running.includes(w)) void w.terminate();
  if (!bundle) return [];
  return Array.from({ length: count }, (_, i) =>
    lintWorker(running[i] ?? new Worker(bundle, { workerData: LINT_WORKER })),
  );
}

/** Checks plans in the given worker thread (one running dist/boot.js as a lint worker). */
export function lintWorker(worker: Worker): LintWorker {
  // Started early, it was let go of so as not to hold the process: now its replies are awaited.
  worker.ref();
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
