// PDF timing for `npm run bench`: the whole `smplan render --pdf` command (read, lint, Markdown,
// HTML, Chromium print) against Chromium printing the same plan.html by itself
// (`chromium --headless --print-to-pdf`), both as fresh processes with a fresh profile.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'];

function timed(command, args, env) {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 120_000 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${path.basename(command)} ${args.slice(0, 3).join(' ')} exited ${r.status}: ${(r.stderr ?? '').slice(0, 300)}`);
  return ms;
}

function median(fn, runs) {
  fn(); // warm-up
  const samples = Array.from({ length: runs }, fn).sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

/**
 * Returns rows for bench/run.mjs ({name, ms, baselineName, baselineMs, goal}), two per plan;
 * [] (with a note on stderr) when no Chrome or Chromium is installed.
 */
export async function benchRender({ plan, examples, tmp, bin, runs = 5 }) {
  const browser = process.env.SMPLAN_BROWSER ?? BROWSERS.find((b) => existsSync(b));
  if (!browser) {
    console.error('bench/render.mjs: no Chrome or Chromium found; PDF timing skipped');
    return [];
  }
  const plans = examples ?? [plan];
  const work = tmp ?? mkdtempSync(path.join(os.tmpdir(), 'smplan-bench-render-'));
  const rows = [];
  for (const file of plans) {
    const name = path.basename(file).replace(/\.ya?ml$/, '');
    const out = path.join(work, `render-${name}`);
    timed(process.execPath, [bin, 'render', file, '-o', out, '--html'], {});
    const html = pathToFileURL(path.join(out, 'plan.html')).href;
    const htmlMs = median(() => timed(process.execPath, [bin, 'render', file, '-o', out, '--html'], {}), runs);
    const smplanMs = median(() => timed(process.execPath, [bin, 'render', file, '-o', out, '--pdf', '--browser', browser], {}), runs);
    const chromiumMs = median(() => {
      const profile = mkdtempSync(path.join(os.tmpdir(), 'smplan-bench-profile-'));
      try {
        return timed(browser, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', `--user-data-dir=${profile}`,
          '--no-pdf-header-footer', `--print-to-pdf=${path.join(work, `chromium-${name}.pdf`)}`, html], {});
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    }, runs);
    const baselineName = 'chromium --print-to-pdf of its plan.html';
    // The whole command also reads, lints and renders the folder, so it has no goal against a bare print.
    rows.push({ name: `render --pdf ${name} (whole command)`, ms: smplanMs, baselineName, baselineMs: chromiumMs });
    // The PDF step alone (sandboxed page, request interception, outline) should cost about what Chromium's own print does.
    rows.push({ name: `PDF step of render ${name} (--pdf minus --html)`, ms: Math.max(1, smplanMs - htmlMs), baselineName, baselineMs: chromiumMs, goal: 2 });
  }
  if (!tmp) rmSync(work, { recursive: true, force: true });
  return rows;
}
