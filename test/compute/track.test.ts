import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/compute/dates.js';
import { ON_TRACK_TOLERANCE, forecastAtDeadline, holdStatus, trackPlan, trackStatus } from '../../src/compute/track.js';
import type { ActualRow } from '../../src/plan/actuals.js';
import type { Objective, Plan } from '../../src/plan/schema.js';

// Every objective runs from 2027-01-01 over 10 days (deadline 2027-01-11) unless said
// otherwise, so "day 5" is 2027-01-06 and f = 0.5 there.
function planWith(objectives: Partial<Objective>[]): Plan {
  return {
    smplan: 1,
    plan: {
      title: 'T',
      organization: 'O',
      locale: 'en',
      currency: 'NOK',
      timezone: 'Europe/Oslo',
      start: '2027-01-01',
      end: '2027-12-31',
    },
    goals: [{ id: 'g', statement: 'S', priority: 'primary' }],
    objectives: objectives.map((o, i) => ({
      id: `o${i}`,
      goal: 'g',
      metric: 'm',
      baseline: 100,
      target: 200,
      deadline: '2027-01-11',
      ...o,
    })) as Objective[],
  };
}

function rows(...entries: [objective: string, date: string, value: number][]): ActualRow[] {
  return entries.map(([objective, date, value], i) => ({ objective, date, value, file: 'a.csv', line: i + 2 }));
}

describe('trackStatus', () => {
  it('allows 5 points either side of the expected progress', () => {
    expect(trackStatus(0.44, 0.5)).toBe('behind');
    expect(trackStatus(0.46, 0.5)).toBe('on-track');
    expect(trackStatus(0.54, 0.5)).toBe('on-track');
    expect(trackStatus(0.56, 0.5)).toBe('ahead');
  });
});

