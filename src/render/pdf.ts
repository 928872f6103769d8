/**
 * Prints the self-contained plan.html to PDF with a local Chrome or Chromium (puppeteer-core):
 * starts the browser (browser/launch.ts) ahead of the document, prepares the page, hands it to the
 * print session (print.ts) and ends the browser (browser/end.ts) however the job ends.
 * The plan is untrusted text, so the page runs with JavaScript disabled and every request but the
 * document itself is refused; the browser gets a fresh profile that is deleted afterwards, and it
 * is closed on success, failure, timeout and Ctrl-C alike.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { UsageError } from '../errors.js';
import { INSTALL_HINT } from './browser/index.js';
import { CLOSE_STEP_MS, endBrowser, removeProfile, settledWithin } from './browser/end.js';
import { browserName, exitReason, launch, type RunningBrowser } from './browser/launch.js';
import { printDocument, type PdfOptions, type PdfResult, type PrintSession } from './print.js';

/** A browser started ahead of the document, so that its start-up overlaps rendering the HTML. */
export interface PdfPrinter {
  /**
   * Prints one document; the header labels are for browsers without CSS margin boxes (default:
   * options.fallbackHeader). May be called again for more documents (a batch render): each gets a
   * page of its own in the same browser, and its own time limit.
   */
  print(html: string, fallbackHeader?: PdfOptions['fallbackHeader']): Promise<PdfResult>;
  /** Ends the browser (also one still starting) and removes its profile; later calls wait for the first. */
  close(): Promise<void>;
}

/** The browser could not print: it timed out, stopped, or is not a browser. */
export class PrintError extends UsageError {
  constructor(
    readonly browserPath: string,
    message: string,
    options: { hint: string; cause: unknown },
  ) {
    super(message, options);
    this.name = 'PrintError';
  }
}

/** One document, one browser: start, print, close. */
export async function printPdf(html: string, options: PdfOptions): Promise<PdfResult> {
  const printer = startPrinter(options);
  try {
    return await printer.print(html);
  } finally {
    await printer.close();
  }
}

/**
 * Starts the browser now and prepares its page (JavaScript off, every request intercepted) before
 * any content exists. The time limit runs from here. Errors of the start are reported by print();
 * when print() is never called (the HTML failed), close() ends the browser quietly.
 */
