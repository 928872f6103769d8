import { describe, expect, it } from 'vitest';
import {
  elapsedFraction,
  expectedValue,
  kpiTargets,
  milestoneDates,
  milestones,
  objectiveWindow,
  relativePercent,
  resolveTarget,
} from '../../src/compute/kpi.js';
import { PlanComputeError } from '../../src/compute/errors.js';
import { objective, planWith } from './helpers.js';
import { listOf } from '../../src/plan/decisions.js';

describe('resolveTarget', () => {
  it('keeps an absolute target', () => {
    expect(resolveTarget(objective({ baseline: 100, target: 250 }))).toBe(250);
  });
  it('applies "+p%" and "-p%" to the baseline', () => {
    expect(resolveTarget(objective({ baseline: 200, target: '+50%' }))).toBe(300);
    expect(resolveTarget(objective({ baseline: 200, target: '-20 %' }))).toBe(160);
    expect(resolveTarget(objective({ baseline: 150, target: '+120%' }))).toBeCloseTo(330, 10);
    expect(resolveTarget(objective({ baseline: 8, target: '+12.5%' }))).toBe(9);
  });
  it('refuses a relative target on a zero baseline instead of returning 0', () => {
    const plan = planWith({ objectives: [objective({ baseline: 0, target: '+50%' })] });
    const err = catchError(() => resolveTarget(listOf(plan.objectives)[0]!, plan));
    expect(err).toBeInstanceOf(PlanComputeError);
    expect((err as PlanComputeError).path).toEqual(['objectives', 0, 'target']);
    expect((err as Error).message).toMatch(/zero baseline/);
  });
  it('refuses a decrease below zero', () => {
    expect(() => resolveTarget(objective({ baseline: 10, target: '-150%' }))).toThrow(PlanComputeError);
  });
  it('reads the percentage of a relative target', () => {
    expect(relativePercent('+50%')).toBe(50);
    expect(relativePercent('-20 %')).toBe(-20);
    expect(relativePercent(40)).toBeUndefined();
  });
});

describe('objectiveWindow', () => {
  it('defaults the start to plan.start', () => {
    const plan = planWith();
    expect(objectiveWindow(objective({ deadline: '2027-03-01' }), plan)).toEqual({
      start: '2027-01-01',
      deadline: '2027-03-01',
    });
  });
  it('refuses a deadline before the start, pointing at the deadline', () => {
    const o = objective({ start: '2027-05-01', deadline: '2027-04-30' });
    const plan = planWith({ objectives: [o] });
    const err = catchError(() => objectiveWindow(o, plan)) as PlanComputeError;
    expect(err).toBeInstanceOf(PlanComputeError);
    expect(err.path).toEqual(['objectives', 0, 'deadline']);
  });
});

describe('milestoneDates', () => {
  it('puts one at every month end strictly between start and deadline, then the deadline', () => {
    expect(milestoneDates({ start: '2027-01-01', deadline: '2027-03-15' })).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-15',
    ]);
  });
  it('leaves out a month end equal to the start', () => {
    expect(milestoneDates({ start: '2027-01-31', deadline: '2027-03-15' })).toEqual(['2027-02-28', '2027-03-15']);
  });
  it('does not repeat a deadline that is itself a month end', () => {
    expect(milestoneDates({ start: '2027-01-01', deadline: '2027-02-28' })).toEqual(['2027-01-31', '2027-02-28']);
  });
  it('knows leap years', () => {
    expect(milestoneDates({ start: '2028-01-15', deadline: '2028-03-10' })).toEqual([
      '2028-01-31',
      '2028-02-29',
      '2028-03-10',
    ]);
    expect(milestoneDates({ start: '2100-02-01', deadline: '2100-03-10' })).toEqual(['2100-02-28', '2100-03-10']);
  });
  it('has just the deadline when no month end falls between', () => {
    expect(milestoneDates({ start: '2027-03-02', deadline: '2027-03-20' })).toEqual(['2027-03-20']);
    expect(milestoneDates({ start: '2027-03-20', deadline: '2027-03-20' })).toEqual(['2027-03-20']);
  });
  it('crosses a year end', () => {
    expect(milestoneDates({ start: '2027-11-20', deadline: '2028-01-05' })).toEqual([
      '2027-11-30',
      '2027-12-31',
      '2028-01-05',
    ]);
  });
});

