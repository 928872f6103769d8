import { describe, expect, it } from 'vitest';
import { columnDateOrder, readDate, readOneDate, readTime } from '../../src/plan/dates.js';

type Expected = string | [string, string] | RegExp;

/** What each locale reads: a day, two readings (day first, month first), or why it is not a date. */
const TABLE: Record<string, [string, Expected][]> = {
  en: [
    ['2027-03-01', '2027-03-01'],
    ['1.3.2027', '2027-03-01'],
    ['31/03/2027', '2027-03-31'],
    ['03/31/2027', '2027-03-31'],
    ['01/03/2027', ['2027-03-01', '2027-01-03']],
    ['02/02/2027', '2027-02-02'],
    ['2027-02-30', /not a day in the calendar/],
    ['March 1', /is not a date/],
  ],
  'en-GB': [
    ['01/03/2027', '2027-03-01'],
    ['1/3/27', '2027-03-01'],
    ['03/31/2027', /not a day in the calendar/],
    ['2027-03-01', '2027-03-01'],
  ],
  'en-US': [
    ['01/03/2027', '2027-01-03'],
    ['03/31/2027', '2027-03-31'],
    ['31/03/2027', /not a day in the calendar/],
    // Dots are day first whatever the region.
    ['1.3.2027', '2027-03-01'],
  ],
  nb: [
    ['1.3.2027', '2027-03-01'],
    ['01.03.27', '2027-03-01'],
    ['29.02.2028', '2028-02-29'],
    ['29.02.2027', /not a day in the calendar/],
    ['01/03/2027', ['2027-03-01', '2027-01-03']],
    ['2027-03-01', '2027-03-01'],
    ['1. mars', /is not a date/],
  ],
  bg: [
    ['1.03.2027 г.', '2027-03-01'],
    ['1.03.2027г.', '2027-03-01'],
    ['01.03.2027', '2027-03-01'],
    ['2027-03-01', '2027-03-01'],
    ['31.04.2027 г.', /not a day in the calendar/],
  ],
};

describe('readDate: one reader, by locale', () => {
  for (const [locale, rows] of Object.entries(TABLE)) {
    it.each(rows)(`${locale}: %j`, (text, expected) => {
      const read = readDate(text, locale);
      if (typeof expected === 'string') expect(read).toEqual({ date: expected });
      else if (Array.isArray(expected))
        expect(read).toEqual({ either: { dayFirst: expected[0], monthFirst: expected[1] } });
      else expect(read && 'invalid' in read && read.invalid).toMatch(expected);
    });
  }

  it('ignores a time only when asked to (export cells)', () => {
    expect(readDate('2027-03-31T08:00:00', 'en')).toEqual({ invalid: '"2027-03-31T08:00:00" is not a date' });
    expect(readDate('2027-03-31T08:00:00', 'en', { withTime: true })).toEqual({ date: '2027-03-31' });
    expect(readDate('3/31/2027 12:00:00 AM', 'nb', { withTime: true })).toEqual({ date: '2027-03-31' });
  });

  it('is empty for empty text', () => {
    expect(readDate('  ', 'nb')).toBeUndefined();
  });

  it('readOneDate names both readings and never picks one', () => {
    expect(readOneDate('01/03/2027')).toEqual({
      error: '"01/03/2027" could be 2027-03-01 (day first) or 2027-01-03 (month first): write it as YYYY-MM-DD',
    });
    expect(readOneDate('1.3.2027')).toEqual({ date: '2027-03-01' });
  });
});

describe('columnDateOrder', () => {
  it('takes the order one unambiguous date shows', () => {
    expect(columnDateOrder(['03/01/2027', '03/31/2027'], 'nb')).toBe('mdy');
    expect(columnDateOrder(['01/03/2027', '31/03/2027'], 'en')).toBe('dmy');
    expect(columnDateOrder(['01/03/2027', '02/03/2027'], 'en')).toBeUndefined();
    expect(columnDateOrder(['31/03/2027', '03/31/2027'], 'en')).toBe('both');
    // The region settles it already.
    expect(columnDateOrder(['31/03/2027'], 'en-US')).toBeUndefined();
  });
});

describe('readTime', () => {
  it.each([
    ['07:30', '07:30'],
    ['7:30', '07:30'],
    ['7.30', '07:30'],
    ['kl. 7.30', '07:30'],
    ['0730', '07:30'],
    ['19', '19:00'],
    ['7:30 pm', '19:30'],
    ['12 am', '00:00'],
    ['24:00', undefined],
    ['7:75', undefined],
    ['13 pm', undefined],
    ['morning', undefined],
  ])('%j is %s', (text, time) => {
    expect(readTime(text)).toBe(time);
  });
});
