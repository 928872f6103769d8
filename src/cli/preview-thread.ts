/**
 * `smplan serve`'s preview in its own thread (preview-worker.ts), so that a render in progress
 * never keeps the main thread from answering the browser or from stopping at Ctrl-C. The thread
 * runs the built program's dist/preview-worker.js, as the lint workers run dist/lint-worker.js.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../render/paths.js';
import { CLIError, EXIT } from './errors.js';
import type { Preview, PreviewOptions, PreviewState, RenderedDocument } from '../serve/preview.js';
import type { PreviewReply, PreviewWorkerData } from './preview-worker.js';
import type { TrackingFlags } from './tracking.js';

export interface ClosablePreview extends Preview {
  /** Ends a render under way: the thread is stopped, not waited for. */
  close(): Promise<void>;
}

export async function previewInThread(
  options: Omit<PreviewOptions, 'track'>,
  tracking: TrackingFlags | undefined,
): Promise<ClosablePreview> {
  const script = path.join(packageRoot(), 'dist', 'preview-worker.js');
  if (!existsSync(script)) throw new CLIError('serve needs the built program (npm run build)', EXIT.usage);
  const worker = new Worker(script, { workerData: { options, tracking } satisfies PreviewWorkerData });
  const pending = new Map<number, { resolve: (s: PreviewState) => void; reject: (e: Error) => void }>();
  let ids = 0;
  let ended: Error | undefined;
  let state: PreviewState = { version: 0, ok: false, findings: [], errors: 0, warnings: 0, readiness: '', ms: 0 };
  let document: RenderedDocument | undefined;
  let inputs: string[] = [];
  const failAll = (err: Error) => {
    ended ??= err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  worker.on('message', (reply: PreviewReply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if ('failure' in reply) return waiting?.reject(new Error(reply.failure));
    state = reply.state;
    inputs = reply.inputs;
    if (reply.document) {
      const { pageOf, ...rest } = reply.document;
      document = { ...rest, pageOf: async () => pageOf };
    }
    waiting?.resolve(state);
  });
  worker.on('error', (err) => failAll(err));
  worker.on('exit', (code) => failAll(new Error(`the preview thread ended (${code})`)));
  return {
    get state() {
      return state;
    },
    get document() {
      return document;
    },
    get inputs() {
      return inputs;
    },
    refresh() {
      if (ended) return Promise.reject(ended);
      const id = ++ids;
      return new Promise<PreviewState>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id });
      });
    },
    close: async () => {
      ended ??= new Error('the preview stopped');
      await worker.terminate();
    },
  };
}
