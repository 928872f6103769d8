/** The print session: one document loaded into the prepared page and printed, its contents numbered. */
import type { CDPSession, Page } from 'puppeteer-core';
import { escapeHtml } from '../markup.js';
import { fillToc, hideWhile, samePages, tocPlaceholders } from './contents.js';
import { anchorPages, countPages } from './pdf-pages.js';

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

/** CSS page-margin boxes (running header, page numbers) arrived in Chrome 131. */
const MARGIN_BOXES_SINCE = 131;

export interface PrintSession {
  page: Page;
  /** For the contents' page numbers: DOM edits need no script in the page. */
  dom: CDPSession;
  browserVersion: string;
  refusedRequests: string[];
}

export async function printDocument(
  session: PrintSession,
  html: string,
  options: PdfOptions,
  lap: (phase: string) => void,
): Promise<PdfResult> {
  const { page, dom, browserVersion, refusedRequests } = session;
  const major = Number(/\/(\d+)\./.exec(browserVersion)?.[1] ?? 0);
  const templates =
    Boolean(options.fallbackHeader) &&
    (options.pageChrome ?? (major < MARGIN_BOXES_SINCE ? 'templates' : 'css')) === 'templates';
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
  if (!pages)
    options.debug?.('could not read the page of each chapter back from the PDF; contents left without page numbers');
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
