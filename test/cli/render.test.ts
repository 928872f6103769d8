import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACCEPTANCE, BIN, hasStackTrace, runCli } from '../helpers/cli.js';
import { runningCommands, snapshotFolder } from '../helpers/files.js';
import { chromiumPath, pdfinfo, pdftotext, skipPdf } from '../render/chromium.js';

let tmp: string;
let plan: string;
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'smplan-render-cli-'));
  cpSync(path.join(ACCEPTANCE, 'kaffebar.yaml'), path.join(tmp, 'kaffebar.yaml'));
  cpSync(path.join(ACCEPTANCE, 'data'), path.join(tmp, 'data'), { recursive: true });
  plan = path.join(tmp, 'kaffebar.yaml');
  return () => rmSync(tmp, { recursive: true, force: true });
});

const temps = (dir: string) => readdirSync(dir).filter((n) => n.includes('.smplan-tmp-'));

describe('smplan render', () => {
  it('writes the Markdown folder and says where, one line per artefact', async () => {
    const r = await runCli(['render', plan, '-o', path.join(tmp, 'out')], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote out\/ \(README\.md, 13 chapters, 5 charts\)\n$/);
    expect(existsSync(path.join(tmp, 'out/README.md'))).toBe(true);
    expect(existsSync(path.join(tmp, 'out/plan.html'))).toBe(false);
    expect(JSON.parse(readFileSync(path.join(tmp, 'out/.smplan-manifest.json'), 'utf8')).files).toContain(
      '04-competitors.md',
    );
    expect(r.stderr).toMatch(/29 warnings/);
  });

  it('counts the findings as lint reports them: the config above the plan and its directives apply', async () => {
    writeFileSync(path.join(tmp, 'smplan.config.yaml'), 'rules:\n  open-point: off\n  budget-cap: error\n');
    const configured = await runCli(['render', plan, '-o', path.join(tmp, 'a')], { cwd: tmp });
    expect(configured.code).toBe(0);
    const lint = await runCli(['lint', plan], { cwd: tmp });
    const [, errors, warnings] = /(\d+) errors?, (\d+) warnings?/.exec(lint.stdout)!;
    expect(Number(errors)).toBeGreaterThan(0);
    expect(configured.stderr).toContain(
      `${errors} ${errors === '1' ? 'error' : 'errors'} (made errors by the lint config), ${warnings} warning`,
    );
    writeFileSync(path.join(tmp, 'smplan.config.yaml'), 'rules: {}\n');
    writeFileSync(plan, `# smplan-disable open-point\n${readFileSync(plan, 'utf8')}`);
    const silenced = await runCli(['render', plan, '-o', path.join(tmp, 'b')], { cwd: tmp });
    // 24 warnings less the 14 open points, and the 5 unlinked budget items.
    expect(silenced.stderr).toMatch(/: 15 warnings/);
  });

  it('writes beside the plan into <plan name>-strategy by default', async () => {
    const r = await runCli(['render', 'kaffebar.yaml'], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote kaffebar-strategy\//);
    expect(existsSync(path.join(tmp, 'kaffebar-strategy/README.md'))).toBe(true);
  });

  it('--html adds one self-contained plan.html in the plan language with the computed figures', async () => {
    const r = await runCli(['render', plan, '-o', 'out', '--html'], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote out\/plan\.html \(\d+ KB\)$/m);
    const html = readFileSync(path.join(tmp, 'out/plan.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)="https?:\/\//i);
    expect(html).toContain('<html lang="en">');
    // Harbor Roasters on Facebook: (41+6+2 + 18+1+0 + 77+12+9) / 3100 = 166 / 3100 = 5.35 %.
    expect(html).toMatch(/<td>Harbor Roasters<\/td>\s*<td>Facebook<\/td>[\s\S]*?<td class="align-right">5\.4%<\/td>/);
    expect(html).toContain('<section class="chapter" id="chapter-competitors">');
    expect(html).not.toMatch(/href="[^#"][^"]*\.md/);
  });

  it('a plan with errors exits 1 and leaves the previous output byte-identical', async () => {
    await runCli(['render', plan, '-o', 'out', '--html'], { cwd: tmp });
    const before = snapshotFolder(path.join(tmp, 'out'));
    const r = await runCli(['render', path.join(ACCEPTANCE, 'bad/wrong-type.yaml'), '-o', 'out', '--html'], {
      cwd: tmp,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/wrong-type\.yaml:18:\d+/);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(snapshotFolder(path.join(tmp, 'out'))).toEqual(before);
    expect(temps(tmp)).toEqual([]);
  });

  it('keeps files the user added to the folder, and plan.html when this render does not write HTML', async () => {
    await runCli(['render', plan, '-o', 'out', '--html'], { cwd: tmp });
    writeFileSync(path.join(tmp, 'out/meeting-notes.md'), 'ours');
    const html = readFileSync(path.join(tmp, 'out/plan.html'), 'utf8');
    const r = await runCli(['render', plan, '-o', 'out'], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(tmp, 'out/meeting-notes.md'), 'utf8')).toBe('ours');
    // Flags are not the plan: another kind of output stays (issue 13, point 2).
    expect(readFileSync(path.join(tmp, 'out/plan.html'), 'utf8')).toBe(html);
    expect(r.stderr).not.toMatch(/Removed/);
  });

  it('refuses to overwrite a file it did not write, exit 2, nothing changed', async () => {
    mkdirSync(path.join(tmp, 'out'));
    writeFileSync(path.join(tmp, 'out/README.md'), "the user's own");
    const r = await runCli(['render', plan, '-o', 'out'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/out\/README\.md exists and was not written by smplan/);
    expect(readdirSync(path.join(tmp, 'out'))).toEqual(['README.md']);
  });

  it('a wrong SMPLAN_BROWSER is exit 2 with the install hint, and nothing is written', async () => {
    await runCli(['render', plan, '-o', 'out'], { cwd: tmp });
    const before = snapshotFolder(path.join(tmp, 'out'));
    const r = await runCli(['render', plan, '-o', 'out', '--pdf'], {
      cwd: tmp,
      env: { SMPLAN_BROWSER: '/nowhere/chrome' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'SMPLAN_BROWSER names /nowhere/chrome, which is not an executable file; no other browser was tried',
    );
    expect(r.stderr).toContain('apt-get install chromium');
    expect(snapshotFolder(path.join(tmp, 'out'))).toEqual(before);
  });

  it('a browser that hangs: --timeout gives up with a clear message, previous output unchanged', async () => {
    const fake = path.join(tmp, 'hanging-browser');
    writeFileSync(fake, '#!/bin/sh\nexec sleep 2400\n');
    chmodSync(fake, 0o755);
    await runCli(['render', plan, '-o', 'out'], { cwd: tmp });
    const before = snapshotFolder(path.join(tmp, 'out'));
    const r = await runCli(['render', plan, '-o', 'out', '--pdf', '--browser', fake, '--timeout', '1'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/smplan: the PDF was not ready after 1 s; gave up and closed .*hanging-browser/);
    expect(r.stderr).toMatch(/--timeout 120/);
    expect(snapshotFolder(path.join(tmp, 'out'))).toEqual(before);
    expect(temps(tmp)).toEqual([]);
  });

  it('options that need --actuals say so', async () => {
    const r = await runCli(['render', plan, '--as-of', '2027-03-31'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/go with --actuals/);
  });

  it('--actuals adds plan versus actual to the review chapter', async () => {
    const r = await runCli(['render', plan, '-o', 'out', '--actuals', path.join(ACCEPTANCE, 'kaffebar-actuals.csv')], {
      cwd: tmp,
    });
    expect(r.code).toBe(0);
    const review = readFileSync(path.join(tmp, 'out/12-review.md'), 'utf8');
    // Sign-ups: 190 on June 30 against the plan's 239 (150 → 330 linear from Feb 15): behind.
    expect(review).toMatch(/\| \*\*Loyalty app sign-ups\*\* \| 06\/30\/2027 \| 190 \| 239 \|.*\*\*Behind\*\* \|/);
  });
});

describe.skipIf(skipPdf)('smplan render --pdf (Chromium)', () => {
  let server: Server;
  let port: number;
  const hits: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => server.close());

  it('--all writes Markdown, HTML and a PDF with the title, chapters, computed rates and page numbers', async () => {
    const r = await runCli(['render', plan, '-o', 'out', '--all', '--browser', chromiumPath!], { cwd: tmp });
    expect(r.code, r.stderr).toBe(0);
    const file = path.join(tmp, 'out/plan.pdf');
    const info = pdfinfo(file);
    expect(r.stdout).toContain(`Wrote out/plan.pdf (${info.Pages} pages, `);
    expect(r.stderr).toMatch(/Starting Chromium…\nPrinting PDF…\nNumbering the contents…\n/);
    const text = pdftotext(file);
    expect(text).toContain('Northside Coffee Bar social media strategy 2027');
    for (const heading of [
      '1. Situation analysis',
      '4. Competitor analysis',
      '8. KPIs and milestones',
      '9. Budget and resources',
    ])
      expect(text).toContain(heading);
    // Bean There on TikTok: (18400 + 630 + 1150) / 21000 = 96.1 %; per post / 24 = 4.00 %.
    expect(text).toMatch(/Bean There\s+TikTok\s+21,000\s+4\s+24\s+20,180\s+96\.1%\s+4\.00%/);
    expect(text).toMatch(/Bean There\s+TikTok\s+21,000\s+24\s+4\.00%/);
    expect(text).toContain(`Page 2 of ${info.Pages}`);
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(10);
    expect(info['Page size']).toMatch(/A4/);
  });

  it('a hostile plan is printed as text: no script runs, nothing is fetched', async () => {
    const yaml = readFileSync(plan, 'utf8').replace(
      'title: Northside Coffee Bar social media strategy 2027',
      `title: "Northside <script>document.write('SCRIPT' + ' RAN')</script> {{7*7}}"\n  problem: "<img src=http://127.0.0.1:${port}/img onerror=alert(1)> [x](javascript:alert(1)) [y](http://127.0.0.1:${port}/link) ![z](http://127.0.0.1:${port}/pixel.png) {{7*7}}"`,
    );
    writeFileSync(path.join(tmp, 'hostile.yaml'), yaml);
    const r = await runCli(['render', 'hostile.yaml', '-o', 'out', '--all', '--browser', chromiumPath!], { cwd: tmp });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(path.join(tmp, 'out/plan.html'), 'utf8');
    expect(html).not.toMatch(/<script|<img[^>]*onerror|href="javascript|(src|href)="https?:/i);
    const text = pdftotext(path.join(tmp, 'out/plan.pdf'));
    expect(text).toContain('{{7*7}}');
    expect(text).not.toContain('SCRIPT RAN');
    // {{7*7}} left as text; "49%" is a real figure (the KPI chapter's quarterly progress).
    expect(text).not.toMatch(/\b49\b(?!\s?%)/);
    expect(r.stderr).not.toMatch(/Refused/);
    expect(hits).toEqual([]);
  });

  it("leaves nothing in the temporary folder: no profile, none of the browser's own files", () => {
    const privateTmp = mkdtempSync(path.join(tmp, 'tmp-'));
    const r = spawnSync(process.execPath, [BIN, 'render', plan, '-o', 'out', '--pdf', '--browser', chromiumPath!], {
      cwd: tmp,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: privateTmp },
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(privateTmp)).toEqual([]);
  });

  it('Letter paper', async () => {
    const r = await runCli(['render', plan, '-o', 'out', '--pdf', '--paper', 'letter', '--browser', chromiumPath!], {
      cwd: tmp,
    });
    expect(r.code).toBe(0);
    expect(pdfinfo(path.join(tmp, 'out/plan.pdf'))['Page size']).toMatch(/612 x 792 pts \(letter\)/);
  });
});

describe('interrupting the built CLI', () => {
  it('Ctrl-C during the PDF exits 130, keeps the previous output and leaves no temp files or browser', async () => {
    const fake = path.join(tmp, 'hanging-browser');
    const marker = `sleep ${1300 + Math.floor(Math.random() * 1000)}`;
    writeFileSync(fake, `#!/bin/sh\nexec ${marker}\n`);
    chmodSync(fake, 0o755);
    await runCli(['render', plan, '-o', 'out'], { cwd: tmp });
    const before = snapshotFolder(path.join(tmp, 'out'));
    const child = spawn(process.execPath, [BIN, 'render', plan, '-o', 'out', '--pdf', '--browser', fake], {
      cwd: tmp,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.includes('Starting')) setTimeout(() => child.kill('SIGINT'), 300);
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(130);
    expect(stderr).toMatch(/Interrupted; the previous output is unchanged/);
    expect(snapshotFolder(path.join(tmp, 'out'))).toEqual(before);
    expect(temps(tmp)).toEqual([]);
    expect(runningCommands().map((l) => l.trim())).not.toContain(marker);
  });
});
