import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asCLIError } from '../../src/cli/report.js';
import type { CLIError } from '../../src/cli/errors.js';
import { renderHtml } from '../../src/render/html.js';
import { PrintError, printPdf, startPrinter } from '../../src/render/pdf.js';
import { anchorPages, countPages } from '../../src/render/pdf-pages.js';
import { chromiumPath, pdfinfo, pdftotext, skipPdf } from './chromium.js';
import { runningCommands } from '../helpers/files.js';
import { fakeFolder, kaffebar } from './document-fixture.js';

let dir: string;
let server: Server;
let port: number;
const hits: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'smplan-pdf-'));
  // A server the hostile plan points at: it must never see a request.
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end('x');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Browser profiles left in this test's own temp folder (other test files print in parallel). */
function profiles(): string[] {
  return readdirSync(os.tmpdir()).filter((n) => n.startsWith('smplan-chromium-'));
}

/** Runs `fn` with os.tmpdir() pointing at a fresh folder, so leftovers are ours alone. */
async function inOwnTmp<T>(fn: () => Promise<T>): Promise<T> {
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = mkdtempSync(path.join(dir, 'tmp-'));
  try {
    return await fn();
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
}

it.runIf(process.env.CI)('under CI a Chrome or Chromium is installed, so the PDF tests run', () => {
  expect(chromiumPath, 'install chromium (apt-get install chromium) in the CI image').toBeDefined();
});

describe.skipIf(skipPdf)('printPdf with Chromium', () => {
  it('prints the document: title, chapter headings, figures, page numbers; the page count is right', async () => {
    const html = await renderHtml(fakeFolder(), await kaffebar());
    const result = await printPdf(html, { browserPath: chromiumPath!, paper: 'a4', timeoutMs: 60_000 });
    const file = path.join(dir, 'plan.pdf');
    writeFileSync(file, result.pdf);
    const text = pdftotext(file);
    const info = pdfinfo(file);
    // Cover, contents, the summary on its own page, then situation and competitors flow on one.
    expect(result.pages).toBe(Number(info.Pages));
    expect(result.pages).toBe(4);
    expect(info['Page size']).toMatch(/^59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(info.Tagged).toBe('yes');
    // Bookmarks from the headings.
    expect(Buffer.from(result.pdf).toString('latin1')).toMatch(/\/Type \/Outlines/);
    expect(text).toContain('Northside Coffee Bar social media strategy 2027');
    expect(text).toMatch(/Engagement benchmark/);
    expect(text).toMatch(/Bean There\s+tiktok\s+21,000\s+9\.6 %/);
    expect(text).toContain('Page 3 of 4');
    expect(text).not.toContain('Page 1 of 5');
    // Norwegian and Cyrillic come out as text (the embedded Noto Sans has the glyphs).
    expect(text).toContain('blåbærsyltetøy, Ærøskøbing');
    expect(text).toContain('Здравейте, свят');
    expect(result.refusedRequests).toEqual([]);
    // The contents carry the page each chapter starts on, read back from the first print.
    expect(text).toMatch(/Executive summary\s+3\n/);
    expect(text).toMatch(/1\s+Situation\s+4\n/);
    // Short chapters flow on one page.
    expect(text).toMatch(/2\s+Competitors\s+4\n/);
    // And the second level: a chapter's section with its page.
    expect(text).toMatch(/Engagement benchmark\s+4\n/);
    expect(execFileSync('pdftotext', ['-f', '4', '-l', '4', file, '-'], { encoding: 'utf8' })).toMatch(
      /\nCompetitors\n/,
    );
    expect(anchorPages(result.pdf)).toEqual(
      new Map([
        ['overview', 3],
        ['chapter-situation', 4],
        ['chapter-competitors', 4],
        ['competitors--engagement-benchmark', 4],
        // The contents' link to the section: its own anchor in the heading.
        ['section-competitors-1', 4],
        ['contents', 2],
      ]),
    );
  });

  it('numbers a contents placeholder of a custom layout, keeping its other attributes; the page shows again after the quick print', async () => {
    const html = `<!DOCTYPE html><html style="color: #123"><head><style>
      section { break-before: page; } .toc-page.custom::before { content: "page "; }</style></head><body>
      <p>Contents: <a href="#one">One<span class="toc-page custom" data-for="one" title="a &quot;b&quot; &lt;c&gt;"></span></a>,
      <a href="#two">Two<span class="toc-page" data-for="two"></span></a></p>
      <section id="one">First section</section><section id="two">Second section</section></body></html>`;
    const result = await printPdf(html, { browserPath: chromiumPath!, paper: 'a4', timeoutMs: 60_000 });
    const file = path.join(dir, 'custom-toc.pdf');
    writeFileSync(file, result.pdf);
    const text = pdftotext(file);
    expect(text).toMatch(/Contents: Onepage 2, Two3/);
    expect(text).toContain('First section');
    expect(text).toContain('Second section');
    expect(result.pages).toBe(3);
  });

  it('with a browser older than Chrome 131, header and page numbers come from print templates instead', async () => {
    const html = await renderHtml(fakeFolder(), await kaffebar());
    const result = await printPdf(html, {
      browserPath: chromiumPath!,
      paper: 'a4',
      timeoutMs: 60_000,
      pageChrome: 'templates',
      fallbackHeader: { title: 'Running <title> & co', pageOf: 'Side {page} av {pages}' },
    });
    const file = path.join(dir, 'templates.pdf');
    writeFileSync(file, result.pdf);
    const text = pdftotext(file);
    expect(text).toContain('Side 3 av 4');
    expect(text).toContain('Running <title> & co');
    expect(text).not.toContain('Page 3 of 4');
  });

  it('prints Letter when asked', async () => {
    const html = await renderHtml(fakeFolder(), await kaffebar(), { paper: 'letter' });
    const result = await printPdf(html, { browserPath: chromiumPath!, paper: 'letter', timeoutMs: 60_000 });
    const file = path.join(dir, 'letter.pdf');
    writeFileSync(file, result.pdf);
    expect(pdfinfo(file)['Page size']).toMatch(/^612 x 792 pts \(letter\)/);
  });

  it('a hostile plan runs no script and fetches nothing', async () => {
    const html = await renderHtml(fakeFolder({ hostile: true, port }), await kaffebar());
    const result = await printPdf(html, { browserPath: chromiumPath!, paper: 'a4', timeoutMs: 60_000 });
    const file = path.join(dir, 'hostile.pdf');
    writeFileSync(file, result.pdf);
    const text = pdftotext(file);
    expect(text).toContain('<script>document.title');
    expect(text).toContain('{{7*7}}');
    expect(text).not.toContain('SCRIPT RAN');
    expect(text).not.toContain('ONERROR RAN');
    expect(result.refusedRequests).toEqual([]);
    expect(hits).toEqual([]);
  });

  it('even a document with live script and remote resources is held: JavaScript off, every request refused', async () => {
    const html = `<!DOCTYPE html><html><head><link rel="stylesheet" href="http://127.0.0.1:${port}/style.css"></head><body>
      <p id="p">STATIC TEXT</p><img src="http://127.0.0.1:${port}/pixel.png"><iframe src="http://127.0.0.1:${port}/frame"></iframe>
      <script>document.getElementById('p').textContent = 'SCRIPT RAN'; fetch('http://127.0.0.1:${port}/fetch');</script></body></html>`;
    const result = await printPdf(html, { browserPath: chromiumPath!, paper: 'a4', timeoutMs: 60_000 });
    const file = path.join(dir, 'raw.pdf');
    writeFileSync(file, result.pdf);
    const text = pdftotext(file);
    expect(text).toContain('STATIC TEXT');
    expect(text).not.toContain('SCRIPT RAN');
    expect(result.refusedRequests.length).toBeGreaterThanOrEqual(2);
    expect(result.refusedRequests.every((u) => u.startsWith(`http://127.0.0.1:${port}/`))).toBe(true);
    expect(result.refusedRequests).not.toContain(`http://127.0.0.1:${port}/fetch`);
    expect(hits).toEqual([]);
  });

  it('a batch reuses its pages: each document is printed alone, with script still off and only its own refused requests', async () => {
    const remote = (name: string) => `<!DOCTYPE html><html><head><title>${name}</title></head><body>
      <p id="p">${name} TEXT</p><img src="http://127.0.0.1:${port}/${name}.png">
      <script>document.getElementById('p').textContent = 'SCRIPT RAN';</script></body></html>`;
    // A navigation one document schedules without script (a meta refresh, due while the next
    // document prints: that one is long) must not reach the next document in the same page.
    const refreshing = (name: string) =>
      `<!DOCTYPE html><html><head><meta http-equiv="refresh" content="1;url=http://127.0.0.1:${port}/${name}-refresh"></head><body><p>${name} TEXT</p></body></html>`;
    const long = (name: string) =>
      `<!DOCTYPE html><html><body><p>${name} TEXT</p>${'<p>Words and words.</p>'.repeat(2000)}</body></html>`;
    const pagesMade: string[] = [];
    const printer = startPrinter({
      browserPath: chromiumPath!,
      paper: 'a4',
      timeoutMs: 60_000,
      debug: (line) => {
        if (line.startsWith('page with JavaScript off')) pagesMade.push(line);
      },
    });
    try {
      // Two at once (two pages), then two more, which take the pages the first two left.
      const first = await Promise.all([printer.print(refreshing('ALPHA')), printer.print(remote('BETA'))]);
      const later = await Promise.all([printer.print(long('GAMMA')), printer.print(long('DELTA'))]);
      expect(pagesMade).toHaveLength(2);
      const texts = [...first, ...later].map((result, i) => {
        const file = path.join(dir, `batch-${i}.pdf`);
        writeFileSync(file, result.pdf);
        return pdftotext(file);
      });
      expect(texts.map((t) => t.match(/[A-Z]+ TEXT/g))).toEqual([
        ['ALPHA TEXT'],
        ['BETA TEXT'],
        ['GAMMA TEXT'],
        ['DELTA TEXT'],
      ]);
      await new Promise((resolve) => setTimeout(resolve, 1200));
      expect(texts.join('\n')).not.toContain('SCRIPT RAN');
      expect(first[0]!.refusedRequests).toEqual([]);
      expect(first[1]!.refusedRequests).toEqual([`http://127.0.0.1:${port}/BETA.png`]);
      expect(later.map((r) => r.refusedRequests)).toEqual([[], []]);
      expect(later.map((r) => r.pages)).toEqual([later[0]!.pages, later[0]!.pages]);
      expect(later[0]!.pages).toBeGreaterThan(50);
      expect(hits).toEqual([]);
    } finally {
      await printer.close();
    }
  });

  it('Ctrl-C (an abort) closes the browser and leaves no profile behind', () =>
    inOwnTmp(async () => {
      const html = await renderHtml(fakeFolder(), await kaffebar());
      const controller = new AbortController();
      const lines: string[] = [];
      const job = printPdf(html, {
        browserPath: chromiumPath!,
        paper: 'a4',
        timeoutMs: 60_000,
        signal: controller.signal,
        progress: (l) => {
          lines.push(l);
          if (l.startsWith('Printing')) controller.abort(new Error('interrupted'));
        },
      });
      await expect(job).rejects.toThrow('interrupted');
      expect(profiles()).toEqual([]);
      expect(chromiumChildren()).toEqual([]);
    }));
});

/** Chromium processes this test process started and that are still alive. */
function chromiumChildren(): string[] {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' }).trim();
  return out ? out.split('\n').filter((l) => /chrom/i.test(l)) : [];
}

describe('printPdf without a working browser', () => {
  it('a browser that hangs ends in a timeout message, not a hang, and nothing is left running', () =>
    inOwnTmp(async () => {
      const fake = path.join(dir, 'hanging-browser');
      const marker = `sleep ${300 + Math.floor(Math.random() * 1000)}`;
      writeFileSync(fake, `#!/bin/sh\nexec ${marker}\n`);
      chmodSync(fake, 0o755);
      const e = await printPdf('<p>x</p>', { browserPath: fake, paper: 'a4', timeoutMs: 1500 }).catch(
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(PrintError);
      expect((asCLIError(e) as CLIError).exitCode).toBe(2);
      expect((e as PrintError).message).toMatch(/the PDF was not ready after 2 s/);
      expect((e as PrintError).hint).toMatch(/--timeout/);
      const alive = runningCommands().filter((l) => l.trim() === marker);
      expect(alive).toEqual([]);
      expect(profiles()).toEqual([]);
    }));

  it('a program that is not a browser is a one-line error with the install hint', async () => {
    const e = await printPdf('<p>x</p>', { browserPath: '/bin/true', paper: 'a4', timeoutMs: 10_000 }).catch(
      (x: unknown) => x,
    );
    expect(asCLIError(e)).toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/^could not print the PDF with \/bin\/true: /),
    });
    expect((e as PrintError).hint).toMatch(/apt-get install chromium/);
  });

  it('a browser that exits while smplan connects is reported at once (no hang, no exit 13), its output under --debug', () =>
    inOwnTmp(async () => {
      // The "browser" starts a DevTools endpoint that accepts the connection and never answers
      // (it lives on in the background), then exits: only watching the process can notice.
      const marker = `smplan-silent-devtools-${process.pid}`;
      const server = `const s = require('http').createServer(); s.on('upgrade', (req, sock) => { const k = require('crypto').createHash('sha1')
      .update(req.headers['sec-websocket-key'] + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
      sock.write('HTTP/1.1 101 Switching Protocols\\r\\nUpgrade: websocket\\r\\nConnection: Upgrade\\r\\nSec-WebSocket-Accept: ' + k + '\\r\\n\\r\\n'); });
      s.listen(0, '127.0.0.1', () => { console.error('out of memory'); console.error('DevTools listening on ws://127.0.0.1:' + s.address().port + '/devtools/browser/x'); });
      setTimeout(() => process.exit(0), 30000);`;
      const fake = path.join(dir, 'exiting-browser');
      writeFileSync(
        fake,
        `#!/bin/sh\n"${process.execPath}" -e ${JSON.stringify(server.replace(/\n\s*/g, ' '))} ${marker} &\nsleep 1\nexit 3\n`,
      );
      chmodSync(fake, 0o755);
      const debug: string[] = [];
      // Not the 30 s time limit's message: the exit was noticed.
      const e = await printPdf('<p>x</p>', {
        browserPath: fake,
        paper: 'a4',
        timeoutMs: 30_000,
        debug: (l) => debug.push(l),
      }).catch((x: unknown) => x);
      expect(asCLIError(e)).toMatchObject({
        exitCode: 2,
        message: 'the browser stopped while printing the PDF (exit code 3)',
      });
      expect(debug.join('\n')).toContain('out of memory');
      const alive = runningCommands().filter((l) => l.includes(marker));
      expect(alive).toEqual([]);
      expect(profiles()).toEqual([]);
    }));

  it('a printer closed before it printed (the HTML failed) ends its browser and leaves no profile', () =>
    inOwnTmp(async () => {
      const fake = path.join(dir, 'slow-browser');
      // A browser that would run for minutes: close() must end it, not wait for it.
      const marker = `sleep ${300 + Math.floor(Math.random() * 1000)}`;
      writeFileSync(fake, `#!/bin/sh\nexec ${marker}\n`);
      chmodSync(fake, 0o755);
      // At once (before the profile or the process exist) and once the browser runs.
      await startPrinter({ browserPath: fake, paper: 'a4', timeoutMs: 60_000 }).close();
      const printer = startPrinter({ browserPath: fake, paper: 'a4', timeoutMs: 60_000 });
      await new Promise((r) => setTimeout(r, 500));
      await printer.close();
      const alive = runningCommands().filter((l) => l.trim() === marker);
      expect(alive).toEqual([]);
      expect(profiles()).toEqual([]);
    }));

  it('anchorPages gives up (undefined) on a PDF it cannot read', () => {
    expect(anchorPages(new TextEncoder().encode('%PDF-1.7 garbage'))).toBeUndefined();
  });

  it('countPages counts page objects, not the page tree', () => {
    const pdf = new TextEncoder().encode(
      '<< /Type /Pages /Count 2 >> << /Type /Page >> << /Type/Page /Parent 1 0 R >>',
    );
    expect(countPages(pdf)).toBe(2);
  });
});
