import { describe, expect, it } from 'vitest';
import { budgetPlan, yearlyCost } from '../../src/compute/budget.js';
import type { BudgetItem } from '../../src/plan/schema.js';

function item(name: string, cost: number, per: BudgetItem['per'], roi: BudgetItem['roi'], category: BudgetItem['category'] = 'other'): BudgetItem {
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
  it('keeps fastest return first until the next item no longer fits (the acceptance plan, by hand)', () => {
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
      { category: 'advertising', yearly: 30000, items: 2 },
      { category: 'tool', yearly: 348, items: 1 },
      { category: 'service', yearly: 12200, items: 2 },
    ]);
  });
  it('cuts everything after the first item that does not fit, even a smaller one that would', () => {
    const plan = budgetPlan({ cap: 100, items: [item('a', 60, 'year', 'short'), item('b', 50, 'year', 'short'), item('c', 10, 'year', 'medium')] });
    expect(plan.kept.map((l) => l.name)).toEqual(['a']);
    expect(plan.cut.map((l) => l.name)).toEqual(['b', 'c']);
  });
  it('keeps everything, in priority order, within the cap (a total equal to the cap fits)', () => {
    const plan = budgetPlan({ cap: 120, items: [item('slow', 10, 'month', 'long'), item('fast', 0, 'once', 'short')] });
    expect(plan.over_by).toBe(0);
    expect(plan.kept.map((l) => l.name)).toEqual(['fast', 'slow']);
    expect(plan.cut).toEqual([]);
  });
  it('handles an empty item list', () => {
    expect(budgetPlan({ cap: 0, items: [] })).toMatchObject({ total: 0, over_by: 0, kept: [], cut: [], by_category: [] });
  });
});