describe('milestones', () => {
  it('follows a linear curve (hand-worked, leap year: 60 days from 2028-01-01 to 2028-03-01)', () => {
    const plan = planWith({}, { start: '2028-01-01', end: '2028-12-31' });
    const ms = milestones(objective({ baseline: 100, target: 200, deadline: '2028-03-01' }), plan);
    // Jan 31: 30/60 = 0.5 -> 150; Feb 29: 59/60 -> 198.33…; Mar 1: the target.
    expect(ms.map((m) => m.date)).toEqual(['2028-01-31', '2028-02-29', '2028-03-01']);
    expect(ms[0]!.value).toBe(150);
    expect(ms[1]!.value).toBeCloseTo(100 + 100 * (59 / 60), 12);
    expect(ms[2]!.value).toBe(200);
  });
  it('follows a compound curve (hand-worked: half the time is half the growth factor)', () => {
    const plan = planWith();
    // 2027-01-01 -> 2027-03-02 is 60 days; Jan 31 is day 30, f = 0.5: 1000 * 4^0.5 = 2000.
    const ms = milestones(objective({ baseline: 1000, target: 4000, deadline: '2027-03-02', curve: 'compound' }), plan);
    expect(ms[0]).toEqual({ date: '2027-01-31', value: 2000 });
    expect(ms[1]!.date).toBe('2027-02-28');
    expect(ms[1]!.value).toBeCloseTo(1000 * 4 ** (58 / 60), 9);
    expect(ms[2]).toEqual({ date: '2027-03-02', value: 4000 });
  });
  it('goes down for a falling target (cost per lead)', () => {
    const plan = planWith();
    const ms = milestones(objective({ baseline: 8.5, target: '-30%', deadline: '2027-05-31' }), plan);
    expect(ms[0]!.date).toBe('2027-01-31');
    expect(ms[0]!.value).toBeCloseTo(8.5 - 2.55 * (30 / 150), 12);
    expect(ms.at(-1)!.value).toBeCloseTo(5.95, 12);
  });
  it('reaches the target at once when the deadline is the start day', () => {
    const plan = planWith();
    expect(
      milestones(objective({ baseline: 10, target: 20, start: '2027-04-01', deadline: '2027-04-01' }), plan),
    ).toEqual([{ date: '2027-04-01', value: 20 }]);
  });
  it('refuses a compound curve from a zero baseline or to a zero target, never NaN', () => {
    const zeroBase = objective({ baseline: 0, target: 100, curve: 'compound' });
    const plan = planWith({ objectives: [zeroBase] });
    const err = catchError(() => milestones(zeroBase, plan)) as PlanComputeError;
    expect(err).toBeInstanceOf(PlanComputeError);
    expect(err.path).toEqual(['objectives', 0, 'baseline']);
    expect(() => milestones(objective({ baseline: 10, target: 0, curve: 'compound' }), planWith())).toThrow(
      /target of 0/,
    );
  });
});

describe('expectedValue', () => {
  const plan = planWith();
  const o = objective({ baseline: 100, target: 400, deadline: '2027-03-02', curve: 'compound' });
  it('is the baseline at the start and the target at the deadline', () => {
    expect(expectedValue(o, plan, '2027-01-01')).toBe(100);
    expect(expectedValue(o, plan, '2027-03-02')).toBe(400);
  });
  it('is the curve between (f = 30/60 on Jan 31)', () => {
    expect(expectedValue(o, plan, '2027-01-31')).toBe(200);
  });
  it('is not clamped outside the window (the contract: f at that date)', () => {
    expect(elapsedFraction({ start: '2027-01-01', deadline: '2027-01-11' }, '2027-01-21')).toBe(2);
    expect(elapsedFraction({ start: '2027-01-01', deadline: '2027-01-11' }, '2026-12-27')).toBe(-0.5);
  });
});

describe('kpiTargets', () => {
  it('gives the contract keys plus goal, channel, unit and the written relative target', () => {
    const plan = planWith({
      objectives: [
        objective({
          id: 'ig',
          channel: 'instagram',
          unit: 'money',
          baseline: 50,
          target: '+10%',
          deadline: '2027-02-10',
        }),
      ],
    });
    const [t] = kpiTargets(plan);
    expect(t).toEqual({
      id: 'ig',
      metric: 'followers',
      baseline: 50,
      target: 55.00000000000001,
      start: '2027-01-01',
      deadline: '2027-02-10',
      curve: 'linear',
      milestones: [
        { date: '2027-01-31', value: 50 + 5.00000000000001 * (30 / 40) },
        { date: '2027-02-10', value: 55.00000000000001 },
      ],
      goal: 'g',
      channel: 'instagram',
      unit: 'money',
      target_relative: '+10%',
    });
  });
  it('is empty without objectives', () => {
    expect(kpiTargets(planWith())).toEqual([]);
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}
