import { describe, expect, it } from 'vitest';
import { formatMeasure } from '../../src/wording.js';
import { createFormatter } from '../../src/render/format.js';
import { unitKind } from '../../src/units.js';

describe('unitKind', () => {
  it('reads money, fractions and counts, whatever the case', () => {
    expect(unitKind('money', 'NOK')).toBe('money');
    expect(unitKind(' Currency ', 'NOK')).toBe('money');
    expect(unitKind('nok', 'NOK')).toBe('money');
    expect(unitKind('EUR', 'NOK')).toBe('count');
    for (const u of ['%', 'percent', 'Rate']) expect(unitKind(u, 'NOK')).toBe('percent');
    expect(unitKind('followers', 'NOK')).toBe('count');
    expect(unitKind(undefined, 'NOK')).toBe('count');
  });

  it('the terminal and the document show an objective of each kind the same way', () => {
    const doc = createFormatter('en', 'USD');
    expect([formatMeasure(0.05, '%', 'USD'), doc.measure(0.05, '%')]).toEqual(['5.00 %', '5.00%']);
    expect([formatMeasure(1500, 'usd', 'USD'), doc.measure(1500, 'usd')]).toEqual(['$1,500', '$1,500']);
    expect([formatMeasure(42, 'demos', 'USD'), doc.measure(42, 'demos')]).toEqual(['42', '42 demos']);
  });
});
