/**
 * Budget against the cap (contract "Budget", method.md §9): yearly cost per item,
 * totals per category, and over the cap which items are kept, fastest return first.
 * Pure: no IO.
 */
import {
  BUDGET_CATEGORIES,
  ROI_TIME_FRAMES,
  type Budget,
  type BudgetItem,
} from '../plan/schema.js';

const MONTHS_PER_YEAR = 12;

/** Yearly cost: cost × 12 per month, × 1 per year, × 1 once. */
export function yearlyCost(item: Pick<BudgetItem, 'cost' | 'per'>): number {
  return item.per === 'month' ? item.cost * MONTHS_PER_YEAR : item.cost;
}

/** One item with its yearly cost; `name` and `yearly` are the contract's JSON keys. */
export interface BudgetLine {
  name: string;
  yearly: number;
  category: BudgetItem['category'];
  roi: BudgetItem['roi'];
  cost: number;
  per: BudgetItem['per'];
  channel?: string;
  /** Position in budget.items, for pointing back at the plan. */
  index: number;
}

export interface CategoryTotal {
  category: BudgetItem['category'];
  yearly: number;
  items: number;
}

export interface BudgetPlan {
  cap: number;
  /** Yearly cost of every item. */
  total: number;
  /** How far the total exceeds the cap; 0 when within. */
  over_by: number;
  /** In priority order (roi short, medium, long; ties in file order). */
  kept: BudgetLine[];
  /** Over the cap: the items from the first that no longer fits on, in the same order. */
  cut: BudgetLine[];
  kept_total: number;
  cut_total: number;
  /** Per category in the schema's order, only categories that have items. */
  by_category: CategoryTotal[];
}

/** Items sorted by ROI time frame (short first); a stable sort keeps file order within each. */
export function byRoi(lines: readonly BudgetLine[]): BudgetLine[] {
  return [...lines].sort((a, b) => ROI_TIME_FRAMES.indexOf(a.roi) - ROI_TIME_FRAMES.indexOf(b.roi));
}

export function budgetPlan(budget: Budget): BudgetPlan {
  const lines: BudgetLine[] = budget.items.map((item, index) => {
    const line: BudgetLine = {
      name: item.name,
      yearly: yearlyCost(item),
      category: item.category,
      roi: item.roi,
      cost: item.cost,
      per: item.per,
      index,
    };
    if (item.channel !== undefined) line.channel = item.channel;
    return line;
  });
  const total = sum(lines);
  const ordered = byRoi(lines);
  let kept = ordered;
  let cut: BudgetLine[] = [];
  if (total > budget.cap) {
    // Keep in priority order until the next item no longer fits; everything after it is cut.
    let running = 0;
    let n = 0;
    while (n < ordered.length && running + ordered[n]!.yearly <= budget.cap) running += ordered[n++]!.yearly;
    kept = ordered.slice(0, n);
    cut = ordered.slice(n);
  }
  const byCategory = BUDGET_CATEGORIES.flatMap((category) => {
    const of = lines.filter((l) => l.category === category);
    return of.length ? [{ category, yearly: sum(of), items: of.length }] : [];
  });
  return {
    cap: budget.cap,
    total,
    over_by: Math.max(0, total - budget.cap),
    kept,
    cut,
    kept_total: sum(kept),
    cut_total: sum(cut),
    by_category: byCategory,
  };
}

function sum(lines: readonly BudgetLine[]): number {
  return lines.reduce((s, l) => s + l.yearly, 0);
}
