/**
 * Review sessions never fall on a public holiday of the plan's country, a closed day the plan
 * lists, or a special date of kind holiday: they move to the next open working day.
 */
import { describe, expect, it } from 'vitest';
import { closedDays, planCountry } from '../../src/compute/holidays.js';
import { reviewSessions } from '../../src/compute/review.js';
import type { Plan } from '../../src/plan/schema.js';

const plan = (locale: string, review: object, extra: object = {}): Plan =>
  ({
    smplan: 1,
    plan: {
      title: 'T',
      organization: 'O',
      locale,
      currency: 'EUR',
      timezone: 'Europe/Sofia',
      start: '2027-01-01',
      end: '2027-12-31',
    },
    goals: [],
    review,
    ...extra,
  }) as unknown as Plan;

describe('the country whose holidays count', () => {
  it('is plan.country, else the locale region or language (nb → NO, bg → BG, en-GB → GB), none for bare en', () => {
    expect(planCountry(plan('bg', {}))).toBe('BG');
    expect(planCountry(plan('nb-NO', {}))).toBe('NO');
    expect(planCountry(plan('en-GB', {}))).toBe('GB');
    expect(planCountry(plan('en', {}))).toBeUndefined();
    expect(planCountry({ ...plan('en', {}), plan: { ...plan('en', {}).plan, country: 'IE' } } as Plan)).toBe('IE');
  });
});

describe('holiday-free review sessions', () => {
  it('bg: the first Monday moves off Easter Monday (3 May) and Unification Day (6 September)', async () => {
    const p = plan('bg', { cadence: 'monthly', first: '2027-02-01' });
    expect(reviewSessions(p)).toContain('2027-05-03');
    const sessions = reviewSessions(p, await closedDays(p));
    expect(sessions).toContain('2027-05-04');
    expect(sessions).toContain('2027-09-07');
    expect(sessions).not.toContain('2027-05-03');
    expect(sessions).not.toContain('2027-09-06');
  });

  it('nb: Ascension Day (6 May 2027) and 17 May are skipped; the plan’s own closed days too', async () => {
    const p = plan('nb', { cadence: 'monthly', first: '2027-01-06', weekday: 'thu', closed_days: ['2027-02-04'] });
    const closed = await closedDays(p);
    expect(closed.has('2027-05-06')).toBe(true);
    expect(closed.has('2027-05-17')).toBe(true);
    const sessions = reviewSessions(p, closed);
    // 4 February is closed by the plan: the Friday after.
    expect(sessions).toContain('2027-02-05');
    expect(sessions).not.toContain('2027-05-06');
    expect(sessions).toContain('2027-05-07');
  });

  it('en: a special date of kind holiday is a closed day; a weekend is never the fallback', () => {
    const p = plan(
      'en',
      { cadence: 'monthly', first: '2027-01-29' },
      { content: { special_dates: [{ date: '2027-01-29', name: 'Founders day', kind: 'holiday' }] } },
    );
    // Friday 29 January is closed: Monday 1 February, not Saturday.
    expect(reviewSessions(p)[0]).toBe('2027-02-01');
  });
});
