/**
 * Budget against the cap (contract "Budget", method.md §9): yearly cost per item,
 * totals per category, and over the cap which items are kept, fastest return first.
 * Pure: no IO.
 */
import { listOf } from '../plan/decisions.js';
import { BUDGET_CATEGORIES, ROI_TIME_FRAMES, type Budget, type BudgetItem, type Plan } from '../plan/schema.js';

const MONTHS_PER_YEAR = 12;

/** Yearly cost: cost × 12 per month, × 1 per year, × 1 once; an item with no amount set costs 0. */
export function yearlyCost(item: Pick<BudgetItem, 'cost' | 'per'>): number {
  const cost = item.cost ?? 0;
  return item.per === 'month' ? cost * MONTHS_PER_YEAR : cost;
}

/** One item with its yearly cost; `name` and `yearly` are the contract's JSON keys. */
export interface BudgetLine {
  name: string;
  yearly: number;
  category: BudgetItem['category'];
  roi?: BudgetItem['roi'];
  /** Absent: the plan sets no amount for the item (paid media without amounts). */
  cost?: number;
  per?: BudgetItem['per'];
  /** A resource given in kind, not paid out. */
  in_kind?: boolean;
  channel?: string;
  /**
   * The objectives this item funds, in plan order: those it names and those of the tactics it
   * names. Only what the plan states: an item that names neither funds no objective (its channel
   * is not taken as a link).
   */
  objectives: string[];
  /** The ids of the channel tactics the item names, as written. */
  tactics: string[];
  /** The item names an objective or a tactic. */
  linked: boolean;
  /** Position in budget.items, for pointing back at the plan. */
  index: number;
}

export interface CategoryTotal {
  category: BudgetItem['category'];
  yearly: number;
  items: number;
  /** The part of `yearly` kept within the cap, and the part cut (0 within the cap). */
  kept: number;
  cut: number;
}

export interface BudgetPlan {
  /** Absent when the plan sets no cap: nothing is cut. */
  cap?: number;
  /** Yearly cost of every item. */
  total: number;
  /** How far the total exceeds the cap; 0 when within. */
  over_by: number;
  /** In priority order (roi short, medium, long; ties in file order). */
  kept: BudgetLine[];
  /** Over the cap: the items that did not fit in what was left of it, in the same order. */
  cut: BudgetLine[];
  /** Objectives a cut item funds, in plan order: the cut takes (some of) their funding. */
  objectives_losing_funding: string[];
  kept_total: number;
  cut_total: number;
  /** Over the cap: what stays unspent under it once the cut items are left out (cap - kept_total); 0 within. */
  unspent: number;
  /** Items with a cost that name no objective and no tactic, in file order. */
  unlinked: BudgetLine[];
  /** Per category in the schema's order, only categories that have items. */
  by_category: CategoryTotal[];
}

/** Items sorted by ROI time frame (short first, none given last); a stable sort keeps file order within each. */
export function byRoi(lines: readonly BudgetLine[]): BudgetLine[] {
  const rank = (roi: BudgetLine['roi']) => (roi === undefined ? ROI_TIME_FRAMES.length : ROI_TIME_FRAMES.indexOf(roi));
  return [...lines].sort((a, b) => rank(a.roi) - rank(b.roi));
}

/**
 * The budget against its cap. `plan` (its objectives and channel tactics) lets an item that names
 * tactics count as funding their objectives.
 */
export function budgetPlan(budget: Budget, plan?: Pick<Plan, 'objectives' | 'channels'>): BudgetPlan {
  const funded = fundedObjectives(plan);
  const lines: BudgetLine[] = (budget.items ?? []).map((item, index) => {
    const line: BudgetLine = {
      name: item.name,
      yearly: yearlyCost(item),
      category: item.category,
      objectives: funded(item),
      tactics: [...(item.tactics ?? [])],
      linked: !!(item.objectives?.length || item.tactics?.length),
      index,
    };
    if (item.roi !== undefined) line.roi = item.roi;
    if (item.cost !== undefined) line.cost = item.cost;
    if (item.per !== undefined) line.per = item.per;
    if (item.in_kind) line.in_kind = true;
    if (item.channel !== undefined) line.channel = item.channel;
    return line;
  });
  const total = sum(lines);
  const ordered = byRoi(lines);
  let kept = ordered;
  const cut: BudgetLine[] = [];
  const cap = budget.cap;
  if (cap !== undefined && total > cap) {
    // Fastest return first, each kept if it fits in what is left; a misfit does not stop a
    // later, smaller item (contract, changed 2026-12).
    kept = [];
    // A running total, not what is left: cap - spent rounds differently from spent + cost in
    // floating point, and "fits" must mean the kept total stays within the cap.
    let spent = 0;
    for (const line of ordered) {
      if (spent + line.yearly <= cap) {
        kept.push(line);
        spent += line.yearly;
      } else {
        cut.push(line);
      }
    }
  }
  const losing = new Set(cut.flatMap((l) => l.objectives));
  const byCategory = BUDGET_CATEGORIES.flatMap((category) => {
    const of = lines.filter((l) => l.category === category);
    const cutOf = cut.filter((l) => l.category === category);
    return of.length
      ? [{ category, yearly: sum(of), items: of.length, kept: sum(of) - sum(cutOf), cut: sum(cutOf) }]
      : [];
  });
  return {
    ...(cap !== undefined ? { cap } : {}),
    total,
    over_by: cap === undefined ? 0 : Math.max(0, total - cap),
    kept,
    cut,
    objectives_losing_funding: objectiveOrder(plan, losing),
    kept_total: sum(kept),
    cut_total: sum(cut),
    unspent: cut.length && budget.cap !== undefined ? budget.cap - sum(kept) : 0,
    unlinked: lines.filter((l) => !l.linked && l.yearly > 0),
    by_category: byCategory,
  };
}

/**
 * An item's objectives: those it names, then those of the tactics it names, in plan order. Never
 * guessed from the item's channel: a channel has several objectives, and an item may fund none of them.
 */
function fundedObjectives(plan: Pick<Plan, 'objectives' | 'channels'> | undefined): (item: BudgetItem) => string[] {
  const tactics = new Map<string, string[]>();
  for (const c of listOf(plan?.channels))
    for (const t of c.tactics ?? []) if (t.id !== undefined) tactics.set(t.id, t.objectives ?? []);
  return (item) => {
    const ids = new Set([...(item.objectives ?? []), ...(item.tactics ?? []).flatMap((t) => tactics.get(t) ?? [])]);
    return objectiveOrder(plan, ids);
  };
}

function objectiveOrder(plan: Pick<Plan, 'objectives'> | undefined, ids: Set<string>): string[] {
  const order = listOf(plan?.objectives).map((o) => o.id);
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return [...ids].sort((a, b) => rank(a) - rank(b));
}

function sum(lines: readonly BudgetLine[]): number {
  return lines.reduce((s, l) => s + l.yearly, 0);
}
