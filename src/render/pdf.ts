/**
 * Prints the self-contained plan.html to PDF with a local Chrome or Chromium (puppeteer-core).
 * The plan is untrusted text, so the page runs with JavaScript disabled and every request but the
 * document itself is refused; the browser gets a fresh profile that is deleted afterwards, and it
 * is closed on success, failure, timeout and Ctrl-C alike.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, HTTPRequest, LaunchOptions } from 'puppeteer-core';
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
export const CHROMIUM_ARGS = [
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
];

/** Chromium's sandbox does not work as root, and usually not in a container. */
export function needsNoSandbox(env: NodeJS.ProcessEnv = process.env): boolean {
  if (process.platform !== 'linux') return false;
  if (process.getuid?.() === 0) return true;
  return Boolean(env.container) || existsSync('/.dockerenv') || existsSync('/run/.containerenv');
}

/** CSS page-margin boxes (running header, page numbers) arrived in Chrome 131. */
const MARGIN_BOXES_SINCE = 131;

export async function printPdf(html: string, options: PdfOptions): Promise<PdfResult> {
  const seconds = Math.round(options.timeoutMs / 1000);
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  const profile = await mkdtemp(path.join(os.tmpdir(), 'smplan-chromium-'));
  let browser: Browser | undefined;
  let job: Promise<PdfResult> | undefined;
  try {
    const work = async (): Promise<PdfResult> => {
      options.progress?.(`Starting ${browserName(options.browserPath)}…`);
      browser = await launch(options, profile, signal);
      const browserVersion = await browser.version();
      options.debug?.(`browser: ${options.browserPath} (${browserVersion})`);
      const page = await browser.newPage();
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
      const major = Number(/\/(\d+)\./.exec(browserVersion)?.[1] ?? 0);
      const templates = Boolean(options.fallbackHeader) && (options.pageChrome ?? (major < MARGIN_BOXES_SINCE ? 'templates' : 'css')) === 'templates';
      const print = async (document: string): Promise<Uint8Array> => {
        await page.setContent(templates ? withoutMarginBoxes(document) : document, { waitUntil: 'load', timeout: 0 });
        return page.pdf({
          format: options.paper === 'letter' ? 'Letter' : 'A4',
          preferCSSPageSize: true,
          printBackground: true,
          outline: true,
          tagged: true,
          timeout: 0,
          ...(templates ? headerFooter(options.fallbackHeader!) : {}),
        });
      };
      options.progress?.('Printing PDF…');
      let pdf = await print(html);
      // Page numbers in the table of contents: known only once printed, so print again with them.
      if (html.includes('<span class="toc-page" data-for=')) {
        options.progress?.('Numbering the contents…');
        let pages = anchorPages(pdf);
        for (let pass = 0; pages && pass < 2; pass++) {
          const numbered = await print(withTocPages(html, pages));
          const after = anchorPages(numbered);
          pdf = numbered;
          if (after && samePages(pages, after)) break;
          pages = after;
        }
        if (!pages) options.debug?.('could not read the page of each chapter back from the PDF; contents left without page numbers');
      }
      return { pdf, pages: countPages(pdf), refusedRequests, browserVersion };
    };
    job = work();
    return await untilAborted(job, signal);
  } catch (err) {
    if (options.signal?.aborted) throw options.signal.reason ?? err;
    if (deadline.aborted) {
      throw new CLIError(`the PDF was not ready after ${seconds} s; gave up and closed ${options.browserPath}`, EXIT.usage, {
        hint: 'A large plan on a slow machine may need more time: --timeout 120. Rerun with --debug to see what the browser did.',
        cause: err,
      });
    }
    if (err instanceof CLIError) throw err;
    if (browser) {
      // It started, so it is a browser: it crashed or was closed while printing.
      throw new CLIError(`the browser stopped while printing the PDF (${firstLine(err)})`, EXIT.usage, {
        hint: 'It crashed or was closed; nothing was changed. Rerun with --debug to see its output (a browser short of memory or of /dev/shm space crashes like this).',
        cause: err,
      });
    }
    throw new CLIError(`could not print the PDF with ${options.browserPath}: ${firstLine(err)}`, EXIT.usage, {
      hint: `Is it Chrome or Chromium? ${INSTALL_HINT}`,
      cause: err,
    });
  } finally {
    // After an abort, let a launch in flight settle (puppeteer kills it on the signal) so its
    // browser cannot outlive us.
    if (job) await Promise.race([job.catch(() => undefined), sleep(5000)]);
    await closeBrowser(browser);
    await rm(profile, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
  }
}

async function launch(options: PdfOptions, profile: string, signal: AbortSignal): Promise<Browser> {
  const { default: puppeteer } = await import('puppeteer-core');
  const base: LaunchOptions = {
    executablePath: options.browserPath,
    headless: true,
    userDataDir: profile,
    // smplan closes the browser itself (finally) and turns Ctrl-C into an abort.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    timeout: options.timeoutMs,
    protocolTimeout: options.timeoutMs,
    signal,
    env: { ...process.env, LANG: process.env.LANG ?? 'C.UTF-8' },
  };
  const withArgs = (noSandbox: boolean): LaunchOptions => ({
    ...base,
    args: [...CHROMIUM_ARGS, ...(noSandbox ? ['--no-sandbox'] : [])],
  });
  const noSandbox = needsNoSandbox();
  options.debug?.(`launching with ${[...CHROMIUM_ARGS, ...(noSandbox ? ['--no-sandbox'] : [])].join(' ')}`);
  try {
    return await puppeteer.launch(withArgs(noSandbox));
  } catch (err) {
    // Some hosts have no usable sandbox (no user namespaces); retry once without it.
    if (!noSandbox && !signal.aborted && /sandbox/i.test(String((err as Error)?.message))) {
      options.debug?.('the sandbox is not available here; retrying with --no-sandbox');
      return puppeteer.launch(withArgs(true));
    }
    throw err;
  }
}

/** Rejects as soon as the signal aborts, so a browser that stops answering cannot hang us. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function closeBrowser(browser: Browser | undefined): Promise<void> {
  if (!browser) return;
  const child = browser.process();
  // A browser that does not close within 5 s is killed: never leave a process behind.
  await Promise.race([browser.close().catch(() => undefined), sleep(5000)]);
  if (child && child.exitCode === null && child.signalCode === null) {
    try {
      if (child.pid && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
      else child.kill('SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
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

/** `<span class="toc-page" data-for="ID"></span>` in the layout receives the page number where #ID starts. */
const TOC_PAGE = /<span class="toc-page" data-for="([^"]+)"><\/span>/g;

export function withTocPages(html: string, pages: Map<string, number>): string {
  return html.replace(TOC_PAGE, (m, id: string) => {
    const page = pages.get(id);
    return page === undefined ? m : `<span class="toc-page" data-for="${id}">${page}</span>`;
  });
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
