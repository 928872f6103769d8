/**
 * Prints the self-contained plan.html to PDF with a local Chrome or Chromium (puppeteer-core).
 * The plan is untrusted text, so the page runs with JavaScript disabled and every request but the
 * document itself is refused; the browser gets a fresh profile that is deleted afterwards, and it
 * is closed on success, failure, timeout and Ctrl-C alike.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readlink, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, CDPSession, HTTPRequest, Page, PuppeteerNode } from 'puppeteer-core';
import { CLIError, EXIT } from '../errors.js';
import { INSTALL_HINT } from './browser/index.js';

export type Paper = 'a4' | 'letter';

export interface PdfOptions {
  browserPath: string;
  paper: Paper;
  /** The whole job (start, load, print) must finish within this many milliseconds. */
  timeoutMs: number;
  /** Aborted on Ctrl-C: the browser is closed and the AbortError rethrown. */
  signal?: AbortSignal;
  /** Progress for people, one line at a time (stderr). */
  progress?: (line: string) => void;
  /** Internals for --debug: browser arguments, refused requests. */
  debug?: (line: string) => void;
  /** For browsers older than Chrome 131 (no CSS page-margin boxes): header and footer templates. */
  fallbackHeader?: { title: string; pageOf: string };
  /** Where the running header and page numbers come from; default: CSS margin boxes when the browser has them. */
  pageChrome?: 'css' | 'templates';
}

export interface PdfResult {
  pdf: Uint8Array;
  pages: number;
  /** Requests the page tried to make and that were refused (none for a document smplan wrote). */
  refusedRequests: string[];
  browserVersion: string;
}

/** Flags that keep a headless print quiet, offline and free of state. */
const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-dev-shm-usage',
  '--mute-audio',
  // Headless Chromium preloads the omnibox popup (a WebUI renderer) it never shows; on two
  // cores that costs the first print about a quarter of its time.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];

/** Chromium's sandbox does not work as root, and usually not in a container. */
function needsNoSandbox(env: NodeJS.ProcessEnv = process.env): boolean {
  if (process.platform !== 'linux') return false;
  if (process.getuid?.() === 0) return true;
  return Boolean(env.container) || existsSync('/.dockerenv') || existsSync('/run/.containerenv');
}

/** CSS page-margin boxes (running header, page numbers) arrived in Chrome 131. */
const MARGIN_BOXES_SINCE = 131;

/** A browser started ahead of the document, so that its start-up overlaps rendering the HTML. */
export interface PdfPrinter {
  /** Prints the document; the header labels are for browsers without CSS margin boxes (default: options.fallbackHeader). */
  print(html: string, fallbackHeader?: PdfOptions['fallbackHeader']): Promise<PdfResult>;
  /** Ends the browser (also one still starting) and removes its profile; later calls wait for the first. */
  close(): Promise<void>;
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
  const starting = launching.then(async ({ puppeteer, endpoint }): Promise<PrintSession> => {
    browser = await puppeteer.connect({ browserWSEndpoint: endpoint, protocolTimeout: options.timeoutMs });
    const browserVersion = await browser.version();
    options.debug?.(`browser: ${options.browserPath} (${browserVersion})`);
    // The tab the browser opened (about:blank): a new one would start another renderer.
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    // Before any content exists: plan text must never run as script.
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    const refusedRequests: string[] = [];
    page.on('request', (request: HTTPRequest) => {
      const url = request.url();
      // Inline data (the fonts and images inside the document) is not a fetch.
      if (url.startsWith('data:') || url === 'about:blank') {
        void request.continue();
        return;
      }
      refusedRequests.push(url);
      options.debug?.(`refused request: ${url.slice(0, 200)}`);
      void request.abort('blockedbyclient');
    });
    const dom = await page.createCDPSession();
    lap('connected; page with JavaScript off and requests intercepted');
    return { page, dom, browserVersion, refusedRequests };
  });
  // Errors are reported by print(), or dropped by close() when nothing is printed.
  const ready = untilAborted(starting, signal);
  ready.catch(() => undefined);

