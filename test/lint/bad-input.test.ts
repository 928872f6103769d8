/**
 * Every kind of bad input: the exit code, a finding at FILE:LINE, a one-line message and never
 * a stack trace (how fast: `npm run bench`). The fixtures go through the built CLI in one run,
 * as a CI job lints a folder of plans (needs `npm run build`), and again one by one in process
 * for each exit code; input that could crash a process (huge, deeply nested) runs in its own.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runCli, spawnCli, type Run } from '../helpers/cli.js';
import { FIXTURES } from './helpers.js';

const BAD = path.join(FIXTURES, 'bad');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'smplan-bad-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** In this process: the same main() and output as the built CLI, without starting Node again. */
function lint(file: string, ...flags: string[]): Promise<Run> {
  return runCli(['lint', ...flags, file], { cwd: process.cwd() });
}

/** In a process of its own, for input that could take the process down. */
function lintSpawned(file: string, ...flags: string[]): Run {
  return spawnCli(['lint', ...flags, file], { cwd: process.cwd() });
}

function expectRejected(run: Run, file: string, line: number, message: RegExp): void {
  const out = run.stdout + run.stderr;
  expect(run.code, out).toBe(1);
  expect(hasStackTrace(out)).toBe(false);
  const finding = out.split('\n').find((l) => l.startsWith(`${file}:${line}:`) && / error /.test(l));
  expect(finding, out).toBeDefined();
  expect(finding).toMatch(message);
}

const cases: [string, number, RegExp][] = [
  ['syntax.yaml', 16, /16:10 +error +the `\[` opened here is never closed/],
  ['tab.yaml', 16, /a tab is used for indentation/],
  [
    'duplicate-key.yaml',
    17,
    /17:5 +error +`statement` appears twice in this mapping: each key may appear once +yaml-duplicate-key$/,
  ],
  ['wrong-type.yaml', 18, /18:15 +error +`baseline` must be a number, not the text "lots" +schema-type$/],
  ['impossible-date.yaml', 20, /`deadline`: no such date in the calendar/],
  ['negative-cost.yaml', 19, /`cost`: a cost cannot be negative/],
  ['zero-followers.yaml', 18, /`followers`: must be more than 0/],
  ['nan-inf.yaml', 18, /`followers` must be a number, not NaN/],
  ['nan-inf.yaml', 19, /`posts` must be a number, not infinity/],
  ['csv-missing.yaml', 19, /data\/nope\.csv: no such file/],
  ['csv-traversal.yaml', 19, /\.\.\/x\.csv: must be a path inside the plan folder/],
  ['csv-missing-column.yaml', 19, /the header row has no shares column \(found: likes, comments\)/],
  ['csv-not-number.yaml', 19, /data\/not-number\.csv: line 3: comments is not a count: "five"/],
  ['csv-unterminated-quote.yaml', 19, /data\/unterminated\.csv: line \d: not valid CSV/],
  ['empty.yaml', 1, /the file is empty/],
  ['alias-bomb.yaml', 2, /too many YAML aliases/],
];

describe('bad input: exit 1, a finding at its line, no stack trace', () => {
  const relative = (name: string) => path.relative(process.cwd(), path.join(BAD, name));

  it('every fixture in one run of the built CLI', () => {
    const files = [...new Set(cases.map(([name]) => relative(name)))];
    const run = spawnCli(['lint', ...files], { cwd: process.cwd() });
    for (const [name, line, message] of cases) expectRejected(run, relative(name), line, message);
  });

  for (const [name, line, message] of cases) {
    it(`${name} line ${line}`, async () => {
      const file = relative(name);
      expectRejected(await lint(file), file, line, message);
    });
  }

  it('a binary file', async () => {
    const file = path.join(tmp, 'photo.yaml');
    writeFileSync(
      file,
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe]),
    );
    expectRejected(await lint(file), file, 1, /this is a binary file, not a YAML plan/);
  });

  it('text that is not UTF-8, at the line of the first bad byte', async () => {
    const file = path.join(tmp, 'latin1.yaml');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from('smplan: 1\nplan:\n  title: Caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
    );
    expectRejected(await lint(file), file, 3, /not UTF-8/);
  });

  it('a 50 MB file is refused before it is parsed', () => {
    const file = path.join(tmp, 'huge.yaml');
    const line = '# ' + 'x'.repeat(1022) + '\n';
    writeFileSync(file, 'smplan: 1\n' + line.repeat(50 * 1024));
    expectRejected(lintSpawned(file), file, 1, /the file is 50\.0 MB; a plan is at most 5 MB/);
  });

  it('YAML nested thousands deep', () => {
    const file = path.join(tmp, 'deep.yaml');
    writeFileSync(file, `smplan: 1\nplan: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    expectRejected(lintSpawned(file), file, 2, /nested too deeply|must be a mapping/);
  });

  it('a 5,000-character string where a short text belongs; accepted where long text belongs', async () => {
    const long = 'Å'.repeat(5000);
    const head = `smplan: 1\nplan:\n  title: ${long}\n  organization: O\n  locale: en\n  currency: EUR\n  timezone: UTC\n  start: 2027-01-01\n  end: 2027-12-31\n`;
    const file = path.join(tmp, 'long.yaml');
    writeFileSync(file, `${head}goals: []\n`);
    const run = await lint(file);
    expectRejected(run, file, 3, /`title`: too long: 5,000 characters, at most 500/);
    // The message stays one short line: the text is not echoed.
    expect(Math.max(...run.stdout.split('\n').map((l) => l.length))).toBeLessThan(300);

    const ok = path.join(tmp, 'long-ok.yaml');
    writeFileSync(ok, head.replace(`title: ${long}`, 'title: T') + `  problem: ${long}\ngoals: []\n`);
    const accepted = await lint(ok, '--quiet');
    expect(accepted.code, accepted.stdout).toBe(0);
  });

  it('a plan that is a list, or plain text, is not a mapping', async () => {
    const list = path.join(tmp, 'list.yaml');
    writeFileSync(list, '- a\n- b\n');
    expectRejected(await lint(list), list, 1, /the plan must be a mapping \(key: value\), not a list/);
  });
});

describe('files that cannot be read: exit 2', () => {
  it('a missing file', async () => {
    const run = await lint(path.join(tmp, 'nope.yaml'));
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^\S*nope\.yaml:1:1 {2}error {2}cannot read: no such file {2}file-unreadable\n/);
    expect(run.stderr).toBe('');
  });

  it('a folder with no plan in it (a folder stands for the plans inside)', async () => {
    const empty = mkdtempSync(path.join(tmp, 'empty-'));
    const run = await lint(empty);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no plan found in .*empty-/);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});

describe('a posts_csv the hard way is read correctly', () => {
  it('BOM, CRLF, quoted commas and quotes, extra columns, capitalised headers', async () => {
    const run = await lint(path.relative(process.cwd(), path.join(FIXTURES, 'csv-good.yaml')), '--format', 'json');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const findings = JSON.parse(run.stdout) as { rule: string }[];
    // 20 rows: inside the sample range, and no CSV error.
    expect(findings.map((f) => f.rule)).not.toContain('posts-csv');
    expect(findings.map((f) => f.rule)).not.toContain('post-sample-size');
  });
});
