import { describe, expect, it } from 'vitest';
import { budgetPlan, yearlyCost } from '../../src/compute/budget.js';
import type { BudgetItem } from '../../src/plan/schema.js';

function item(
  name: string,
  cost: number,
  per: BudgetItem['per'],
  roi: BudgetItem['roi'],
  category: BudgetItem['category'] = 'other',
): BudgetItem {
  return { name, cost, per, roi, category };
}

describe('yearlyCost', () => {
  it('is cost x 12 per month, x 1 per year and once', () => {
    expect(yearlyCost({ cost: 29, per: 'month' })).toBe(348);
    expect(yearlyCost({ cost: 12000, per: 'year' })).toBe(12000);
    expect(yearlyCost({ cost: 5000, per: 'once' })).toBe(5000);
  });
});

describe('budgetPlan', () => {
  it('keeps fastest return first while each fits (the acceptance plan, by hand)', () => {
    const plan = budgetPlan({
      cap: 40000,
      items: [
        item('Photographer', 600, 'month', 'long', 'service'),
        item('Instagram ads', 1500, 'month', 'short', 'advertising'),
        item('Scheduling tool', 29, 'month', 'medium', 'tool'),
        item('Launch event livestream', 5000, 'once', 'medium', 'service'),
        item('Loyalty app promo', 12000, 'year', 'short', 'advertising'),
      ],
    });
    expect(plan.total).toBe(42548);
    expect(plan.over_by).toBe(2548);
    expect(plan.kept.map((l) => [l.name, l.yearly])).toEqual([
      ['Instagram ads', 18000],
      ['Loyalty app promo', 12000],
      ['Scheduling tool', 348],
      ['Launch event livestream', 5000],
    ]);
    expect(plan.cut.map((l) => [l.name, l.yearly])).toEqual([['Photographer', 7200]]);
    expect(plan.kept_total).toBe(35348);
    expect(plan.by_category).toEqual([
      { category: 'advertising', yearly: 30000, items: 2, kept: 30000, cut: 0 },
      { category: 'tool', yearly: 348, items: 1, kept: 348, cut: 0 },
      { category: 'service', yearly: 12200, items: 2, kept: 5000, cut: 7200 },
    ]);
  });
  it('skips an item that does not fit and keeps a later, smaller one that does (contract, 2026-12)', () => {
    const plan = budgetPlan({
      cap: 100,
      items: [
        item('a', 60, 'year', 'short'),
        item('b', 50, 'year', 'short'),
        item('c', 10, 'year', 'medium'),
        item('d', 40, 'year', 'long'),
      ],
    });
    expect(plan.kept.map((l) => l.name)).toEqual(['a', 'c']);
    expect(plan.cut.map((l) => l.name)).toEqual(['b', 'd']);
    expect(plan.kept_total).toBe(70);
  });
  it('says which objectives a cut takes funding from, directly or through the tactics an item names', () => {
    const plan = budgetPlan(
      {
        cap: 100,
        items: [
          { ...item('ads', 90, 'year', 'short'), objectives: ['leads'] },
          { ...item('inbox tool', 20, 'year', 'medium'), tactics: ['fast-replies'] },
          { ...item('film crew', 30, 'year', 'long'), objectives: ['reach'], tactics: ['fast-replies'] },
        ],
      },
      {
        objectives: [{ id: 'reach' }, { id: 'leads' }, { id: 'response-time' }] as never,
        channels: [
          {
            id: 'facebook',
            role: 'primary',
            tactics: [{ id: 'fast-replies', action: 'Answer within two hours', objectives: ['response-time'] }],
          },
        ],
      },
    );
    expect(plan.kept.map((l) => [l.name, l.objectives])).toEqual([['ads', ['leads']]]);
    expect(plan.cut.map((l) => [l.name, l.objectives])).toEqual([
      ['inbox tool', ['response-time']],
      ['film crew', ['reach', 'response-time']],
    ]);
    expect(plan.objectives_losing_funding).toEqual(['reach', 'response-time']);
  });
  it('never guesses a link from the channel: an item that names nothing funds nothing and is unlinked', () => {
    const plan = budgetPlan(
      {
        cap: 100,
        items: [
          { ...item('ads', 90, 'year', 'short'), channel: 'linkedin' },
          { ...item('film', 30, 'year', 'long'), channel: 'linkedin', objectives: ['leads'] },
          item('free', 0, 'year', 'long'),
        ],
      },
      {
        objectives: [
          { id: 'leads', channel: 'linkedin' },
          { id: 'reach', channel: 'linkedin' },
        ] as never,
      },
    );
    expect(plan.kept.map((l) => [l.name, l.objectives, l.linked])).toEqual([
      ['ads', [], false],
      ['free', [], false],
    ]);
    expect(plan.cut.map((l) => [l.name, l.objectives, l.linked])).toEqual([['film', ['leads'], true]]);
    expect(plan.objectives_losing_funding).toEqual(['leads']);
    // Only spend counts as unlinked; what stays unspent under the cap once the cut is out.
    expect(plan.unlinked.map((l) => l.name)).toEqual(['ads']);
    expect(plan.unspent).toBe(10);
  });
  it('keeps everything, in priority order, within the cap (a total equal to the cap fits)', () => {
    const plan = budgetPlan({ cap: 120, items: [item('slow', 10, 'month', 'long'), item('fast', 0, 'once', 'short')] });
    expect(plan.over_by).toBe(0);
    expect(plan.kept.map((l) => l.name)).toEqual(['fast', 'slow']);
    expect(plan.cut).toEqual([]);
  });
  it('handles an empty item list', () => {
    expect(budgetPlan({ cap: 0, items: [] })).toMatchObject({
      total: 0,
      over_by: 0,
      kept: [],
      cut: [],
      by_category: [],
    });
  });
});