  const explain = (err: unknown): unknown => {
    if (running && options.debug) options.debug(`browser output:\n${running.output().trim() || '(none)'}`);
    if (options.signal?.aborted) return options.signal.reason ?? err;
    if (deadline.aborted) {
      return new CLIError(`the PDF was not ready after ${seconds} s; gave up and closed ${options.browserPath}`, EXIT.usage, {
        hint: 'A large plan on a slow machine may need more time: --timeout 120. Rerun with --debug to see what the browser did.',
        cause: err,
      });
    }
    if (err instanceof CLIError) return err;
    if (running?.endpoint) {
      // It started, so it is a browser: it crashed or was closed while printing.
      return new CLIError(`the browser stopped while printing the PDF (${firstLine(gone.signal.reason ?? err)})`, EXIT.usage, {
        hint: 'It crashed or was closed; nothing was changed. Rerun with --debug to see its output (a browser short of memory or of /dev/shm space crashes like this).',
        cause: err,
      });
    }
    return new CLIError(`could not print the PDF with ${options.browserPath}: ${firstLine(err)}`, EXIT.usage, {
      hint: `Is it Chrome or Chromium? ${INSTALL_HINT}`,
      cause: err,
    });
  };

  let closing: Promise<void> | undefined;
  return {
    async print(html, fallbackHeader = options.fallbackHeader) {
      if (printed || closing) throw new Error('printer already used');
      printed = true;
      const job = ready.then((session) => printDocument(session, html, { ...options, fallbackHeader }, lap));
      try {
        return await untilAborted(job, signal);
      } catch (err) {
        throw explain(err);
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

interface PrintSession {
  page: Page;
  /** For the contents' page numbers: DOM edits need no script in the page. */
  dom: CDPSession;
  browserVersion: string;
  refusedRequests: string[];
}

async function printDocument(session: PrintSession, html: string, options: PdfOptions, lap: (phase: string) => void): Promise<PdfResult> {
  const { page, dom, browserVersion, refusedRequests } = session;
  const major = Number(/\/(\d+)\./.exec(browserVersion)?.[1] ?? 0);
  const templates = Boolean(options.fallbackHeader) && (options.pageChrome ?? (major < MARGIN_BOXES_SINCE ? 'templates' : 'css')) === 'templates';
  // Tagging (and the outline built from it) does not change the layout, only the file: a print
  // that is only read for its page numbers goes without, and with nothing painted (hideWhile).
  const print = async (final: boolean): Promise<Uint8Array> => {
    const pdf = await page.pdf({
      format: options.paper === 'letter' ? 'Letter' : 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      outline: final,
      tagged: final,
      timeout: 0,
      ...(templates ? headerFooter(options.fallbackHeader!) : {}),
    });
    lap(final ? 'print' : 'print for page numbers (untagged)');
    return pdf;
  };
  options.progress?.('Printing PDF…');
  await page.setContent(templates ? withoutMarginBoxes(html) : html, { waitUntil: 'load', timeout: 0 });
  lap('load document');
  if (!(await tocPlaceholders(dom)).length) return done(await print(true));

  // Page numbers in the contents: known only once printed, so print, number, print again.
  const shown = await hideWhile(dom);
  let pages = anchorPages(await print(false));
  await shown();
  options.progress?.('Numbering the contents…');
  if (!pages) options.debug?.('could not read the page of each chapter back from the PDF; contents left without page numbers');
  for (let pass = 0; ; pass++) {
    if (pages) await fillToc(dom, pages);
    lap('number the contents');
    const pdf = await print(true);
    if (!pages) return done(pdf);
    const after = anchorPages(pdf);
    // Numbers that moved a chapter (a longer contents) get one more pass.
    if (!after || samePages(pages, after) || pass === 1) return done(pdf);
    pages = after;
  }

  function done(pdf: Uint8Array): PdfResult {
    return { pdf, pages: countPages(pdf), refusedRequests, browserVersion };
  }
}

/** The contents' page-number placeholders: `<span class="toc-page" data-for="ID">` in the layout. */
const TOC_PAGE_SELECTOR = 'span.toc-page[data-for]';

async function tocPlaceholders(dom: CDPSession): Promise<number[]> {
  const { root } = await dom.send('DOM.getDocument', { depth: 0 });
  return (await dom.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: TOC_PAGE_SELECTOR })).nodeIds;
}

/**
 * Hides the whole page (visibility changes no layout) until the returned function shows it
 * again: a print of it has the same pages and link targets but paints almost nothing, which
 * makes the print that is only read for its page numbers about a third quicker.
 */
async function hideWhile(dom: CDPSession): Promise<() => Promise<void>> {
  const { root } = await dom.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await dom.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'html' });
  if (!nodeId) return async () => {};
  const before = attribute((await dom.send('DOM.getAttributes', { nodeId })).attributes, 'style');
  await dom.send('DOM.setAttributeValue', { nodeId, name: 'style', value: `${before ?? ''};visibility:hidden!important` });
  return async () => {
    if (before === undefined) await dom.send('DOM.removeAttribute', { nodeId, name: 'style' });
    else await dom.send('DOM.setAttributeValue', { nodeId, name: 'style', value: before });
  };
}

