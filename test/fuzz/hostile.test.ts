/**
 * Property tests for hostile input (issue 14): control characters in every text field, block-style
 * deep nesting, huge and tiny numbers, links in the output folder and special files at every input
 * and output path. Each case ends in exit 0, 1 or 2 with no stack trace, nothing outside the
 * output changes, and every output stays well-formed. FUZZ_RUNS raises the number of cases.
 */
import { execFileSync } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../helpers/cli.js';
import { snapshotFolder } from '../helpers/files.js';
import { validPlan } from './arbitraries.js';

// Each case renders: a few in `npm test`, a twentieth of FUZZ_RUNS under `npm run fuzz`.
const runs = process.env.FUZZ_RUNS ? Math.max(4, Math.round(Number(process.env.FUZZ_RUNS) / 20)) : 3;
const dir = mkdtempSync(path.join(os.tmpdir(), 'smplan-fuzz-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;
const fresh = (name: string) => path.join(dir, `${counter++}-${name}`);

/** Text with the characters that broke outputs: C0 controls, DEL, C1, bidi overrides, CR/LF, markers. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
      fc.constantFrom(
        '\u007f',
        '\u0085',
        '\u009b',
        '\u202e',
        '\u2066',
        '\u2028',
        '\r\n',
        '\u001b]0;x\u0007',
        '/* smplan: fonts */',
        'METHOD:CANCEL',
        '"',
        '\\',
        ';',
        ',',
      ),
      fc.string({ minLength: 1, maxLength: 6 }),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => `T${parts.join('')}`);

/** Keys whose string values are free text (not ids, dates or enums). */
const TEXT_KEYS = new Set([
  'title',
  'organization',
  'author',
  'problem',
  'statement',
  'metric',
  'name',
  'description',
  'notes',
  'tone',
  'why',
  'tool',
  'purpose',
  'note',
  'unit',
]);

function withText(value: unknown, texts: string[], key = ''): unknown {
  if (typeof value === 'string')
    return TEXT_KEYS.has(key) && texts.length ? texts[(value.length + key.length) % texts.length] : value;
  if (Array.isArray(value)) return value.map((v) => withText(v, texts, key));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withText(v, texts, k)]));
  return value;
}

const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f\u202e\u2066]/;
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

function plain(r: { code: number; stdout: string; stderr: string }, label: string, codes = [0, 1, 2]): void {
  expect(codes, `${label}: ${r.stderr}`).toContain(r.code);
  expect(hasStackTrace(r.stdout + r.stderr), label).toBe(false);
}

