/** Review sessions across a year: the nth weekday of the month, never a weekend unless the plan names one. */
import { describe, expect, it } from 'vitest';
import { nextSession, nthWeekday, reviewSessions } from '../../src/compute/review.js';
import type { Plan } from '../../src/plan/schema.js';

const plan = (review: Plan['review'], end = '2027-12-31'): Plan =>
  ({
    smplan: 1,
    plan: {
      title: 'T',
      organization: 'O',
      locale: 'nb',
      currency: 'NOK',
      timezone: 'Europe/Oslo',
      start: '2027-01-01',
      end,
    },
    goals: [],
    review,
  }) as unknown as Plan;

const weekday = (iso: string) => new Date(`${iso}T12:00:00Z`).getUTCDay(); // 0 = Sunday, 6 = Saturday

describe('review sessions', () => {
  it('a first session on Wednesday 3 February: the first Wednesday of each month, no Saturday 3 April, 3 July or 3 October', () => {
    const sessions = reviewSessions(plan({ cadence: 'monthly', first: '2027-02-03' }));
    expect(sessions).toEqual([
      '2027-02-03',
      '2027-03-03',
      '2027-04-07',
      '2027-05-05',
      '2027-06-02',
      '2027-07-07',
      '2027-08-04',
      '2027-09-01',
      '2027-10-06',
      '2027-11-03',
      '2027-12-01',
    ]);
    expect(sessions.filter((s) => weekday(s) === 0 || weekday(s) === 6)).toEqual([]);
    expect(sessions).not.toContain('2027-04-03');
  });

  it("review.weekday moves them: the nth of that weekday, from the first session's week of the month", () => {
    const sessions = reviewSessions(plan({ cadence: 'monthly', first: '2027-01-12', weekday: 'thu' }));
    // 12 January is in the second week: the second Thursday.
    expect(sessions.slice(0, 4)).toEqual(['2027-01-12', '2027-02-11', '2027-03-11', '2027-04-08']);
    expect(sessions.slice(1).every((s) => weekday(s) === 4)).toBe(true);
  });

  it('a fifth week is the last one of the month', () => {
    expect(reviewSessions(plan({ cadence: 'monthly', first: '2027-03-31' })).slice(0, 3)).toEqual([
      '2027-03-31',
      '2027-04-28',
      '2027-05-26',
    ]);
    expect(nthWeekday(2027, 2, 0, 5)).toBe('2027-02-22');
  });

  it('a weekend only when the plan names one', () => {
    const saturdays = reviewSessions(plan({ cadence: 'monthly', first: '2027-01-02', weekday: 'sat' }));
    expect(saturdays.every((s) => weekday(s) === 6)).toBe(true);
  });

  it("quarterly, yearly and weekly keep to the weekday; nothing past the plan's end", () => {
    expect(reviewSessions(plan({ cadence: 'quarterly', first: '2027-01-05' }))).toEqual([
      '2027-01-05',
      '2027-04-06',
      '2027-07-06',
      '2027-10-05',
    ]);
    expect(reviewSessions(plan({ cadence: 'yearly', first: '2027-01-05' }, '2029-12-31'))).toEqual([
      '2027-01-05',
      '2028-01-04',
      '2029-01-02',
    ]);
    expect(reviewSessions(plan({ cadence: 'weekly', first: '2027-12-01', weekday: 'fri' }))).toEqual([
      '2027-12-01',
      '2027-12-03',
      '2027-12-10',
      '2027-12-17',
      '2027-12-24',
      '2027-12-31',
    ]);
    expect(reviewSessions(plan({ cadence: 'monthly', first: '2027-02-03' })).length).toBe(11);
  });

  it('the next session after a date, for render and track alike', () => {
    const p = plan({ cadence: 'monthly', first: '2027-02-03' });
    expect(nextSession(p, '2027-03-31')).toBe('2027-04-07');
    expect(nextSession(p, '2027-12-01')).toBeUndefined();
  });
});
