/** The one number reader (plan/numbers.ts), as every prompt and CSV uses it, in en, nb and bg conventions. */
import { describe, expect, it } from 'vitest';
import { columnMark, readNumber, showNumber } from '../../src/plan/numbers.js';
import type { Locale } from '../../src/plan/schema.js';

const EITHER = (thousands: number, decimal: number) => ({ either: { thousands, decimal } });

// [text, en, nb, bg]: a number, EITHER(…) when it is asked back, or null when it is not a number.
type Expected = number | ReturnType<typeof EITHER> | null;
const TABLE: [string, Expected, Expected, Expected][] = [
  // plain and signed
  ['1234', 1234, 1234, 1234],
  ['-3', -3, -3, -3],
  ['\u221217', -17, -17, -17],
  ['+7', 7, 7, 7],
  // spaces group thousands everywhere (nb and bg write them so; also non-breaking and thin)
  ['1 850', 1850, 1850, 1850],
  ['12 400', 12400, 12400, 12400],
  ['1\u00a0234\u00a0567', 1234567, 1234567, 1234567],
  ['12\u202f345', 12345, 12345, 12345],
  ['12 400,5', 12400.5, 12400.5, 12400.5],
  ['12 400.5', 12400.5, 12400.5, 12400.5],
  // a decimal comma unless exactly three digits follow
  ['0,5', 0.5, 0.5, 0.5],
  ['54,40', 54.4, 54.4, 54.4],
  ['4,5', 4.5, 4.5, 4.5],
  ['0,125', 0.125, 0.125, 0.125],
  ['1234,567', 1234.567, 1234.567, 1234.567],
  // a decimal point likewise
  ['7.9', 7.9, 7.9, 7.9],
  ['.5', 0.5, 0.5, 0.5],
  // both marks, or one used twice: nothing to ask
  ['1,234.5', 1234.5, 1234.5, 1234.5],
  ['1.234,5', 1234.5, 1234.5, 1234.5],
  ['1,234,567', 1234567, 1234567, 1234567],
  ['1.234.567', 1234567, 1234567, 1234567],
  // one mark before exactly three digits: English groups with , and never with .; nb and bg ask
  ['12,400', 12400, EITHER(12400, 12.4), EITHER(12400, 12.4)],
  ['2,500', 2500, EITHER(2500, 2.5), EITHER(2500, 2.5)],
  ['1.234', 1.234, EITHER(1234, 1.234), EITHER(1234, 1.234)],
  // not numbers
  ['12abc', null, null, null],
  ['kr 100', null, null, null],
  ['1e5', null, null, null],
  ['12.', null, null, null],
  ['1,2,3', null, null, null],
  ['1,234,5', null, null, null],
  ['12 34', null, null, null],
  ['1 234.567,8', null, null, null],
  ['-', null, null, null],
];

describe('readNumber', () => {
  const locales: Locale[] = ['en', 'nb', 'bg'];
  it.each(TABLE)('%j reads as en %j, nb %j, bg %j', (text, ...expected) => {
    locales.forEach((locale, i) => {
      const want = expected[i]!;
      const got = readNumber(text, locale);
      if (want === null) expect(got, locale).toEqual({ invalid: true });
      else if (typeof want === 'number') {
        expect(got && 'value' in got, `${locale}: ${JSON.stringify(got)}`).toBe(true);
        expect((got as { value: number }).value).toBeCloseTo(want, 12);
      } else expect(got, locale).toMatchObject(want);
    });
  });

  it('is undefined for nothing typed', () => {
    expect(readNumber('  ', 'nb')).toBeUndefined();
  });

  it('lets the rest of a CSV column settle a lone mark', () => {
    expect(columnMark(['1 234,5', '12,400', ''])).toBe(',');
    expect(columnMark(['7.9', '12,400'])).toBe('.');
    expect(columnMark(['12,400', '1 850'])).toBeUndefined();
    expect(columnMark(['0,5', '7.9'])).toBeUndefined();
    expect(readNumber('12,400', 'nb', ',')).toMatchObject({ value: 12.4 });
    expect(readNumber('12,400', 'nb', '.')).toMatchObject({ value: 12400 });
    expect(readNumber('12,400', 'en', ',')).toMatchObject({ value: 12.4 });
  });

  it('shows a number the plan language way', () => {
    expect(showNumber(12400, 'en')).toBe('12,400');
    expect(showNumber(12400, 'nb')).toBe('12\u00a0400');
    expect(showNumber(12.4, 'nb')).toBe('12,4');
    expect(showNumber(12400.5, 'bg')).toBe('12\u00a0400,5');
  });
});
