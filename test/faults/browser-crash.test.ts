/**
 * The browser dying mid-PDF: a clear one-line message, exit 2, the previous output
 * byte-identical, no temporary folder and no browser process left behind.
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumPath, skipPdf } from '../render/chromium.js';
import { ACCEPTANCE, hasStackTrace, spawnCli } from '../helpers/cli.js';
import { runningCommands, snapshotFolder } from '../helpers/files.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'smplan-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A "browser" that starts the real one and kills it right after puppeteer has connected. */
function crashingBrowser(marker: string): string {
  const file = path.join(dir, 'crashing-browser.mjs');
  writeFileSync(
    file,
    `#!${process.execPath}
import { spawn } from 'node:child_process';
const child = spawn(${JSON.stringify(chromiumPath ?? 'chromium')}, [...process.argv.slice(2), '--${marker}'], { stdio: ['inherit', 'inherit', 'pipe', 'inherit', 'inherit'] });
child.stderr.on('data', (chunk) => {
  process.stderr.write(chunk);
  if (String(chunk).includes('DevTools listening')) setTimeout(() => child.kill('SIGKILL'), 300);
});
child.on('exit', () => process.exit(137));
`,
  );
  chmodSync(file, 0o755);
  return file;
}

describe.skipIf(skipPdf)('a browser that crashes mid-PDF', () => {
  it('exit 2 with a one-line message; previous output, temp folders and processes as before', () => {
    const out = path.join(dir, 'out');
    const plan = path.join(ACCEPTANCE, 'kaffebar.yaml');
    expect(spawnCli(['render', plan, '-o', out]).code).toBe(0);
    const before = snapshotFolder(out);
    // A temp folder of its own: other tests print PDFs (and make browser profiles) at the same time.
    const privateTmp = mkdtempSync(path.join(dir, 'tmp-'));
    const marker = `smplan-crash-test-${process.pid}`;

    const r = spawnCli(['render', plan, '-o', out, '--pdf', '--browser', crashingBrowser(marker)], {
      timeout: 60_000,
      env: { TMPDIR: privateTmp },
    });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/smplan: (the browser stopped while printing the PDF|could not print the PDF)/);
    expect(hasStackTrace(r.stderr)).toBe(false);

    expect(snapshotFolder(out)).toEqual(before);
    expect(readdirSync(dir).filter((n) => n.includes('smplan-tmp'))).toEqual([]);
    expect(readdirSync(privateTmp)).toEqual([]);
    const alive = runningCommands().filter((l) => l.includes(marker));
    expect(alive).toEqual([]);
  });
});
