/**
 * `smplan serve` driven as a consultant uses it: a real Chromium on the page, the plan edited
 * on disk, the page followed. Needs the build (npm test builds first) and Chromium.
 */
import { request } from 'node:http';
import { readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'puppeteer-core';
import { chromiumPath, skipPdf } from '../render/chromium.js';
import { countPages } from '../../src/render/pdf-pages.js';
import { exampleCopy, runServe, startServe, type Serving } from './serving.js';

/** How long the page may take to follow a save here (the speed itself is measured in npm run bench). */
const FOLLOW_MS = 20_000;

/** A request exactly as given: no path normalisation, any Host header. */
function rawGet(
  url: string,
  pathname: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: pathname, method: 'GET', headers, agent: false }, (res) => {
      let body = '';
      res
        .setEncoding('utf8')
        .on('data', (s: string) => (body += s))
        .on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject).end();
  });
}

describe.skipIf(skipPdf)('smplan serve in a real browser', () => {
  let browser: Browser;
  let page: Page;
  let serving: Serving;
  let dir: string;
  let plan: string;
  let original: string;

  beforeAll(async () => {
    ({ dir, plan } = exampleCopy());
    original = readFileSync(plan, 'utf8');
    serving = await startServe(['plan.yaml', '--port', '0'], dir);
    const { default: puppeteer } = await import('puppeteer-core');
    browser = await puppeteer.launch({
      executablePath: chromiumPath!,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 800 });
    await page.goto(serving.url);
    await page.waitForSelector('html[data-connected="true"][data-state="ok"]');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await serving?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const documentFrame = async (): Promise<Frame> => {
    const handle = await page.waitForSelector('#frames iframe:not(.loading)');
    return (await handle!.contentFrame())!;
  };
  const shownVersion = () => page.evaluate(() => Number(document.documentElement.dataset.version));
  const waitForVersion = (version: number) =>
    page.waitForFunction(
      (v: number) => Number(document.documentElement.dataset.version) >= v,
      { timeout: FOLLOW_MS },
      version,
    );

  it('shows the document the plan renders, with the readiness line and no banner', async () => {
    const frame = await documentFrame();
    expect(await frame.$eval('h1.cover-title', (h) => h.textContent)).toMatch(/Fieldnote/);
    expect(await page.$eval('#readiness', (s) => s.textContent)).toMatch(/ready/i);
    expect(await page.$eval('#banner', (b) => (b as HTMLElement).hidden)).toBe(true);
    expect(await page.$eval('#plan-file', (s) => s.textContent)).toBe('plan.yaml');
  });

  it('opens a link out of the document in a tab of its own, not in the frame', async () => {
    const frame = await documentFrame();
    const opened = browser.waitForTarget((t) => t.url().startsWith(new URL('/print', serving.url).href), {
      timeout: FOLLOW_MS,
    });
    await frame.evaluate((href: string) => {
      const link = Object.assign(document.createElement('a'), { href, textContent: 'out' });
      document.body.prepend(link);
      link.click();
      link.remove();
    }, new URL('/print', serving.url).href);
    const tab = await (await opened).page();
    expect(frame.url()).toMatch(/\/document\?v=\d+$/);
    await tab?.close();
  });

  it('follows an edit of the plan and keeps the scroll position', async () => {
    const before = await shownVersion();
    let frame = await documentFrame();
    await frame.evaluate(() => window.scrollTo(0, 1500));
    writeFileSync(plan, original.replace('    target: 6000\n', '    target: 7250\n'));
    await waitForVersion(before + 1);
    frame = await documentFrame();
    expect(await frame.evaluate(() => document.body.textContent)).toContain('7,250');
    expect(await frame.evaluate(() => window.scrollY)).toBe(1500);
    await serving.printed(/plan\.yaml: updated in \d+ ms/, 2);
  });

  it('re-renders for a changed posts_csv file, but not for a file saved unchanged', async () => {
    const before = await shownVersion();
    const updates = serving.stdout().match(/updated in/g)!.length;
    // Saved without a change (and its time touched): nothing to render.
    writeFileSync(plan, readFileSync(plan));
    utimesSync(plan, new Date(), new Date());
    const csv = `${dir}/data/tradeflow-linkedin.csv`;
    writeFileSync(
      csv,
      readFileSync(csv, 'utf8').trimEnd() + '\n' + readFileSync(csv, 'utf8').trimEnd().split('\n').at(-1) + '\n',
    );
    await waitForVersion(before + 1);
    await serving.printed(/updated in/, updates + 1);
    // The CSV's render is the next one: the touched plan made none before it.
    expect(await shownVersion()).toBe(before + 1);
    expect(serving.stdout().match(/updated in/g)!.length).toBe(updates + 1);
  });

  it('keeps the last good document under a banner naming the line while the YAML is broken, and comes back when fixed', async () => {
    const before = await shownVersion();
    const lines = original.split('\n');
    const at = lines.findIndex((l) => l === '    target: 6000');
    lines[at] = '    target: [6000';
    writeFileSync(plan, lines.join('\n'));
    await page.waitForSelector('#banner:not([hidden])', { timeout: FOLLOW_MS });
    const banner = await page.$eval('#banner', (b) => b.textContent!);
    expect(banner).toMatch(new RegExp(`plan\\.yaml:${at + 1}:\\d+`));
    expect(banner).toContain('last good document');
    expect(await page.$eval('#finding-list', (l) => l.textContent)).toMatch(/error/);
    expect(await shownVersion()).toBe(before);
    expect(await (await documentFrame()).$eval('h1.cover-title', (h) => h.textContent)).toMatch(/Fieldnote/);
    await serving.printed(/plan\.yaml: not updated \(the page keeps the last good document\)/);
    expect(serving.stdout()).toMatch(new RegExp(`plan\\.yaml:${at + 1}:\\d+  error`));

    writeFileSync(plan, original);
    await waitForVersion(before + 1);
    await page.waitForSelector('#banner[hidden]');
    expect(await (await documentFrame()).evaluate(() => document.body.textContent)).toContain('6,000');
  });

  it('follows a plan that is deleted and written anew (as some editors save)', async () => {
    const before = await shownVersion();
    rmSync(plan);
    await page.waitForSelector('#banner:not([hidden])', { timeout: FOLLOW_MS });
    expect(await page.$eval('#banner', (b) => b.textContent!)).toContain('plan.yaml cannot read: no such file');
    writeFileSync(plan, original.replace('    target: 6000\n', '    target: 6400\n'));
    await waitForVersion(before + 1);
    await page.waitForSelector('#banner[hidden]');
    expect(await (await documentFrame()).evaluate(() => document.body.textContent)).toContain('6,400');
  });

  it('serves nothing but its own pages: no path reaches the files, a foreign Host or site is refused, GET only', async () => {
    const traversal = await rawGet(serving.url, '/../package.json');
    expect(traversal.status).toBe(404);
    expect(traversal.body).not.toContain('"name"');
    expect((await rawGet(serving.url, '/%2e%2e/package.json')).status).toBe(404);
    expect((await rawGet(serving.url, '/plan.yaml')).status).toBe(404);
    const rebound = await rawGet(serving.url, '/document', { Host: 'attacker.example:80' });
    expect(rebound.status).toBe(403);
    expect(rebound.body).not.toContain('Fieldnote');
    expect((await rawGet(serving.url, '/plan.pdf', { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    const doc = await rawGet(serving.url, '/document');
    expect(doc.status).toBe(200);
    expect(doc.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(doc.headers['content-security-policy']).not.toMatch(/script-src/);
    const post = await fetch(new URL('/document', serving.url), { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('serves the HTML of render --html, prints /plan.pdf with the same pages as render --pdf, and /print shows it', async () => {
    const pdf = new Uint8Array(await (await fetch(new URL('/plan.pdf', serving.url))).arrayBuffer());
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const { spawnCli } = await import('../helpers/cli.js');
    const rendered = spawnCli(['render', 'plan.yaml', '--html', '--pdf', '-o', 'out'], { cwd: dir, timeout: 120_000 });
    expect(rendered.code).toBe(0);
    // What the page shows is what render --html writes, byte for byte. (A new connection: the
    // render above blocked this process longer than the server keeps an idle one open.)
    expect((await rawGet(serving.url, '/document')).body).toBe(readFileSync(`${dir}/out/plan.html`, 'utf8'));
    expect(countPages(pdf)).toBe(countPages(readFileSync(`${dir}/out/plan.pdf`)));
    const print = await browser.newPage();
    await print.goto(new URL('/print', serving.url).href);
    expect(await print.$eval('#frames iframe', (f) => f.getAttribute('src'))).toMatch(/^\/plan\.pdf\?v=\d+$/);
    await print.close();
  }, 180_000);

  it('refuses a second server on the same port (exit 2) and stops on Ctrl-C with exit 130', async () => {
    const port = new URL(serving.url).port;
    const second = await runServe(['plan.yaml', '--port', port], dir);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`port ${port} is in use`);
    // Said before the first render, not after the plan has been rendered and its findings printed.
    expect(second.stderr).not.toContain('Rendering');
    expect(second.stdout).toBe('');
    expect(await serving.stop()).toBe(130);
    await expect(fetch(serving.url)).rejects.toThrow();
  }, 60_000);
});
