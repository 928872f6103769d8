import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { expectReadable, KAFFEBAR, NORDLYS } from './compute-helpers.js';

describe('smplan competitors', () => {
  it('prints the contract JSON with ranking, own channels and benchmarks', async () => {
    const run = await runCli(['competitors', '--json', NORDLYS]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    // The CSV has a BOM, quoted commas and an extra column: 900 likes + 50 comments + 20 shares.
    expect(result.competitors[0].channels[0]).toMatchObject({
      channel: 'instagram',
      followers: 12000,
      posts: 4,
      engagement: 970,
    });
    expect(result.competitors[0].channels[0].engagement_rate).toBeCloseTo(970 / 12000, 15);
    expect(result.own).toHaveLength(1);
    const ig = result.ranking.find((r: { channel: string }) => r.channel === 'instagram');
    expect(ig.entries.map((e: { name: string; own: boolean }) => [e.name, e.own])).toEqual([
      ['Nordlys Bakeri AS', true],
      ['Café | Pipe & Co', false],
      ['Baker Hansen', false],
    ]);
  });
  it('ranks each channel in a table with our own channel and comparable industry figures beside', async () => {
    const run = await runCli(['competitors', NORDLYS]);
    expectReadable(run);
    expect(run.stdout).toMatch(/1 +Nordlys Bakeri AS \(us\) +2,000 +20 +1,560 +78\.00 % +3\.900 %/);
    expect(run.stdout).toMatch(/Industry\* +0\.430 %/);
    expect(run.stdout).toContain('Rival IQ 2026, food (per-post-by-followers)');
    // The by-reach figure is not put beside our rates.
    expect(run.stdout).toMatch(/computed another way[\s\S]*instagram +2\.10 % +by-reach +Hootsuite 2026/);
    expect(run.stdout).toMatch(/Applause: likes|Applause, conversation, amplification: likes/);
  });
  it('reads the acceptance plan', async () => {
    const run = await runCli(['competitors', KAFFEBAR]);
    expectReadable(run);
    expect(run.stdout).toMatch(/1 +Harbor Roasters +9,400 +26 +15,719 +167\.22 % +6\.432 %/);
  });
});
