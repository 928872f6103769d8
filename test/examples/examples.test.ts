/**
 * The shipped examples are what new users copy: they must stay clean under every
 * lint rule and give plausible numbers in every computing command.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, ROOT, runCli } from '../helpers/cli.js';

const PLANS = [
  { file: 'nordlys-bakeri.yaml', locale: 'nb', currency: 'NOK', timezone: 'Europe/Oslo' },
  { file: 'fieldnote-software.yaml', locale: 'en-GB', currency: 'GBP', timezone: 'Europe/London' },
  { file: 'rodopski-sklon.yaml', locale: 'bg', currency: 'EUR', timezone: 'Europe/Sofia' },
];

async function json(args: string[]): Promise<any> {
  const run = await runCli(args);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

describe.each(PLANS)('examples/$file', ({ file, locale, currency, timezone }) => {
  const plan = path.join(EXAMPLES, file);

  it('lints with no errors and no warnings', async () => {
    expect(await json(['lint', '--format', 'json', plan])).toEqual([]);
  });

  it('lints clean with --max-warnings 0 and renders with no open points', async () => {
    const lint = await runCli(['lint', '--max-warnings', '0', plan]);
    expect(lint.code, lint.stdout).toBe(0);
    expect(lint.stdout).toContain('12 of 12 sections complete; 0 open points');
    const out = await mkdtemp(path.join(os.tmpdir(), 'smplan-example-'));
    try {
      expect((await runCli(['render', plan, '-o', out])).code).toBe(0);
      const messages = JSON.parse(
        await readFile(path.join(ROOT, 'locales', `${locale.split('-')[0]}.json`), 'utf8'),
      ) as Record<string, string>;
      const readme = await readFile(path.join(out, 'README.md'), 'utf8');
      // Nothing open: the decision page asks the client to adopt the plan, with no empty open-points block.
      expect(readme).toContain(messages['summary.decide_adopt']!);
      expect(readme).not.toContain(messages['index.open_points']!);
      for (const f of (await readdir(out)).filter((n) => n.endsWith('.md'))) {
        expect(await readFile(path.join(out, f), 'utf8')).not.toContain(messages['open.label']!);
      }
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('is the language, currency and time zone the README promises, and points editors at the schema', async () => {
    const text = await readFile(plan, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/plan.schema.json');
    expect(text).toContain(`locale: ${locale}\n`);
    expect(text).toContain(`currency: ${currency}\n`);
    expect(text).toContain(`timezone: ${timezone}\n`);
  });

  it('benchmarks 3–5 competitors at 0.5–10 % engagement per post per channel', async () => {
    const result = await json(['competitors', '--json', plan]);
    expect(result.competitors.length).toBeGreaterThanOrEqual(3);
    expect(result.competitors.length).toBeLessThanOrEqual(5);
    const channels = result.competitors.flatMap((c: { channels: unknown[] }) => c.channels);
    for (const ch of channels) {
      expect(ch.posts).toBeGreaterThanOrEqual(20);
      expect(ch.posts).toBeLessThanOrEqual(30);
      expect(ch.engagement_rate_per_post).toBeGreaterThan(0.005);
      expect(ch.engagement_rate_per_post).toBeLessThan(0.1);
    }
  });

  it('keeps the budget within its cap, with 6–10 items', async () => {
    const result = await json(['budget', '--json', plan]);
    expect(result.total).toBeLessThanOrEqual(result.cap);
    expect(result.cut).toEqual([]);
    expect(result.kept.length).toBeGreaterThanOrEqual(6);
    expect(result.kept.length).toBeLessThanOrEqual(10);
  });

  it('mixes absolute and relative targets, linear and compound curves, each ending at its target', async () => {
    const text = await readFile(plan, 'utf8');
    expect(text).toMatch(/target: "[+]\d+%"/);
    expect(text).toMatch(/target: "-\d+%"/);
    expect(text).toMatch(/target: \d+\n/);
    const { objectives } = await json(['kpi', '--json', plan]);
    expect(new Set(objectives.map((o: { curve: string }) => o.curve))).toEqual(new Set(['linear', 'compound']));
    for (const o of objectives) {
      expect(o.milestones.at(-1)).toEqual({ date: o.deadline, value: expect.closeTo(o.target, 9) });
    }
  });

  it('publishes every week of its horizon', async () => {
    const { events } = await json(['calendar', '--json', plan]);
    expect(events.length).toBeGreaterThanOrEqual(8 * 7);
  });
});

describe('example data', () => {
  it('includes a real-world export: a BOM, CRLF and a quoted caption with commas', async () => {
    const dir = path.join(EXAMPLES, 'data');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.csv'));
    const texts = await Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')));
    expect(texts.some((t) => t.startsWith('\uFEFF') && t.includes('\r\n'))).toBe(true);
    expect(texts.some((t) => /"[^"\n]*,[^"\n]*"/.test(t))).toBe(true);
  });

  it('keeps schema/plan.schema.json identical to `smplan schema`', async () => {
    const run = await runCli(['schema']);
    expect(run.code).toBe(0);
    expect(await readFile(path.join(ROOT, 'schema/plan.schema.json'), 'utf8')).toBe(run.stdout);
  });
});