describe('trackPlan', () => {
  it('rising linear target: 140 of 100 -> 200 at half time is behind, trend reaches 180', () => {
    const plan = planWith([{ id: 'reach' }]);
    const [o] = trackPlan(plan, rows(['reach', '2027-01-06', 140])).objectives;
    expect(o).toMatchObject({ id: 'reach', date: '2027-01-06', actual: 140, expected: 150, status: 'behind' });
    expect(o!.progress).toBeCloseTo(0.4, 12);
    expect(o!.expected_progress).toBeCloseTo(0.5, 12);
    // One actual: the line from the baseline (day 0, 100) through (day 5, 140): 8 a day.
    expect(o!.forecast).toBeCloseTo(180, 9);
    expect(o!.forecast_progress).toBeCloseTo(0.8, 9);
  });

  it('an actual on or after the deadline is the forecast, not a trend through it (2.5 h measured on the deadline)', () => {
    const plan = planWith([{ id: 'reply', baseline: 9, target: 2, deadline: '2027-04-30' }]);
    const o = trackPlan(
      plan,
      rows(['reply', '2027-02-28', 5], ['reply', '2027-03-31', 3.5], ['reply', '2027-04-30', 2.5]),
    ).objectives[0]!;
    expect(o.forecast).toBe(2.5);
    expect(o.forecast_progress).toBeCloseTo(6.5 / 7, 12);
    const late = trackPlan(plan, rows(['reply', '2027-03-31', 3.5], ['reply', '2027-05-15', 2.2])).objectives[0]!;
    expect(late.forecast).toBe(2.2);
  });

  it('on track so far while the trend misses the target: both are flagged', () => {
    // Linear 100 -> 200 over 10 days: 146 on day 5 is on track (46 % against 50 %), but the line
    // through (0, 100), (1, 120), (5, 146) reaches only 189.4 on day 10: 89 % of the way.
    const plan = planWith([{ id: 'slow' }]);
    const o = trackPlan(plan, rows(['slow', '2027-01-02', 120], ['slow', '2027-01-06', 146])).objectives[0]!;
    expect(o.status).toBe('on-track');
    expect(o.forecast_progress!).toBeCloseTo(0.894, 2);
    expect(o.trend_short_of_target).toBe(true);
    // Behind is already said by the status; a trend that reaches the target is not flagged.
    expect(trackPlan(plan, rows(['slow', '2027-01-06', 120])).objectives[0]!.trend_short_of_target).toBe(false);
    const linear = trackPlan(planWith([{ id: 'fine' }]), rows(['fine', '2027-01-06', 150])).objectives[0]!;
    expect(linear).toMatchObject({ status: 'on-track', trend_short_of_target: false });
  });

  it('falling target (cost per lead 10 -> -40 % = 6): 7 at half time is ahead, 9 is behind', () => {
    const plan = planWith([{ id: 'cpl', baseline: 10, target: '-40%' }]);
    const ahead = trackPlan(plan, rows(['cpl', '2027-01-06', 7])).objectives[0]!;
    expect(ahead).toMatchObject({ target: 6, expected: 8, status: 'ahead' });
    expect(ahead.progress).toBeCloseTo(0.75, 12); // (7 - 10) / (6 - 10)
    expect(ahead.expected_progress).toBeCloseTo(0.5, 12);
    expect(ahead.forecast).toBeCloseTo(4, 9); // -0.6 a day for 10 days
    expect(ahead.forecast_progress).toBeCloseTo(1.5, 9);

    const behind = trackPlan(plan, rows(['cpl', '2027-01-06', 9])).objectives[0]!;
    expect(behind.progress).toBeCloseTo(0.25, 12);
    expect(behind.status).toBe('behind');
    expect(behind.forecast).toBeCloseTo(8, 9);
  });

  it('compound curve: 200 at half time of 100 -> 400 is on track, and the trend is fitted in log space', () => {
    const plan = planWith([{ id: 'ig', baseline: 100, target: 400, curve: 'compound' }]);
    const one = trackPlan(plan, rows(['ig', '2027-01-06', 200])).objectives[0]!;
    expect(one.expected).toBeCloseTo(200, 9); // 100 * 4 ** 0.5
    expect(one.progress).toBeCloseTo(1 / 3, 12);
    expect(one.expected_progress).toBeCloseTo(1 / 3, 9);
    expect(one.status).toBe('on-track');
    expect(one.forecast).toBeCloseTo(400, 9); // doubling in 5 days, again in the next 5

    // Two points on the curve itself (day 2: 100 * 4 ** 0.2): an exponential fit lands on 400,
    // a straight line through the same points would not.
    const two = trackPlan(plan, rows(['ig', '2027-01-03', 100 * 4 ** 0.2], ['ig', '2027-01-06', 200])).objectives[0]!;
    expect(two.forecast).toBeCloseTo(400, 9);
    expect(two.forecast_progress).toBeCloseTo(1, 9);
  });

  it('several actuals: least squares through the baseline and each point', () => {
    // 20 days; points (0, 100), (5, 110), (10, 130): mean x 5, mean y 113.33, slope 150 / 50 = 3.
    const plan = planWith([{ id: 'x', deadline: '2027-01-21' }]);
    const o = trackPlan(plan, rows(['x', '2027-01-11', 130], ['x', '2027-01-06', 110])).objectives[0]!;
    expect(o).toMatchObject({ date: '2027-01-11', actual: 130, expected: 150, status: 'behind' });
    expect(o.forecast).toBeCloseTo(113 + 1 / 3 + 3 * 15, 9);
    expect(o.forecast_progress).toBeCloseTo(0.58333333333, 9);
  });

  it('uses the objective start, not the plan start, for the curve and the trend', () => {
    const plan = planWith([{ id: 's', start: '2027-01-11', deadline: '2027-01-21' }]);
    const o = trackPlan(plan, rows(['s', '2027-01-16', 160])).objectives[0]!;
    expect(o.expected).toBe(150);
    expect(o.status).toBe('ahead');
    expect(o.forecast).toBeCloseTo(220, 9);
  });

  it('puts objectives without actuals last, as no-data with no figures', () => {
    const plan = planWith([{ id: 'first' }, { id: 'second' }, { id: 'third' }]);
    const result = trackPlan(plan, rows(['third', '2027-01-06', 150]));
    expect(result.objectives.map((o) => [o.id, o.status])).toEqual([
      ['third', 'on-track'],
      ['first', 'no-data'],
      ['second', 'no-data'],
    ]);
    expect(result.objectives[1]).toMatchObject({
      date: null,
      actual: null,
      expected: null,
      progress: null,
      expected_progress: null,
      forecast: null,
      forecast_progress: null,
    });
    expect(result.actuals).toEqual({ third: [{ date: '2027-01-06', value: 150 }] });
    expect(result.asOf).toBe('2027-01-06');
  });

  it('as of a date: later rows do not count', () => {
    const plan = planWith([{ id: 'a', deadline: '2027-01-21' }, { id: 'b' }]);
    const data = rows(['a', '2027-01-06', 110], ['a', '2027-01-11', 130], ['b', '2027-01-08', 190]);
    const result = trackPlan(plan, data, { asOf: '2027-01-07' });
    expect(result.asOf).toBe('2027-01-07');
    expect(result.objectives.map((o) => [o.id, o.date, o.actual])).toEqual([
      ['a', '2027-01-06', 110],
      ['b', null, null],
    ]);
    expect(result.objectives[0]!.expected).toBe(125);
    expect(result.actuals).toEqual({ a: [{ date: '2027-01-06', value: 110 }] });
  });

  it('keeps one value per date (the last given) and sorts actuals by date', () => {
    const plan = planWith([{ id: 'a' }]);
    const result = trackPlan(plan, rows(['a', '2027-01-06', 150], ['a', '2027-01-03', 120], ['a', '2027-01-06', 150]));
    expect(result.actuals.a).toEqual([
      { date: '2027-01-03', value: 120 },
      { date: '2027-01-06', value: 150 },
    ]);
  });

  it('has no trend when the only actual is on the start day', () => {
    const plan = planWith([{ id: 'a' }]);
    const o = trackPlan(plan, rows(['a', '2027-01-01', 100])).objectives[0]!;
    expect(o.status).toBe('on-track');
    expect(o.forecast).toBeNull();
    expect(o.forecast_progress).toBeNull();
  });

  it('a target equal to the baseline (+0 %) is held: compared with the target, no progress figures', () => {
    const plan = planWith([{ id: 'hold', baseline: 100, target: '+0%' }]);
    const at = (value: number) => trackPlan(plan, rows(['hold', '2027-01-06', value])).objectives[0]!;
    expect(at(103)).toMatchObject({ status: 'on-track', progress: null, expected_progress: null, expected: 100 });
    expect(at(90).status).toBe('behind');
    expect(at(110).status).toBe('ahead');
    expect(holdStatus(0, 0)).toBe('on-track');
  });
});

