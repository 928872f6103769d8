/**
 * The thread `smplan serve` renders in: reading, linting and rendering a large plan holds a
 * thread for seconds at a time, and the main thread must stay free to answer the browser and to
 * stop at Ctrl-C (with 130, within a second) whatever the render is doing. Built as its own
 * entry, dist/preview-worker.js; the main thread's side is previewInThread (preview-thread.ts).
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createPreview, type PreviewOptions, type PreviewState } from '../serve/preview.js';
import { trackActuals, type TrackingFlags } from './tracking.js';

/** What the main thread starts the worker with: the preview's options, the tracking flags for a function. */
export interface PreviewWorkerData {
  options: Omit<PreviewOptions, 'track'>;
  tracking?: TrackingFlags | undefined;
}

/** A refresh's outcome: the state, the document (its page label worked out here) and the inputs to watch. */
export type PreviewReply =
  | {
      id: number;
      state: PreviewState;
      document?: { version: number; html: string; title: string; pageOf: string } | undefined;
      inputs: string[];
    }
  | { id: number; failure: string };

export function servePreview(port: NonNullable<typeof parentPort>, data: PreviewWorkerData): void {
  const { tracking } = data;
  const preview = createPreview({
    ...data.options,
    track: tracking?.actuals?.length ? (loaded) => trackActuals(loaded, tracking, data.options.cwd) : undefined,
  });
  let sent = 0;
  port.on('message', async ({ id }: { id: number }) => {
    try {
      const state = await preview.refresh();
      const doc = preview.document;
      // The document crosses once per version: the main thread keeps the one it has.
      const document =
        doc && doc.version !== sent
          ? { version: doc.version, html: doc.html, title: doc.title, pageOf: await doc.pageOf() }
          : undefined;
      if (document) sent = document.version;
      port.postMessage({ id, state, document, inputs: preview.inputs } satisfies PreviewReply);
    } catch (err) {
      port.postMessage({ id, failure: (err as Error)?.stack ?? String(err) } satisfies PreviewReply);
    }
  });
}

if (!isMainThread && parentPort) servePreview(parentPort, workerData as PreviewWorkerData);
