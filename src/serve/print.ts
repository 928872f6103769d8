/**
 * plan.pdf for the preview, printed on request exactly as `render --pdf` prints it (same
 * printer, same options), so /print shows the pages the PDF will have. One print per document
 * version: pages that ask again, or at once, share it.
 */
import type { RenderedDocument } from './preview.js';

export interface PrintOptions {
  /** --browser, else SMPLAN_BROWSER or the usual places. */
  browser?: string | undefined;
  env: NodeJS.ProcessEnv;
  cwd: string;
  paper: 'a4' | 'letter';
  timeoutMs: number;
  /** Aborted when the server stops: a print under way ends its browser. */
  signal: AbortSignal;
  debug?: ((line: string) => void) | undefined;
}

export function createPdfPrinter(options: PrintOptions): (document: RenderedDocument) => Promise<Uint8Array> {
  let latest: { version: number; pdf: Promise<Uint8Array> } | undefined;
  let browserPath: Promise<string> | undefined;
  const print = async (document: RenderedDocument): Promise<Uint8Array> => {
    const { findBrowser, systemLookup } = await import('../render/browser/index.js');
    browserPath ??= findBrowser(options.browser, systemLookup(options.env, options.cwd)).then((b) => b.path);
    const { printPdf } = await import('../render/pdf.js');
    const result = await printPdf(document.html, {
      browserPath: await browserPath,
      paper: options.paper,
      timeoutMs: options.timeoutMs,
      signal: options.signal,
      fallbackHeader: { title: document.title, pageOf: await document.pageOf() },
      ...(options.debug ? { debug: options.debug } : {}),
    });
    return result.pdf;
  };
  return (document) => {
    if (latest?.version !== document.version) {
      const pdf = print(document);
      latest = { version: document.version, pdf };
      // A failed print is tried again on the next request.
      pdf.catch(() => {
        if (latest?.pdf === pdf) latest = undefined;
      });
    }
    return latest.pdf;
  };
}
