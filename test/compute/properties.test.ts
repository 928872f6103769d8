/** Invariants of the computations over generated inputs (fast-check). */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { budgetPlan } from '../../src/compute/budget.js';
import { addDays, daysBetween, monthEnd } from '../../src/compute/dates.js';
import { channelEngagement } from '../../src/compute/engagement.js';
import { milestones } from '../../src/compute/kpi.js';
import { publishingCalendar } from '../../src/compute/calendar.js';
import {
  BUDGET_CATEGORIES,
  BUDGET_PERIODS,
  ROI_TIME_FRAMES,
  WEEKDAYS,
  type BudgetItem,
} from '../../src/plan/schema.js';
import { objective, planWith } from './helpers.js';

const runs = { numRuns: Number(process.env.FUZZ_RUNS ?? 60) };

/** A date from 1999 to 2060 as YYYY-MM-DD (leap years and centuries included). */
const isoDate = fc.integer({ min: 0, max: 22_500 }).map((d) => addDays('1999-01-01', d));
const amount = fc.double({ min: 0.01, max: 1e9, noNaN: true, noDefaultInfinity: true });

describe('milestones', () => {
  it('run from start to deadline, monotone between baseline and target, ending exactly on the target', () => {
    fc.assert(
      fc.property(
        isoDate,
        fc.integer({ min: 0, max: 1500 }),
        amount,
        amount,
        fc.constantFrom('linear' as const, 'compound' as const),
        (start, length, baseline, target, curve) => {
          const deadline = addDays(start, length);
          const plan = planWith({}, { start });
          const ms = milestones(objective({ baseline, target, deadline, curve }), plan);
          expect(ms.at(-1)).toEqual({ date: deadline, value: target });
          const [low, high] = baseline <= target ? [baseline, target] : [target, baseline];
          const slack = 1e-9 * high;
          let previous = start;
          let previousValue = baseline;
          ms.forEach((m, i) => {
            expect(Number.isFinite(m.value)).toBe(true);
            expect(daysBetween(previous, m.date)).toBeGreaterThan(i === 0 && length === 0 ? -1 : 0);
            if (i < ms.length - 1) expect(m.date).toBe(monthEnd(m.date));
            expect(m.value).toBeGreaterThanOrEqual(low - slack);
            expect(m.value).toBeLessThanOrEqual(high + slack);
            if (target >= baseline) expect(m.value).toBeGreaterThanOrEqual(previousValue - slack);
            else expect(m.value).toBeLessThanOrEqual(previousValue + slack);
            previous = m.date;
            previousValue = m.value;
          });
          // Exactly one milestone per month end strictly inside the window.
          let monthEnds = 0;
          for (let d = monthEnd(start); daysBetween(d, deadline) > 0; d = monthEnd(addDays(d, 1)))
            if (d !== start) monthEnds++;
          expect(ms).toHaveLength(monthEnds + 1);
        },
      ),
      runs,
    );
  });
});

const budgetItem: fc.Arbitrary<BudgetItem> = fc.record({
  name: fc.string({ minLength: 1, maxLength: 8 }),
  category: fc.constantFrom(...BUDGET_CATEGORIES),
  cost: fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.double({ min: 0, max: 1e5, noNaN: true })),
  per: fc.constantFrom(...BUDGET_PERIODS),
  roi: fc.constantFrom(...ROI_TIME_FRAMES),
});

describe('budgetPlan', () => {
  it('keeps and cuts every item once, in ROI order, within the cap when over it', () => {
    fc.assert(
      fc.property(fc.array(budgetItem, { maxLength: 25 }), fc.integer({ min: 0, max: 2_000_000 }), (items, cap) => {
        const plan = budgetPlan({ cap, items });
        const listed = [...plan.kept, ...plan.cut];
        expect(listed.map((l) => l.index).sort((a, b) => a - b)).toEqual(items.map((_, i) => i));
        // Priority order within each list: roi short < medium < long, file order within the same roi.
        const precedes = (a: (typeof listed)[number], b: (typeof listed)[number]) => {
          const order = ROI_TIME_FRAMES.indexOf(a.roi!) - ROI_TIME_FRAMES.indexOf(b.roi!);
          return order < 0 || (order === 0 && a.index < b.index);
        };
        for (const list of [plan.kept, plan.cut])
          for (let i = 1; i < list.length; i++) expect(precedes(list[i - 1]!, list[i]!)).toBe(true);
        expect(plan.over_by).toBe(Math.max(0, plan.total - cap));
        expect(plan.by_category.reduce((s, k) => s + k.yearly, 0)).toBeCloseTo(plan.total, 6);
        if (plan.total > cap) {
          expect(plan.kept_total).toBeLessThanOrEqual(cap);
          // Each cut item did not fit in what the items kept before it had left.
          for (const c of plan.cut) {
            const spent = plan.kept.filter((k) => precedes(k, c)).reduce((s, k) => s + k.yearly, 0);
            expect(spent + c.yearly).toBeGreaterThan(cap);
          }
        } else {
          expect(plan.cut).toEqual([]);
        }
      }),
      runs,
    );
  });
});

const zones = [
  'Europe/Oslo',
  'Europe/Sofia',
  'America/New_York',
  'Australia/Sydney',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'UTC',
];
const clock = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

describe('publishingCalendar', () => {
  it('places every slot once a week, inside the window, on its weekday in local time, sorted', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        isoDate,
        fc.integer({ min: 1, max: 12 }),
        fc.array(
          fc.record({ channel: fc.constantFrom('instagram', 'x'), weekday: fc.constantFrom(...WEEKDAYS), time: clock }),
          { maxLength: 6 },
        ),
        (zone, from, weeks, slots) => {
          const cal = publishingCalendar(planWith({ content: { slots } }, { timezone: zone }), { from, weeks });
          expect(cal.events).toHaveLength(slots.length * weeks);
          let previous = -Infinity;
          for (const e of cal.events) {
            expect(e.start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/);
            const local = DateTime.fromISO(e.start, { zone: 'utc' }).setZone(zone);
            expect(local.toISODate()).toBe(e.date);
            expect(local.toFormat('HH:mm')).toBe(e.time);
            expect(daysBetween(from, e.date)).toBeGreaterThanOrEqual(0);
            expect(daysBetween(e.date, cal.to)).toBeGreaterThan(0);
            const slot = slots[e.slot]!;
            expect(WEEKDAYS[local.weekday - 1]).toBe(slot.weekday);
            if (e.planned_time === undefined) expect(e.time).toBe(slot.time);
            const t = local.toMillis();
            expect(t).toBeGreaterThanOrEqual(previous);
            previous = t;
          }
        },
      ),
      runs,
    );
  });
});

describe('channelEngagement', () => {
  it('gives finite rates whose parts add up to the rate per post', () => {
    const post = fc.record({ likes: fc.nat(1e6), comments: fc.nat(1e5), shares: fc.nat(1e5) });
    fc.assert(
      fc.property(
        fc.array(post, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 1e9 }),
        (posts, followers) => {
          const e = channelEngagement('x', { followers, posts }, new Map());
          for (const v of [
            e.engagement_rate,
            e.engagement_rate_per_post,
            e.applause_rate,
            e.conversation_rate,
            e.amplification_rate,
          ]) {
            expect(Number.isFinite(v)).toBe(true);
          }
          const near = (a: number, b: number) =>
            expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));
          near(e.applause_rate + e.conversation_rate + e.amplification_rate, e.engagement_rate_per_post);
          near(e.engagement_rate_per_post * e.posts * followers, e.engagement);
        },
      ),
      runs,
    );
  });
});
