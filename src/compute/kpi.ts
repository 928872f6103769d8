/**
 * KPI targets (contract "Objective target", method.md §2 and §8): the resolved
 * target of each objective and its monthly milestones along the chosen curve.
 * Pure: no IO. Impossible inputs throw PlanComputeError, never NaN or Infinity.
 */
import type { PlanPath } from '../diagnostics.js';
import { relativeTarget, type Curve, type Objective, type Plan } from '../plan/schema.js';
import { addDays, daysBetween, monthEnd } from './dates.js';
import { PlanComputeError } from './errors.js';
import { listOf } from '../plan/decisions.js';

export interface Milestone {
  date: string;
  value: number;
}

/** One objective's computed targets; the first keys are the contract's `kpi --json` shape. */
export interface ObjectiveTargets {
  id: string;
  metric: string;
  baseline: number;
  /** The target as a number (a relative "+50%" resolved against the baseline). */
  target: number;
  start: string;
  deadline: string;
  curve: Curve;
  milestones: Milestone[];
  goal: string;
  channel?: string;
  unit?: string;
  /** The target as written when it was relative, e.g. "+120%". */
  target_relative?: string;
}

export interface ObjectiveWindow {
  start: string;
  deadline: string;
}

/** Where objective `index` lives in the plan, for error positions. */
function objectivePath(plan: Plan | undefined, o: Objective, key: string): PlanPath {
  const index = listOf(plan?.objectives).indexOf(o);
  return index >= 0 ? ['objectives', index, key] : ['objectives', key];
}

/** The percentage of a relative target: "+50%" -> 50, "-20 %" -> -20; undefined for a number. */
export function relativePercent(target: Objective['target']): number | undefined {
  if (typeof target === 'number') return undefined;
  if (!relativeTarget.test(target)) throw new Error(`not a relative target: ${target}`);
  return Number(target.replace(/\s|%/g, ''));
}

/** The target as a number: as written, or `baseline * (1 + p / 100)` for "+p%" / "-p%" (contract); never throws. */
export function targetNumber(o: Pick<Objective, 'baseline' | 'target'>): number {
  const p = relativePercent(o.target);
  return p === undefined ? (o.target as number) : o.baseline * (1 + p / 100);
}

/** An objective starts at its own `start`, else at the plan's start (contract). */
export function objectiveStart(o: Objective, plan: Plan): string {
  return o.start ?? plan.plan.start;
}

/** The absolute target (targetNumber), refused where it cannot be computed or tracked. */
export function resolveTarget(o: Objective, plan?: Plan): number {
  if (relativePercent(o.target) === undefined) return o.target as number;
  if (o.baseline === 0) {
    throw new PlanComputeError(
      `objective ${o.id}: a relative target (${String(o.target)}) of a zero baseline is always 0; write the target as a number`,
      objectivePath(plan, o, 'target'),
    );
  }
  const target = targetNumber(o);
  if (target < 0) {
    throw new PlanComputeError(
      `objective ${o.id}: ${String(o.target)} takes the target below zero`,
      objectivePath(plan, o, 'target'),
    );
  }
  return target;
}

/** The objective's start (default plan.start) and deadline; the deadline must not come before the start. */
export function objectiveWindow(o: Objective, plan: Plan): ObjectiveWindow {
  const start = objectiveStart(o, plan);
  if (daysBetween(start, o.deadline) < 0) {
    throw new PlanComputeError(
      `objective ${o.id}: the deadline ${o.deadline} comes before its start ${start}`,
      objectivePath(plan, o, 'deadline'),
    );
  }
  return { start, deadline: o.deadline };
}

/** Checks what the curve needs before any value is computed. */
function checkCurve(o: Objective, plan: Plan | undefined, target: number): Curve {
  const curve = o.curve ?? 'linear';
  if (curve === 'compound') {
    if (!(o.baseline > 0)) {
      throw new PlanComputeError(
        `objective ${o.id}: a compound curve grows by a steady rate from the baseline, so the baseline must be above 0 (or use curve: linear)`,
        objectivePath(plan, o, 'baseline'),
      );
    }
    if (!(target > 0)) {
      throw new PlanComputeError(
        `objective ${o.id}: a compound curve cannot reach a target of 0 (use curve: linear)`,
        objectivePath(plan, o, 'target'),
      );
    }
  }
  return curve;
}

/**
 * The curve's value at fraction `f` of the way from start (0) to deadline (1):
 * linear `baseline + (target - baseline) * f`, compound `baseline * (target / baseline) ** f`.
 */
export function curveValue(curve: Curve, baseline: number, target: number, f: number): number {
  if (f === 1) return target; // exact at the deadline, whatever the rounding of the power
  if (curve === 'compound') return baseline * (target / baseline) ** f;
  return baseline + (target - baseline) * f;
}

/**
 * The share of the objective's time elapsed at `date`: days(start -> date) / days(start -> deadline).
 * Not clamped: before the start it is negative, after the deadline above 1.
 * A deadline on the start day is reached at once (0 before it, 1 from it on).
 */
export function elapsedFraction(window: ObjectiveWindow, date: string): number {
  const total = daysBetween(window.start, window.deadline);
  const elapsed = daysBetween(window.start, date);
  if (total === 0) return elapsed < 0 ? 0 : 1;
  return elapsed / total;
}

/** An objective's resolved target, checked curve and window, and its value on any date. */
function objectiveCurve(o: Objective, plan: Plan) {
  const target = resolveTarget(o, plan);
  const curve = checkCurve(o, plan, target);
  const window = objectiveWindow(o, plan);
  const valueAt = (date: string) => curveValue(curve, o.baseline, target, elapsedFraction(window, date));
  return { target, curve, window, valueAt };
}

/** The value the plan expects for objective `o` on `date` (contract: the curve at that date). */
export function expectedValue(o: Objective, plan: Plan, date: string): number {
  return objectiveCurve(o, plan).valueAt(date);
}

/**
 * Milestone dates: every calendar month end strictly after the start and strictly
 * before the deadline, then the deadline itself.
 */
export function milestoneDates(window: ObjectiveWindow): string[] {
  const dates: string[] = [];
  for (let end = monthEnd(window.start); daysBetween(end, window.deadline) > 0; end = monthEnd(addDays(end, 1))) {
    if (daysBetween(window.start, end) > 0) dates.push(end);
  }
  dates.push(window.deadline);
  return dates;
}

export function milestones(o: Objective, plan: Plan): Milestone[] {
  return objectiveTargets(o, plan).milestones;
}

export function objectiveTargets(o: Objective, plan: Plan): ObjectiveTargets {
  const { target, curve, window, valueAt } = objectiveCurve(o, plan);
  const result: ObjectiveTargets = {
    id: o.id,
    metric: o.metric,
    baseline: o.baseline,
    target,
    start: window.start,
    deadline: window.deadline,
    curve,
    milestones: milestoneDates(window).map((date) => ({ date, value: valueAt(date) })),
    goal: o.goal,
  };
  if (o.channel !== undefined) result.channel = o.channel;
  if (o.unit !== undefined) result.unit = o.unit;
  if (typeof o.target === 'string') result.target_relative = o.target;
  return result;
}

/** Every objective's targets, in plan order (the contract's `kpi --json` objectives). */
export function kpiTargets(plan: Plan): ObjectiveTargets[] {
  return listOf(plan.objectives).map((o) => objectiveTargets(o, plan));
}
