import { describe, expect, it } from 'vitest';
import { expectFindings, lintChanged, lintWith, summarise } from '../helpers.js';

describe('budget-cap', () => {
  it('the yearly total over the cap (monthly x 12, yearly and once x 1)', async () => {
    // 2000 x 12 + 3000 = 27,000; once 33,000 more is exactly the cap.
    await expectFindings(
      (p) =>
        p.budget.items.push({
          name: 'Film',
          category: 'service',
          cost: 33000,
          per: 'once',
          roi: 'long',
          objectives: ['comments'],
        }),
      [],
    );
    await expectFindings(
      (p) =>
        p.budget.items.push({
          name: 'Film',
          category: 'service',
          cost: 33001,
          per: 'once',
          roi: 'long',
          objectives: ['comments'],
        }),
      ['warning budget-cap budget.cap'],
    );
    const [f] = await lintChanged((p) => (p.budget.cap = 20000));
    // Intl puts a no-break space between the currency code and the amount.
    expect(f!.message).toBe(
      'the items cost NOK\u00a027,000 a year, NOK\u00a07,000 over the cap of NOK\u00a020,000: prioritise by ROI time frame (smplan budget shows what fits); the cut takes funding from ig-followers',
    );
  });
});

describe('budget-cap names the objectives a cut takes funding from (seed 002 §7)', () => {
  it('through the objectives and tactics the items name', async () => {
    const { findings } = await lintWith((p) => {
      p.channels[0].tactics[0].id = 'reels';
      p.budget.cap = 25000;
      p.budget.items[1].tactics = ['reels'];
      delete p.budget.items[1].objectives;
    });
    expect(summarise(findings)).toEqual(['warning budget-cap budget.cap']);
    expect(findings[0]!.message).toMatch(/; the cut takes funding from ig-followers$/);
  });
});