describe('fuzz: hostile input', () => {
  it('control characters in every text field stay text in the terminal, ICS, CSS and SVG', async () => {
    await fc.assert(
      fc.asyncProperty(validPlan, fc.array(hostileText, { minLength: 1, maxLength: 4 }), async (plan, texts) => {
        const file = fresh('plan.yaml');
        writeFileSync(file, stringify(withText(plan, texts), { lineWidth: 0 }));
        const lint = await runCli(['lint', file]);
        plain(lint, 'lint', [0, 1]);
        expect(lint.stdout).not.toMatch(TERMINAL_UNSAFE);
        if (lint.code !== 0) return;
        for (const command of ['kpi', 'budget', 'calendar', 'competitors']) {
          const r = await runCli([command, file]);
          plain(r, command, [0]);
          expect(r.stdout, command).not.toMatch(TERMINAL_UNSAFE);
        }
        const ics = await runCli(['calendar', file, '--ics', '-']);
        plain(ics, 'ics', [0]);
        expect(ics.stdout.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f]/);
        expect(ics.stdout.split('\r\n').filter((l) => l.startsWith('METHOD:'))).toEqual([]);
        const out = fresh('out');
        const render = await runCli(['render', file, '-o', out, '--html']);
        plain(render, 'render', [0]);
        const html = readFileSync(path.join(out, 'plan.html'), 'utf8');
        expect(/@top-left \{ content: ("(?:[^"\\]|\\.)*"); \}/.exec(html)?.[1]).not.toMatch(/[\u0000-\u001f]/);
        expect(/<title>([\s\S]*?)<\/title>/.exec(html)?.[1]).not.toMatch(/@font-face/);
        // A plan may draw no chart at all: then there is no charts/ folder.
        const charts = readdirSync(out).includes('charts') ? readdirSync(path.join(out, 'charts')) : [];
        for (const chart of charts) {
          expect(readFileSync(path.join(out, 'charts', chart), 'utf8'), chart).not.toMatch(NOT_XML);
        }
      }),
      { numRuns: runs, endOnFailure: true },
    );
  }, 600_000);

  it('block-style nesting at any depth and numbers of any size: exit 0 or 1, located, never a crash', async () => {
    const nested = fc.record({
      depth: fc.integer({ min: 1, max: 3000 }),
      style: fc.constantFrom('map', 'seq', 'mixed'),
    });
    const number = fc.oneof(
      fc.double({ noNaN: true }),
      fc.constantFrom(1e-310, 5e-324, 1e308, -0, 1e21, Number.MAX_SAFE_INTEGER, 2 ** 64),
      fc.integer({ min: 1, max: 420 }).map((n) => `"+${'9'.repeat(n)}%"`),
    );
    await fc.assert(
      fc.asyncProperty(validPlan, nested, number, number, async (plan, { depth, style }, baseline, target) => {
        const lines = Array.from({ length: depth }, (_, i) => {
          const indent = '  '.repeat(i + 1);
          return style === 'map' || (style === 'mixed' && i % 2) ? `${indent}a:` : `${indent}-`;
        });
        const deep = fresh('deep.yaml');
        writeFileSync(deep, `smplan: 1\nx:\n${lines.join('\n')}\n`);
        const d = await runCli(['lint', deep]);
        plain(d, 'deep', [1]);
        expect(d.stdout).toMatch(/deep\.yaml:\d+:\d+ /);

        const objectives = (plan as { objectives?: Record<string, unknown>[] }).objectives;
        if (!objectives?.length) return;
        const text = stringify(plan, { lineWidth: 0 })
          .replace(/^(\s+)baseline: .*$/m, `$1baseline: ${String(baseline)}`)
          .replace(/^(\s+)target: .*$/m, `$1target: ${String(target)}`);
        const file = fresh('numbers.yaml');
        writeFileSync(file, text);
        const lint = await runCli(['lint', file]);
        plain(lint, 'lint', [0, 1]);
        if (lint.code !== 0) return;
        const kpi = await runCli(['kpi', '--json', file]);
        plain(kpi, 'kpi', [0]);
        expect(kpi.stdout).not.toMatch(/null|NaN|Infinity/);
        const table = await runCli(['kpi', file]);
        expect(table.stdout).not.toMatch(/NaN|Infinity/);
      }),
      { numRuns: runs, endOnFailure: true },
    );
  }, 600_000);

  it('a link at any component of the output folder: nothing outside the folder changes', async () => {
    const plan = fc.sample(validPlan, 1)[0]!;
    const file = fresh('plan.yaml');
    writeFileSync(file, stringify(plan, { lineWidth: 0 }));
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.boolean(), async (pick, html) => {
        const out = fresh('out');
        expect((await runCli(['render', file, '-o', out, '--html'])).code).toBe(0);
        const entries = readdirSync(out, { recursive: true })
          .map(String)
          .filter((p) => p !== '.smplan-manifest.json');
        const victim = entries[pick % entries.length]!;
        const outside = fresh('outside');
        mkdirSync(outside);
        for (const e of entries) {
          mkdirSync(path.dirname(path.join(outside, e)), { recursive: true });
          if (!lstatSync(path.join(out, e)).isDirectory()) writeFileSync(path.join(outside, e), 'precious');
        }
        const before = snapshotFolder(outside);
        rmSync(path.join(out, victim), { recursive: true });
        symlinkSync(path.join(outside, victim), path.join(out, victim));
        const r = await runCli(['render', file, '-o', out, ...(html ? ['--html'] : [])]);
        plain(r, 'render', [0, 2]);
        expect(snapshotFolder(outside)).toEqual(before);
      }),
      { numRuns: runs, endOnFailure: true },
    );
  }, 600_000);

  it('special files at every input and output path: exit 1 or 2 at once, nothing replaced', async () => {
    const plan = fc.sample(validPlan, 1)[0]!;
    const good = fresh('plan.yaml');
    writeFileSync(good, stringify(plan, { lineWidth: 0 }));
    const fifo = fresh('fifo');
    execFileSync('mkfifo', [fifo]);
    const folder = fresh('folder');
    mkdirSync(folder);
    const dangling = fresh('dangling');
    symlinkSync(path.join(dir, 'nowhere'), dangling);
    const linkToDevice = fresh('zero-link');
    symlinkSync('/dev/zero', linkToDevice);
    const special = fc.constantFrom('/dev/zero', '/dev/urandom', fifo, folder, dangling, linkToDevice);
    const where = fc.constantFrom('plan', 'actuals', 'csv', 'ics', 'lint-output');
    await fc.assert(
      fc.asyncProperty(where, special, async (at, target) => {
        const args =
          at === 'plan'
            ? ['lint', target]
            : at === 'actuals'
              ? ['track', good, '--actuals', target]
              : at === 'csv'
                ? ['calendar', good, '--csv', target]
                : at === 'ics'
                  ? ['calendar', good, '--ics', target]
                  : ['lint', good, '-o', target];
        const output = at === 'csv' || at === 'ics' || at === 'lint-output';
        // A FIFO as an output is written directly and waits for a reader, as `echo > fifo` does: not here.
        if (output && target === fifo) return;
        const kind = (p: string) => {
          try {
            const s = lstatSync(p);
            return [s.mode, s.ino];
          } catch {
            return undefined;
          }
        };
        const before = kind(target);
        const r = await runCli(args, { cwd: dir });
        // A device (or a link to one) as an output is written directly: exit 0, the node unchanged.
        plain(r, args.join(' '), output && (target.startsWith('/dev/') || target === linkToDevice) ? [0] : [1, 2]);
        expect(kind(target)).toEqual(before);
      }),
      { numRuns: runs * 2, endOnFailure: true },
    );
  }, 600_000);
});
