// Live preview timing for `npm run bench`: from saving the plan to the page showing the new
// document, with the built `smplan serve` and a real Chromium on its page (puppeteer-core). Each
// save changes an objective's target; the clock runs from just before the write until the page
// has swapped in the new document (its data-version moves, after the frame loaded and scrolled).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export async function benchServe({ plan, tmp, bin, runs = 15 }) {
  const browserPath = process.env.SMPLAN_BROWSER ?? BROWSERS.find((b) => existsSync(b));
  if (!browserPath) {
    console.log('serve: no Chrome or Chromium found; skipped');
    return undefined;
  }
  const dir = path.join(tmp, 'serve');
  cpSync(path.dirname(plan), dir, { recursive: true });
  const file = path.join(dir, path.basename(plan));
  const original = readFileSync(file, 'utf8');
  const target = /^(\s+target:\s*)(\d+)\s*$/m.exec(original);
  if (!target) throw new Error(`${plan}: no numeric target to edit`);

  const child = spawn(process.execPath, [bin, 'serve', path.basename(file), '--port', '0'], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (s) => (stdout += s));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = await new Promise((resolve, reject) => {
    const check = () => {
      const m = /at (http:\/\/\S+\/)/.exec(stdout);
      if (m) return resolve(m[1]);
      if (child.exitCode !== null) return reject(new Error(`serve exited: ${stdout}`));
      setTimeout(check, 20);
    };
    check();
  });

  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    executablePath: browserPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const samples = [];
  const server = [];
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    await page.goto(url);
    await page.waitForSelector('html[data-connected="true"][data-state="ok"]');
    let version = await page.evaluate(() => Number(document.documentElement.dataset.version));
    // One warm-up save, then the timed ones.
    for (let i = 0; i <= runs; i++) {
      const text = original.replace(target[0], `${target[1]}${Number(target[2]) + i + 1}`);
      const updates = stdout.match(/updated in (\d+) ms/g)?.length ?? 0;
      const start = performance.now();
      writeFileSync(file, text);
      await page.waitForFunction(
        (v) => Number(document.documentElement.dataset.version) > v,
        { polling: 'mutation', timeout: 30_000 },
        version,
      );
      const ms = performance.now() - start;
      version = await page.evaluate(() => Number(document.documentElement.dataset.version));
      while ((stdout.match(/updated in (\d+) ms/g)?.length ?? 0) <= updates)
        await new Promise((r) => setTimeout(r, 10));
      if (i === 0) continue;
      samples.push(ms);
      server.push(Number([...stdout.matchAll(/updated in (\d+) ms/g)].at(-1)[1]));
    }
  } finally {
    await browser.close();
    child.kill('SIGINT');
    await exited;
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { ms: median(samples), serverMs: median(server), runs: samples.length };
}
