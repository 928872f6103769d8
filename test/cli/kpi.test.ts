import { describe, expect, it } from 'vitest';
import { PlanComputeError } from '../../src/compute/errors.js';
import { PlanInvalidError } from '../../src/diagnostics.js';
import { loadPlan } from '../../src/plan/load.js';
import { computeFor } from '../../src/cli/plan-input.js';
import { hasStackTrace, runCli } from '../helpers/cli.js';
import { expectReadable, plain, KAFFEBAR, NORDLYS, WRONG_TYPE } from './compute-helpers.js';

describe('smplan kpi', () => {
  it('prints the contract JSON, unrounded, and nothing else on stdout', async () => {
    const run = await runCli(['kpi', '--json', KAFFEBAR]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const { objectives } = JSON.parse(run.stdout);
    expect(objectives.map((o: { id: string }) => o.id)).toEqual(['ig-reach', 'loyalty-signups', 'cost-per-signup']);
    expect(objectives[1]).toMatchObject({
      baseline: 150,
      start: '2027-02-15',
      deadline: '2027-11-15',
      curve: 'linear',
      target_relative: '+120%',
    });
    expect(objectives[1].target).toBeCloseTo(330, 9);
    expect(objectives[1].milestones[0]).toEqual({ date: '2027-02-28', value: 158.57142857142858 });
  });
  it('prints milestone tables with separators, progress and money in the plan currency', async () => {
    const run = await runCli(['kpi', NORDLYS]);
    expectReadable(run);
    expect(plain(run.stdout)).toContain(
      '2,000 -> 3,000 (+50.0 %), compound curve, 2027-01-01 to 2027-06-15\ninstagram; goal: awareness',
    );
    expect(plain(run.stdout)).toContain(
      'NOK 120 -> NOK 90 (-25.0 %), linear curve, 2027-01-31 to 2028-02-29\nall channels; goal: sales',
    );
    expect(plain(run.stdout)).toMatch(/2028-02-29 +NOK 90\.00 +100\.0 %/);
    const acceptance = await runCli(['kpi', KAFFEBAR]);
    expectReadable(acceptance);
    expect(plain(acceptance.stdout)).toMatch(/2027-01-31 +13,276 +7\.1 %/);
    expect(plain(acceptance.stdout)).toMatch(/2027-11-15 +330\.0 +100\.0 %/);
  });
  it('uses colour only on a terminal', async () => {
    expect((await runCli(['kpi', KAFFEBAR], { tty: true })).stdout).toMatch(/\u001b\[1m/);
    expect((await runCli(['kpi', KAFFEBAR], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
  });
  it('refuses an invalid plan with exit 1 and a missing one with exit 2, no stack trace', async () => {
    const bad = await runCli(['kpi', WRONG_TYPE]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/wrong-type\.yaml:\d+:\d+/);
    expect(hasStackTrace(bad.stderr)).toBe(false);
    const missing = await runCli(['kpi', 'no-such-plan.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
  });
  it('turns a computation guard into a located plan error (exit 1)', async () => {
    const { loaded } = await loadPlan(NORDLYS);
    let caught: unknown;
    try {
      computeFor(loaded!, () => {
        throw new PlanComputeError('the deadline comes before its start', ['objectives', 1, 'deadline']);
      });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(PlanInvalidError);
    expect((caught as PlanInvalidError).findings[0]).toMatchObject({
      line: 41,
      column: 15,
      path: 'objectives[1].deadline',
      severity: 'error',
    });
  });
});
