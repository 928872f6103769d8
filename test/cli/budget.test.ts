import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testFolder } from '../helpers/temp.js';
import { EXAMPLES, runCli } from '../helpers/cli.js';
import { expectReadable, plain, KAFFEBAR, NORDLYS } from './compute-helpers.js';

describe('smplan budget', () => {
  it('prints the contract JSON', async () => {
    const run = await runCli(['budget', '--json', KAFFEBAR]);
    expect(run.code).toBe(0);
    const b = JSON.parse(run.stdout);
    expect(b).toMatchObject({ cap: 40000, total: 42548, over_by: 2548 });
    expect(b.cut).toEqual([expect.objectContaining({ name: 'Photographer', yearly: 7200 })]);
  });
  it('over the cap, lists what is kept and what is cut with running totals', async () => {
    const run = await runCli(['budget', KAFFEBAR]);
    expectReadable(run);
    expect(plain(run.stdout)).toMatch(/Kept: [^\n]*\n[^\n]*\n +Instagram ads +short +\$1,500\/mo +\$18,000 +\$18,000/);
    expect(plain(run.stdout)).toMatch(/Cut: [^\n]*\n[^\n]*\n +Photographer +long +\$600\/mo +\$7,200 +–/);
    expect(plain(run.stdout)).toMatch(/Over the cap by +\$2,548/);
  });
  it('over the cap, a later smaller item still fits, and the cut names the objectives that lose funding', async () => {
    const dir = testFolder('smplan-budget-');
    const file = path.join(dir, 'plan.yaml');
    // The nordlys example at a cap of 100 000: the first misfit (the photographer, 32 000) no
    // longer cuts everything after it; Canva (2 600) still fits after the video package.
    await writeFile(
      file,
      (await readFile(path.join(EXAMPLES, 'nordlys-bakeri.yaml'), 'utf8')).replace(
        /^ {2}cap: 180000$/m,
        '  cap: 100000',
      ),
    );
    await cp(path.join(EXAMPLES, 'data'), path.join(dir, 'data'), { recursive: true });
    const json = JSON.parse((await runCli(['budget', '--json', file])).stdout);
    expect(json.kept.map((l: { yearly: number }) => l.yearly)).toEqual([66000, 12000, 18000, 2600]);
    expect(json.kept_total).toBe(98600);
    expect(json.cut.map((l: { yearly: number }) => l.yearly)).toEqual([32000, 10800, 6600, 15000, 7500, 6000]);
    expect(json.cut[1]).toMatchObject({ name: 'Agorapulse (planlegging og felles innboks)', objectives: ['svartid'] });
    expect(json.objectives_losing_funding).toEqual(['ig-folgere', 'ig-rekkevidde', 'svartid', 'soknader']);
    expect(json.unspent).toBe(1400);
    expect(json.unlinked).toEqual([]);
    const human = plain((await runCli(['budget', file])).stdout);
    expect(human).toMatch(
      /Objectives that lose funding with the cut:\n {2}ig-folgere \(Fotograf, fire fotodager i året\)/,
    );
    expect(human).toContain('  svartid (Agorapulse (planlegging og felles innboks), Mention\n  (medieovervåking))');
    expect(human).toContain('Unspent under the cap    NOK 1,400');
  });
  it('within the cap, says so in the plan currency', async () => {
    const run = await runCli(['budget', NORDLYS]);
    expectReadable(run);
    expect(plain(run.stdout)).toMatch(/Left under the cap +NOK 30,800/);
    expect(plain(run.stdout)).toMatch(/advertising +1 +NOK 60,000 +86\.7 %/);
  });
  it('answers a plan without a budget section', async () => {
    const dir = testFolder('smplan-budget-');
    const file = path.join(dir, 'plan.yaml');
    await writeFile(
      file,
      'smplan: 1\nplan: {title: T, organization: O, locale: en, currency: EUR, timezone: UTC, start: 2027-01-01, end: 2027-12-31}\ngoals: [{id: g, statement: S, priority: primary}]\n',
    );
    const human = await runCli(['budget', file]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('no budget items yet');
    const json = JSON.parse((await runCli(['budget', '--json', file])).stdout);
    expect(json).toMatchObject({ cap: null, total: 0, over_by: 0, kept: [], cut: [] });
  });
});
