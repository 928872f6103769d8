import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, monthEnd, monthsGone } from '../../src/compute/dates.js';

// The date arithmetic reads digits by hand (it runs thousands of times per lint): held here to
// what Date gives for every day the plans may use (years 1900 to 2999).
describe('calendar-date arithmetic', () => {
  it('agrees with Date on every day from 1900 to 2999', () => {
    const DAY = 86_400_000;
    const first = Date.UTC(1900, 0, 1) / DAY;
    const last = Date.UTC(2999, 11, 31) / DAY;
    let previous: string | undefined;
    for (let day = first; day <= last; day++) {
      const when = new Date(day * DAY);
      const date = when.toISOString().slice(0, 10);
      const end = new Date(Date.UTC(when.getUTCFullYear(), when.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
      if (monthEnd(date) !== end) expect(monthEnd(date), date).toBe(end);
      if (previous !== undefined) {
        if (daysBetween(previous, date) !== 1) expect(daysBetween(previous, date), date).toBe(1);
        if (addDays(previous, 1) !== date) expect(addDays(previous, 1), date).toBe(date);
      }
      previous = date;
    }
    expect(daysBetween('1900-01-01', '2999-12-31')).toBe(last - first);
  });

  it('refuses what is not a date as YYYY-MM-DD', () => {
    for (const bad of ['2027-1-05', '2027/01/05', '27-01-05', '2027-01-5x', '2027-0a-05'])
      expect(() => daysBetween(bad, '2027-01-01'), bad).toThrow(/not a date/);
    expect(() => monthEnd('2027-13-01')).toThrow(/not a date/);
  });
});

describe('months of a plan', () => {
  it('adds calendar months, a missing day becoming the month’s last', () => {
    expect(addMonths('2027-01-15', 1)).toBe('2027-02-15');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2027-12-01', 1)).toBe('2028-01-01');
  });

  it('counts whole months from the start’s day, then the month under way by its days', () => {
    expect(monthsGone('2027-01-01', '2027-04-30')).toBe(4);
    expect(monthsGone('2027-01-01', '2027-03-01')).toBeCloseTo(2 + 1 / 31, 12);
    expect(monthsGone('2027-01-15', '2027-02-14')).toBe(1);
    expect(monthsGone('2027-01-01', '2027-12-31')).toBe(12);
    expect(monthsGone('2027-01-01', '2026-12-31')).toBe(0);
  });
});