describe('forecastAtDeadline', () => {
  const window = { start: '2027-01-01', deadline: '2027-01-11' };
  it('ignores actuals before the start (they are not part of the trend)', () => {
    expect(
      forecastAtDeadline('linear', 100, window, [
        { date: '2026-12-30', value: 500 },
        { date: '2027-01-06', value: 140 },
      ]),
    ).toBeCloseTo(180, 9);
  });
  it('has no log-space trend through an actual of 0', () => {
    expect(forecastAtDeadline('compound', 100, window, [{ date: '2027-01-06', value: 0 }])).toBeNull();
    expect(forecastAtDeadline('linear', 100, window, [{ date: '2027-01-06', value: 0 }])).toBeCloseTo(-100, 9);
  });
});

describe('falling targets work like rising ones (property)', () => {
  it('mirroring baseline, target and actuals (x -> 1000 - x) keeps progress, status and forecast progress', () => {
    const value = fc.integer({ min: 0, max: 1000 });
    const actuals = fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), value), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(value, value, actuals, (baseline, target, points) => {
        fc.pre(baseline !== target);
        const objective = { id: 'a', deadline: '2027-01-31' };
        const up = planWith([{ ...objective, baseline, target }]);
        const down = planWith([{ ...objective, baseline: 1000 - baseline, target: 1000 - target }]);
        const at = (mirror: boolean) =>
          rows(
            ...points.map(
              ([day, v]) => ['a', addDays('2027-01-01', day), mirror ? 1000 - v : v] as [string, string, number],
            ),
          );
        const rising = trackPlan(up, at(false)).objectives[0]!;
        // Exactly on a 5-point boundary, rounding may tip either way.
        fc.pre(Math.abs(Math.abs(rising.progress! - rising.expected_progress!) - ON_TRACK_TOLERANCE) > 1e-9);
        const falling = trackPlan(down, at(true)).objectives[0]!;
        expect(falling.status).toBe(rising.status);
        expect(falling.progress!).toBeCloseTo(rising.progress!, 9);
        expect(falling.expected_progress!).toBeCloseTo(rising.expected_progress!, 9);
        if (rising.forecast_progress === null) expect(falling.forecast_progress).toBeNull();
        else expect(falling.forecast_progress!).toBeCloseTo(rising.forecast_progress, 6);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 100) },
    );
  });
});