export function startPrinter(options: PdfOptions): PdfPrinter {
  const seconds = Math.round(options.timeoutMs / 1000);
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const stopped = new AbortController();
  // Aborted when the browser exits: puppeteer can wait forever on a browser that died at the
  // wrong moment (and Node then quits with exit code 13), so every wait also watches the process.
  const gone = new AbortController();
  const signal = AbortSignal.any([deadline, stopped.signal, gone.signal, ...(options.signal ? [options.signal] : [])]);
  const lap = stopwatch(options.debug);
  let profile: string | undefined;
  let running: RunningBrowser | undefined;
  let browser: Browser | undefined;
  let printed = false;

  // What makes a profile or a process: close() lets it finish (it ends at once on the signal).
  const launching = (async () => {
    options.progress?.(`Starting ${browserName(options.browserPath)}…`);
    const { default: puppeteer } = await import('puppeteer-core');
    lap('import puppeteer-core');
    profile = await mkdtemp(path.join(os.tmpdir(), 'smplan-chromium-'));
    running = await launch(puppeteer, options, profile, signal, (r) => (running = r));
    running.child.once('exit', (code, exitSignal) => gone.abort(new Error(exitReason(code, exitSignal))));
    lap('browser started');
    return { puppeteer, endpoint: running.endpoint! };
  })();
  launching.catch(() => undefined);
  /** A page for one document: JavaScript off and every request intercepted before any content exists. */
  const preparePage = async (page: Page, browserVersion: string): Promise<PrintSession> => {
    // Before any content exists: plan text must never run as script.
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    // Laid out for print from the start: printing then needs no new style for a new medium, which
    // halves the time of each print (the document looks the same either way: it is only printed).
    await page.emulateMediaType('print');
    const session: PrintSession = { page, dom: await page.createCDPSession(), browserVersion, refusedRequests: [] };
    page.on('request', (request: HTTPRequest) => {
      const url = request.url();
      // Inline data (the fonts and images inside the document) is not a fetch.
      if (url.startsWith('data:') || url === 'about:blank') {
        void request.continue();
        return;
      }
      // The document now in the page made it (a page prints one document after another).
      session.refusedRequests.push(url);
      options.debug?.(`refused request: ${url.slice(0, 200)}`);
      void request.abort('blockedbyclient');
    });
    lap('page with JavaScript off and requests intercepted');
    return session;
  };
  const starting = launching.then(async ({ puppeteer, endpoint }): Promise<PrintSession> => {
    browser = await puppeteer.connect({ browserWSEndpoint: endpoint, protocolTimeout: options.timeoutMs });
    const browserVersion = await browser.version();
    options.debug?.(`browser: ${options.browserPath} (${browserVersion})`);
    // The tab the browser opened (about:blank): a new one would start another renderer.
    return preparePage((await browser.pages())[0] ?? (await browser.newPage()), browserVersion);
  });
  // Errors are reported by print(), or dropped by close() when nothing is printed.
  const ready = untilAborted(starting, signal);
  ready.catch(() => undefined);
  /**
   * Pages waiting for a document, the prepared tab first: a batch reuses each page that printed,
   * which spares a renderer's start and keeps its caches (the fonts and styles every document shares).
   */
  let idle: PrintSession[] | undefined;
  /** An idle page (the first document takes the prepared tab), else a new page of the same browser. */
  const sessionFor = async (): Promise<PrintSession> => {
    const first = await ready;
    idle ??= [first];
    return idle.pop() ?? preparePage(await browser!.newPage(), first.browserVersion);
  };
  let prints = 0;

  const explain = (err: unknown, timeLimit: AbortSignal = deadline): unknown => {
    if (running && options.debug) options.debug(`browser output:\n${running.output().trim() || '(none)'}`);
    if (options.signal?.aborted) return options.signal.reason ?? err;
    if (timeLimit.aborted) {
      return new PrintError(
        options.browserPath,
        `the PDF was not ready after ${seconds} s; gave up and closed ${options.browserPath}`,
        {
          hint: 'A large plan on a slow machine may need more time: --timeout 120. Rerun with --debug to see what the browser did.',
          cause: err,
        },
      );
    }
    if (err instanceof UsageError) return err;
    if (running?.endpoint) {
      // It started, so it is a browser: it crashed or was closed while printing.
      return new PrintError(
        options.browserPath,
        `the browser stopped while printing the PDF (${firstLine(gone.signal.reason ?? err)})`,
        {
          hint: 'It crashed or was closed; nothing was changed. Rerun with --debug to see its output (a browser short of memory or of /dev/shm space crashes like this).',
          cause: err,
        },
      );
    }
    return new PrintError(
      options.browserPath,
      `could not print the PDF with ${options.browserPath}: ${firstLine(err)}`,
      {
        hint: `Is it Chrome or Chromium? ${INSTALL_HINT}`,
        cause: err,
      },
    );
  };

  let closing: Promise<void> | undefined;
  return {
    async print(html, fallbackHeader = options.fallbackHeader) {
      if (closing) throw new Error('printer already closed');
      printed = true;
      const nth = ++prints;
      // The first document shares the start-up's time limit; each later one has a limit of its own.
      const ownDeadline = nth === 1 ? deadline : AbortSignal.timeout(options.timeoutMs);
      const limit =
        nth === 1
          ? signal
          : AbortSignal.any([ownDeadline, stopped.signal, gone.signal, ...(options.signal ? [options.signal] : [])]);
      const job = sessionFor().then(async (session) => {
        // A page that failed is not trusted with another document; the first tab stays until the browser ends.
        const discard = async () => {
          if (session.page !== (await ready).page) await session.page.close().catch(() => undefined);
        };
        session.refusedRequests = [];
        const result = await printDocument(session, html, { ...options, fallbackHeader }, lap).catch(
          async (err: unknown) => {
            await discard();
            throw err;
          },
        );
        // A navigation this document scheduled (a meta refresh runs without script) must not
        // reach the next one, which setContent alone would not prevent: stopping the page's
        // loading cancels it (a navigation to about:blank would too, at a third of a second per plan).
        await session.dom.send('Page.stopLoading').then(
          () => idle!.push(session),
          () => discard(),
        );
        return result;
      });
      try {
        return await untilAborted(job, limit);
      } catch (err) {
        throw explain(err, ownDeadline);
      }
    },
    close() {
      closing ??= (async () => {
        // A browser still starting is stopped; no profile or process can come after this. The
        // browser is ended without waiting for a print in flight.
        if (!printed) stopped.abort(new Error('closed before printing'));
        await settledWithin(launching, CLOSE_STEP_MS);
        await endBrowser(running?.child, browser);
        lap('close browser');
        if (profile) await removeProfile(profile);
      })();
      // Callers may start closing and await it later (after writing the output).
      closing.catch(() => undefined);
      return closing;
    },
  };
}

/** Rejects as soon as the signal aborts, so a browser that stops answering cannot hang us. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  // Once the signal has won, the work's own failure has no one to go to: it must not surface as
  // an unhandled rejection (which ends Node), also when the signal was aborted before we started.
  work.catch(() => undefined);
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** For --debug: how long each phase took since the previous one. */
function stopwatch(debug: ((line: string) => void) | undefined): (phase: string) => void {
  if (!debug) return () => {};
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    debug(`${phase}: ${Math.round(now - last)} ms (at ${Math.round(now)} ms)`);
    last = now;
  };
}

function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err)
    .split('\n')[0]!
    .slice(0, 300);
}
