/** The edge cases: each one computes correctly or is a plan error at its line, never NaN. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../helpers/cli.js';
import { NORDLYS } from './compute-helpers.js';

const EDGE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../compute/fixtures/edge');

describe('edge cases refused with a line number', () => {
  it.each([
    ['kpi', 'compound-zero.yaml', 18, 'compound-curve'],
    ['kpi', 'relative-on-zero.yaml', 19, 'objective-target'],
    ['kpi', 'deadline-before-start.yaml', 21, 'date-order'],
    ['competitors', 'csv-missing-column.yaml', 19, 'posts-csv'],
  ])('%s %s: exit 1 at line %i (%s)', async (command, file, line, rule) => {
    for (const args of [
      [command, path.join(EDGE, file)],
      [command, '--json', path.join(EDGE, file)],
    ]) {
      const run = await runCli(args);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(new RegExp(`${file.replace('.', '\\.')}:${line}:\\d+ +error .* ${rule}`));
      expect(run.stderr).not.toMatch(/NaN|Infinity/);
      expect(hasStackTrace(run.stderr)).toBe(false);
    }
  });
});

describe('edge cases computed', () => {
  it('a start on a month end, a mid-month deadline, a leap-day deadline', async () => {
    const { objectives } = JSON.parse((await runCli(['kpi', '--json', NORDLYS])).stdout);
    const [followers, cost] = objectives;
    expect(followers.milestones.map((m: { date: string }) => m.date)).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
      '2027-05-31',
      '2027-06-15',
    ]);
    // Starts 2027-01-31: that month end is not a milestone; 394 days to 2028-02-29.
    expect(cost.milestones[0]).toEqual({ date: '2027-02-28', value: 120 - 30 * (28 / 394) });
    expect(cost.milestones.at(-1)).toEqual({ date: '2028-02-29', value: 90 });
    expect(cost.milestones).toHaveLength(13);
    // Compound from 2000 to 3000 over 165 days; day 30 on Jan 31.
    expect(followers.milestones[0].value).toBeCloseTo(2000 * 1.5 ** (30 / 165), 9);
  });
});