describe('spend against budget', () => {
  const plan: Plan = {
    ...planWith([{ id: 'reach' }]),
    budget: {
      items: [
        { id: 'ads', name: 'Ads', category: 'advertising', cost: 1000, per: 'month' },
        { id: 'event', name: 'Event', category: 'service', cost: 5000, per: 'once' },
        { id: 'tool', name: 'Tool', category: 'tool', cost: 730, per: 'year' },
        { name: 'No id', category: 'other', cost: 10, per: 'month' },
      ],
    },
  };
  const spend = (item: string, date: string, value: number, line = 2) => ({ item, date, value, file: 's.csv', line });

  it('sums each item’s spend to the review date against its cost month by month (a one-off whole)', () => {
    // To 2027-03-01: January and February whole, and 1 of March's 31 days.
    const result = trackPlan(plan, [], {
      spend: [spend('ads', '2027-01-31', 900), spend('ads', '2027-02-28', 1300), spend('event', '2027-03-01', 4000)],
    });
    expect(result.asOf).toBe('2027-03-01');
    expect(result.spend!.items.map((i) => i.id)).toEqual(['ads', 'event']);
    const [ads, event] = result.spend!.items;
    expect(ads!.planned).toBeCloseTo(1000 * (2 + 1 / 31), 9);
    expect(ads!.actual).toBe(2200);
    expect(ads!.difference).toBeCloseTo(2200 - 1000 * (2 + 1 / 31), 9);
    expect(event).toMatchObject({ planned: 5000, actual: 4000, difference: -1000 });
    expect(result.spend!.total.actual).toBe(6200);
    expect(result.spend!.total.planned).toBeCloseTo(1000 * (2 + 1 / 31) + 5000, 9);
  });

  it('leaves out spend after --as-of, and has no spend section without spend rows', () => {
    const result = trackPlan(plan, rows(['reach', '2027-01-06', 150]), {
      asOf: '2027-01-31',
      spend: [spend('tool', '2027-01-31', 70), spend('tool', '2027-02-28', 70)],
    });
    expect(result.spend!.items).toEqual([expect.objectContaining({ id: 'tool', actual: 70, planned: 730 / 12 })]);
    expect(trackPlan(plan, rows(['reach', '2027-01-06', 150])).spend).toBeUndefined();
  });

  it('counts a monthly cost by whole months: four months to 30 April are four months of cost', () => {
    const result = trackPlan(plan, [], { asOf: '2027-04-30', spend: [spend('ads', '2027-04-30', 4470)] });
    expect(result.spend!.items[0]).toMatchObject({ id: 'ads', planned: 4000, actual: 4470, difference: 470 });
  });

  it('keeps the note on each figure counted', () => {
    const result = trackPlan(plan, [
      { objective: 'reach', date: '2027-01-06', value: 150, file: 'a.csv', line: 2, note: 'Spring offer' },
    ]);
    expect(result.actuals.reach).toEqual([{ date: '2027-01-06', value: 150, note: 'Spring offer' }]);
  });
});
