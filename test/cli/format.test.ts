import { describe, expect, it } from 'vitest';
import {
  columnDecimals,
  formatChange,
  formatCount,
  formatMeasure,
  formatMoney,
  formatNumber,
  formatPercent,
  plural,
} from '../../src/wording.js';

const sp = (s: string) => s.replace(/\u00a0/g, ' ');

describe('terminal number formatting', () => {
  it('groups whole counts exactly as Intl en-US does (without building a formatter)', () => {
    const intl = new Intl.NumberFormat('en-US', {
      maximumFractionDigits: 0,
      signDisplay: 'negative',
    } as unknown as Intl.NumberFormatOptions);
    const values = [
      0,
      -0,
      7,
      -7,
      999,
      1000,
      -1000,
      12_345,
      999_999,
      1_000_000,
      -9_876_543_210,
      Number.MAX_SAFE_INTEGER,
    ];
    for (let digits = 1; digits <= 15; digits++)
      values.push(Number('9'.repeat(digits)), -Number(`1${'0'.repeat(digits)}`));
    for (const v of values) expect(formatCount(v), String(v)).toBe(intl.format(v));
    for (const currency of ['USD', 'EUR', 'GBP', 'NOK', 'BGN']) {
      const money = new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency,
        minimumFractionDigits: 0,
        maximumFractionDigits: 0,
        signDisplay: 'negative',
      } as unknown as Intl.NumberFormatOptions);
      for (const v of values) expect(formatMoney(v, currency), `${currency} ${v}`).toBe(money.format(v));
    }
  });

  it('writes counts and measures with thousands separators and size-fitted decimals', () => {
    expect(formatCount(1234567.4)).toBe('1,234,567');
    expect(formatNumber(13276.13586)).toBe('13,276');
    expect(formatNumber(158.5714)).toBe('158.6');
    expect(formatNumber(7.513999)).toBe('7.51');
    expect(formatNumber(330)).toBe('330');
    expect(formatNumber(330, 1)).toBe('330.0');
    expect(columnDecimals([158.57, 330, 12.5])).toBe(2);
    // A figure as given keeps its decimals (13 276,1 is not 13 276); a computed one is sized.
    expect(columnDecimals([13276.1, 30000])).toBe(1);
    expect(columnDecimals([13276.1, 30000], false)).toBe(0);
    expect(columnDecimals([13276.123456, 30000])).toBe(0);
    expect(formatNumber(26.5)).toBe('26.50');
    expect(formatNumber(1234.5)).toBe('1,234.5');
  });
  it('shows fractions as percentages with fixed decimals, never -0', () => {
    expect(formatPercent(0.06431669)).toBe('6.43 %');
    expect(formatPercent(1.6722340425)).toBe('167.22 %');
    expect(formatPercent(0.0178494, 3)).toBe('1.785 %');
    expect(formatPercent(-0.00001)).toBe('0.00 %');
    expect(formatChange(1.5)).toBe('+150.0 %');
    expect(formatChange(-0.3)).toBe('-30.0 %');
    expect(formatChange(0.0001)).toBe('0.0 %');
  });
  it('writes money in the plan currency, cents only when needed', () => {
    expect(formatMoney(18000, 'USD')).toBe('$18,000');
    expect(formatMoney(7.99, 'USD')).toBe('$7.99');
    expect(formatMoney(90, 'NOK', true)).toMatch(/^NOK.90\.00$/);
    expect(sp(formatMoney(1500, 'NOK'))).toBe('NOK 1,500');
  });
  it('formats an objective figure by its unit', () => {
    expect(sp(formatMeasure(120, 'money', 'NOK'))).toBe('NOK 120');
    expect(sp(formatMeasure(120, 'NOK', 'NOK'))).toBe('NOK 120');
    expect(formatMeasure(0.042, '%', 'NOK')).toBe('4.20 %');
    expect(formatMeasure(2153.3, 'followers', 'NOK')).toBe('2,153');
  });
  it('counts nouns', () => {
    expect(plural(1, 'week')).toBe('1 week');
    expect(plural(1200, 'post')).toBe('1,200 posts');
  });
});