/** One attribute from CDP's flat [name, value, name, value…] list. */
function attribute(attributes: string[], name: string): string | undefined {
  for (let i = 0; i + 1 < attributes.length; i += 2) if (attributes[i] === name) return attributes[i + 1];
  return undefined;
}

/** Writes the page where #ID starts into each placeholder, through the DOM: the page stays without script. */
async function fillToc(dom: CDPSession, pages: Map<string, number>): Promise<void> {
  // All requests at once: CDP answers them in order, without a round trip each.
  const nodeIds = await tocPlaceholders(dom);
  const attributes = await Promise.all(nodeIds.map(async (nodeId) => (await dom.send('DOM.getAttributes', { nodeId })).attributes));
  await Promise.all(
    nodeIds.map(async (nodeId, i) => {
      const page = pages.get(attribute(attributes[i]!, 'data-for') ?? '');
      if (page === undefined) return;
      const pairs: string[] = [];
      for (let a = 0; a + 1 < attributes[i]!.length; a += 2) pairs.push(` ${attributes[i]![a]}="${escapeHtml(attributes[i]![a + 1]!)}"`);
      await dom.send('DOM.setOuterHTML', { nodeId, outerHTML: `<span${pairs.join('')}>${page}</span>` });
    }),
  );
}

interface RunningBrowser {
  child: ChildProcess;
  /** The DevTools WebSocket address it printed once ready; undefined until then. */
  endpoint?: string;
  /** What it wrote on stderr (the last 16 KB), for --debug and for error messages. */
  output(): string;
}

/**
 * Starts the browser with smplan's flags and a fresh profile, and waits until its DevTools
 * endpoint is up. smplan starts the process itself (not puppeteer.launch) so that it always knows
 * whether the browser is still alive, and ends it, with its whole process group, itself.
 */
