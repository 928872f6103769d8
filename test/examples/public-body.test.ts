/**
 * examples/friluftsdirektoratet.yaml: a public body's channel strategy (nb) written with the
 * concepts real strategies need. It lints clean and renders with its decisions, not open points.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXAMPLES, runCli } from '../helpers/cli.js';

const plan = path.join(EXAMPLES, 'friluftsdirektoratet.yaml');

describe('examples/friluftsdirektoratet.yaml', () => {
  it('lints clean with --max-warnings 0', async () => {
    const lint = await runCli(['lint', '--max-warnings', '0', plan]);
    expect(lint.code, lint.stdout).toBe(0);
    expect(lint.stdout).toContain('12 of 12 sections complete; 0 open points');
  });

  it('uses initiatives, owned channels with display names, accounts, campaigns, partners, policies, governance and two stated decisions', async () => {
    const data = parse(await readFile(plan, 'utf8'));
    expect(data.initiatives.length).toBeGreaterThanOrEqual(2);
    expect(
      data.channels.filter((c: { kind?: string }) => c.kind && c.kind !== 'network').length,
    ).toBeGreaterThanOrEqual(2);
    expect(data.channels.every((c: { kind?: string; name?: string }) => !c.kind || c.name)).toBe(true);
    expect(data.channels.some((c: { accounts?: unknown[] }) => c.accounts?.length)).toBe(true);
    expect(data.campaigns.length).toBeGreaterThanOrEqual(1);
    expect(data.partners.length).toBeGreaterThanOrEqual(1);
    expect(Object.keys(data.policies)).toEqual(expect.arrayContaining(['accessibility', 'language', 'privacy']));
    expect(data.governance.scope).toBeTruthy();
    const decisions = Object.values(data).filter(
      (v) => v && typeof v === 'object' && !Array.isArray(v) && 'not_applicable' in (v as object),
    );
    expect(decisions.length).toBeGreaterThanOrEqual(2);
  });

  it('renders its decisions where "not decided yet" would be, and the new chapters', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'smplan-public-body-'));
    try {
      expect((await runCli(['render', plan, '-o', out])).code).toBe(0);
      const files = (await readdir(out)).filter((f) => f.endsWith('.md'));
      expect(files).toContain('08-initiatives.md');
      expect(files).toContain('14-governance.md');
      const text = (await Promise.all(files.map((f) => readFile(path.join(out, f), 'utf8')))).join('\n');
      expect(text).not.toContain('Ikke avklart:');
      expect(await readFile(path.join(out, '04-competitors.md'), 'utf8')).toContain(
        '> **Ikke aktuelt:** konkurrentanalysen.',
      );
      expect(await readFile(path.join(out, '12-crisis.md'), 'utf8')).toContain('> **Ikke aktuelt:** krisehåndboken.');
      expect(text).toContain('friluftsdirektoratet.no');
      expect(text).toContain('Region Nord');
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