async function launch(puppeteer: Pick<PuppeteerNode, 'defaultArgs'>, options: PdfOptions, profile: string, signal: AbortSignal, started: (b: RunningBrowser) => void): Promise<RunningBrowser> {
  let latest: RunningBrowser | undefined;
  const start = async (noSandbox: boolean): Promise<RunningBrowser> => {
    const extra = [...CHROMIUM_ARGS, ...(noSandbox ? ['--no-sandbox'] : [])];
    options.debug?.(`launching with ${extra.join(' ')}`);
    signal.throwIfAborted();
    const args = [...puppeteer.defaultArgs({ headless: true, userDataDir: profile, args: extra }), '--remote-debugging-port=0'];
    const child = spawn(options.browserPath, args, {
      // Its own process group, so that ending it ends its renderers too.
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'ignore', 'pipe'],
      windowsHide: true,
      env: { ...process.env, LANG: process.env.LANG ?? 'C.UTF-8' },
    });
    let output = '';
    const running: RunningBrowser = { child, output: () => output };
    latest = running;
    started(running);
    // Read all its output (kept for --debug; a full pipe would block it); the first thing to wait
    // for is the line with its DevTools endpoint.
    let onOutput = () => {};
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      output = (output + chunk).slice(-16_384);
      onOutput();
    });
    await new Promise<void>((resolve, reject) => {
      const finish = (err?: unknown) => {
        onOutput = () => {};
        child.off('exit', onExit);
        child.off('error', onError);
        signal.removeEventListener('abort', onAbort);
        if (err) reject(err);
        else resolve();
      };
      onOutput = () => {
        const endpoint = /DevTools listening on (ws:\/\/\S+)/.exec(output)?.[1];
        if (endpoint) {
          running.endpoint = endpoint;
          finish();
        }
      };
      const onExit = (code: number | null, exitSignal: string | null) =>
        finish(new Error(`it exited before it was ready (${exitReason(code, exitSignal)})${output.trim() ? `: ${output.trim().split('\n').at(-1)!.slice(0, 200)}` : ''}`));
      const onError = (err: Error) => finish(err);
      const onAbort = () => finish(signal.reason);
      child.once('exit', onExit);
      child.once('error', onError);
      signal.addEventListener('abort', onAbort, { once: true });
    });
    return running;
  };
  const noSandbox = needsNoSandbox();
  try {
    return await start(noSandbox);
  } catch (err) {
    // Some hosts have no usable sandbox (no user namespaces); retry once without it.
    if (!noSandbox && !signal.aborted && /sandbox/i.test(`${(err as Error)?.message} ${latest?.output() ?? ''}`)) {
      options.debug?.('the sandbox is not available here; retrying with --no-sandbox');
      return start(true);
    }
    throw err;
  }
}

/** How a browser process ended, as its 'exit' event reports it. */
function exitReason(code: number | null, signal: string | null): string {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
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

/**
 * Removes the profile and the folder Chromium keeps its singleton socket in (in the temporary folder): a browser that is ended rather than shut down leaves that behind. The
 * profile's SingletonSocket link names exactly this browser's folder.
 */
async function removeProfile(profile: string): Promise<void> {
  const socket = await readlink(path.join(profile, 'SingletonSocket')).catch(() => undefined);
  const socketDir = socket === undefined ? undefined : path.dirname(socket);
  // Chromium names it org.chromium.Chromium.XXXXXX, Google Chrome com.google.Chrome.XXXXXX.
  if (socketDir && /^(org\.chromium\.Chromium|com\.google\.Chrome(\.[a-z]+)?)\.\w+$/.test(path.basename(socketDir))) {
    await rm(socketDir, { recursive: true, force: true });
  }
  await rm(profile, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
}

/** Ends the browser and waits (at most CLOSE_STEP_MS) until it has exited, so its profile can go. */
async function endBrowser(child: ChildProcess | undefined, browser: Browser | undefined): Promise<void> {
  // No pid: it never started (spawn failed).
  if (!child?.pid) return;
  const running = () => child.exitCode === null && child.signalCode === null;
  const exited = new Promise((resolve) => (running() ? child.once('exit', resolve) : resolve(undefined)));
  if (process.platform === 'win32') {
    // Windows has no process groups: a graceful close ends the renderers with the browser.
    if (browser && running()) await settledWithin(browser.close(), CLOSE_STEP_MS);
  } else {
    // Its profile is thrown away, so there is nothing to shut down cleanly: end the whole
    // process group (renderers, zygote) at once instead of a graceful close (about 100 ms).
    // Also when it has exited already: what it started may still run.
    await browser?.disconnect().catch(() => undefined);
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // The group is gone already.
    }
  }
  if (running()) child.kill('SIGKILL');
  await settledWithin(exited, CLOSE_STEP_MS);
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

/** The longest closing waits for any one step (the start-up, a graceful close, the exit): a browser that stops answering cannot hang it. */
const CLOSE_STEP_MS = 5000;

/** Waits until the work has settled, however it ends, but no longer than ms. */
function settledWithin(work: Promise<unknown>, ms: number): Promise<unknown> {
  return Promise.race([work.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, ms).unref())]);
}

/** The header and footer come from the print templates instead: the document's own margin boxes go. */
function withoutMarginBoxes(html: string): string {
  const off = '<style>@page { @top-left { content: none; } @bottom-right { content: none; } }</style>';
  return html.includes('</head>') ? html.replace('</head>', `${off}</head>`) : off + html;
}

function headerFooter(labels: { title: string; pageOf: string }): Record<string, unknown> {
  const style = 'font-family: sans-serif; font-size: 8px; color: #666; width: 100%; padding: 0 18mm;';
  const pageOf = escapeHtml(labels.pageOf)
    .replace('{page}', '<span class="pageNumber"></span>')
    .replace('{pages}', '<span class="totalPages"></span>');
  return {
    displayHeaderFooter: true,
    headerTemplate: `<div style="${style}">${escapeHtml(labels.title)}</div>`,
    footerTemplate: `<div style="${style} text-align: right;">${pageOf}</div>`,
    margin: { top: '20mm', bottom: '18mm', left: '18mm', right: '18mm' },
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function samePages(a: Map<string, number>, b: Map<string, number>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}

/**
 * The page (1-based) of every link target, read from the PDF Chromium writes: its named
 * destinations (/Dests) point at page objects, whose order the page tree gives. Chromium writes
 * both uncompressed; anything else yields undefined and the contents stay without numbers.
 */
export function anchorPages(pdf: Uint8Array): Map<string, number> | undefined {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const object = (n: string) => new RegExp(`(?:^|\\s)${n} 0 obj\\s*<<([\\s\\S]*?)>>\\s*endobj`).exec(text)?.[1];
  const catalog = /<<\s*\/Type\s*\/Catalog([\s\S]*?)>>\s*endobj/.exec(text)?.[1];
  const root = catalog && /\/Pages\s+(\d+)\s+0\s+R/.exec(catalog)?.[1];
  const destsRef = catalog && /\/Dests\s+(\d+)\s+0\s+R/.exec(catalog)?.[1];
  if (!root || !destsRef) return undefined;
  const order = new Map<string, number>();
  const walk = (n: string, depth: number): boolean => {
    const body = object(n);
    if (body === undefined || depth > 20) return false;
    if (/\/Type\s*\/Pages\b/.test(body)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body)?.[1] ?? '';
      return [...kids.matchAll(/(\d+)\s+0\s+R/g)].every((k) => walk(k[1]!, depth + 1));
    }
    order.set(n, order.size + 1);
    return true;
  };
  if (!walk(root, 0)) return undefined;
  const dests = object(destsRef);
  if (dests === undefined) return undefined;
  const pages = new Map<string, number>();
  for (const m of dests.matchAll(/\/([^\s/\[]+)\s*\[\s*(\d+)\s+0\s+R/g)) {
    const page = order.get(m[2]!);
    if (page !== undefined) pages.set(m[1]!.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), page);
  }
  return pages.size ? pages : undefined;
}

/** Page objects in the PDF Chromium writes (its page tree is uncompressed). */
export function countPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

function browserName(file: string): string {
  return /chromium/i.test(file) ? 'Chromium' : /edge/i.test(file) ? 'Edge' : /chrome/i.test(file) ? 'Chrome' : path.basename(file);
}

function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err).split('\n')[0]!.slice(0, 300);
}
