/**
 * Plan versus actual (contract "Tracking", method.md §8 and §12): where each
 * objective stands at its latest actual figure, what the plan expected by then,
 * and where the actuals' trend lands at the deadline. Pure: no IO.
 */
import type { ActualRow, ActualsFindings, SpendRow } from '../plan/actuals.js';
import type { Curve, Plan } from '../plan/schema.js';
import { daysBetween, monthsGone } from './dates.js';
import { expectedValue, objectiveWindow, resolveTarget, type ObjectiveTargets } from './kpi.js';
import { listOf } from '../plan/decisions.js';
import { yearlyCost } from './budget.js';

export type TrackStatus = 'behind' | 'on-track' | 'ahead' | 'no-data';

/** How far progress may stray from the plan's expected progress and still be on track. */
export const ON_TRACK_TOLERANCE = 0.05;

/**
 * One objective's standing. The first keys are the contract's `track --json` shape;
 * with status `no-data` every figure is null.
 */
export interface TrackedObjective
  extends Pick<ObjectiveTargets, 'id' | 'metric' | 'baseline' | 'target' | 'start' | 'deadline' | 'curve'> {
  /** Date of the latest actual counted. */
  date: string | null;
  actual: number | null;
  /** The plan's curve at `date`. */
  expected: number | null;
  /**
   * (actual - baseline) / (target - baseline): 0 at the baseline, 1 at the target, whichever
   * way the target goes; null (also expected_progress) when the target equals the baseline.
   */
  progress: number | null;
  expected_progress: number | null;
  status: TrackStatus;
  /**
   * Where the actuals' trend reaches at the deadline (see forecastAtDeadline); once an actual is
   * dated on or after the deadline, that actual itself. Null without a trend.
   */
  forecast: number | null;
  forecast_progress: number | null;
  /**
   * On track (or ahead) so far, yet the trend ends more than ON_TRACK_TOLERANCE short of the
   * target: both are true and both are said.
   */
  trend_short_of_target: boolean;
}

export interface DatedValue {
  date: string;
  value: number;
  /** The actuals' note on this figure (why it moved, or its source), as written. */
  note?: string;
}

/** A budget item's spend to date against what the plan budgets for it by then. */
export interface SpendLine {
  id: string;
  name: string;
  /** The plan's cost to date: a monthly or yearly cost pro rata over the plan period, a one-off cost whole. */
  planned: number;
  /** The sum of the item's spend rows dated on or before the review date. */
  actual: number;
  /** actual - planned: above 0 is over the plan. */
  difference: number;
  /** The latest spend row counted. */
  latest: string;
}

export interface SpendToDate {
  /** The date spend is summed to. */
  asOf: string;
  items: SpendLine[];
  total: { planned: number; actual: number; difference: number };
}

export interface TrackingResult {
  /** The date the review stands at: --as-of, else the latest actual counted; undefined without any. */
  asOf?: string;
  /** Objectives with data in plan order, then those without (status no-data). */
  objectives: TrackedObjective[];
  /** Every actual counted per objective id, oldest first, one per date. */
  actuals: Record<string, DatedValue[]>;
  /** Spend against budget, when the actuals give any budget item's spend. */
  spend?: SpendToDate;
}

export interface TrackOptions {
  /** Only rows dated on or before this day count. */
  asOf?: string;
  /** Budget items' actual cost (`spend:<id>` rows), one per item and date. */
  spend?: readonly SpendRow[];
}

/** `behind` / `ahead` when progress strays more than ON_TRACK_TOLERANCE from the expected progress. */
export function trackStatus(progress: number, expectedProgress: number): TrackStatus {
  if (progress < expectedProgress - ON_TRACK_TOLERANCE) return 'behind';
  if (progress > expectedProgress + ON_TRACK_TOLERANCE) return 'ahead';
  return 'on-track';
}

/**
 * A target equal to its baseline ("+0%", a warning in lint) means holding a level:
 * progress has no scale, so the actual is compared with the target itself, within
 * ON_TRACK_TOLERANCE of it (relative) on track, above it ahead, below it behind.
 */
export function holdStatus(actual: number, target: number): TrackStatus {
  const deviation = (actual - target) / (Math.abs(target) || 1);
  if (deviation < -ON_TRACK_TOLERANCE) return 'behind';
  if (deviation > ON_TRACK_TOLERANCE) return 'ahead';
  return 'on-track';
}

/**
 * The value the actuals' trend reaches at the deadline: an ordinary least-squares
 * line through the baseline at the start and every actual dated on or after the
 * start, over days since the start, evaluated at the deadline. A compound curve
 * grows by a steady rate, so its trend is fitted to the logarithms (an exponential
 * trend). With one actual this is the straight line (or steady rate) from the
 * baseline through it. Null when there is no trend to draw: no actual after the
 * start day, or (compound) an actual of 0 or below, which has no logarithm.
 */
export function forecastAtDeadline(
  curve: Curve,
  baseline: number,
  window: { start: string; deadline: string },
  actuals: readonly DatedValue[],
): number | null {
  const points = [{ x: 0, y: baseline }];
  for (const a of actuals) {
    const x = daysBetween(window.start, a.date);
    if (x >= 0) points.push({ x, y: a.value });
  }
  const log = curve === 'compound';
  if (log && points.some((p) => !(p.y > 0))) return null;
  const ys = points.map((p) => (log ? Math.log(p.y) : p.y));
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = ys.reduce((s, y) => s + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  points.forEach((p, i) => {
    sxx += (p.x - meanX) ** 2;
    sxy += (p.x - meanX) * (ys[i]! - meanY);
  });
  if (sxx === 0) return null;
  const fitted = meanY + (sxy / sxx) * (daysBetween(window.start, window.deadline) - meanX);
  const value = log ? Math.exp(fitted) : fitted;
  return Number.isFinite(value) ? value : null;
}

/**
 * Every objective of the plan against its actuals. Rows are expected to name
 * objectives of the plan (the reader checks that); rows for other ids are ignored.
 * On one date for one objective the last row given counts.
 */
export function trackPlan(plan: Plan, rows: readonly ActualRow[], options: TrackOptions = {}): TrackingResult {
  // A list per objective, made one per date below (no map per figure: a file may give a million points).
  const byObjective = new Map<string, DatedValue[]>();
  for (const row of rows) {
    if (options.asOf !== undefined && row.date > options.asOf) continue;
    let list = byObjective.get(row.objective);
    if (!list) byObjective.set(row.objective, (list = []));
    list.push(
      row.note === undefined
        ? { date: row.date, value: row.value }
        : { date: row.date, value: row.value, note: row.note },
    );
  }

  const withData: TrackedObjective[] = [];
  const withoutData: TrackedObjective[] = [];
  const actuals: Record<string, DatedValue[]> = {};
  let latest: string | undefined;

  listOf(plan.objectives).forEach((o) => {
    const target = resolveTarget(o, plan);
    const window = objectiveWindow(o, plan);
    const curve: Curve = o.curve ?? 'linear';
    const span = target - o.baseline;
    const base = {
      id: o.id,
      metric: o.metric,
      baseline: o.baseline,
      target,
      start: window.start,
      deadline: window.deadline,
      curve,
    };
    const series = lastPerDate(byObjective.get(o.id) ?? []);
    const last = series.at(-1);
    if (!last) {
      withoutData.push({
        ...base,
        date: null,
        actual: null,
        expected: null,
        progress: null,
        expected_progress: null,
        status: 'no-data',
        forecast: null,
        forecast_progress: null,
        trend_short_of_target: false,
      });
      return;
    }
    actuals[o.id] = series;
    if (latest === undefined || last.date > latest) latest = last.date;
    const expected = expectedValue(o, plan, last.date);
    // A measured value at (or past) the deadline is the answer; no trend should contradict it.
    const measured = daysBetween(window.deadline, last.date) >= 0;
    const forecast = measured ? last.value : forecastAtDeadline(curve, o.baseline, window, series);
    const figures = { ...base, date: last.date, actual: last.value, expected, forecast };
    if (span === 0) {
      withData.push({
        ...figures,
        progress: null,
        expected_progress: null,
        status: holdStatus(last.value, target),
        forecast_progress: null,
        trend_short_of_target: false,
      });
      return;
    }
    const progress = (last.value - o.baseline) / span;
    const expectedProgress = (expected - o.baseline) / span;
    const status = trackStatus(progress, expectedProgress);
    const forecastProgress = forecast === null ? null : (forecast - o.baseline) / span;
    withData.push({
      ...figures,
      progress,
      expected_progress: expectedProgress,
      status,
      forecast_progress: forecastProgress,
      trend_short_of_target:
        status !== 'behind' && forecastProgress !== null && forecastProgress < 1 - ON_TRACK_TOLERANCE,
    });
  });

  const spendRows = (options.spend ?? []).filter((r) => options.asOf === undefined || r.date <= options.asOf);
  for (const r of spendRows) if (latest === undefined || r.date > latest) latest = r.date;
  const asOf = options.asOf ?? latest;
  const spend = asOf === undefined || !spendRows.length ? undefined : spendToDate(plan, spendRows, asOf);
  return {
    ...(asOf === undefined ? {} : { asOf }),
    objectives: [...withData, ...withoutData],
    actuals,
    ...(spend ? { spend } : {}),
  };
}

/** Oldest first, one figure per date: on one date the last row given counts (a stable sort keeps their order). */
function lastPerDate(rows: DatedValue[]): DatedValue[] {
  rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let kept = 0;
  for (let i = 0; i < rows.length; i++) {
    if (kept > 0 && rows[kept - 1]!.date === rows[i]!.date) rows[kept - 1] = rows[i]!;
    else rows[kept++] = rows[i]!;
  }
  rows.length = kept;
  return rows;
}

/**
 * Each budget item with spend rows: the spend summed to `asOf` against the plan's cost to that
 * day. A cost per month is due for each month of the plan gone by `asOf` (the month under way by
 * its days), a cost per year by twelfths the same way; a one-off cost is budgeted whole, as the plan
 * gives no date for it. Items in budget order; rows for ids the plan does not have are the reader's error, skipped here.
 */
export function spendToDate(plan: Plan, rows: readonly SpendRow[], asOf: string): SpendToDate {
  const spent = new Map<string, { sum: number; latest: string }>();
  for (const r of rows) {
    if (r.date > asOf) continue;
    const s = spent.get(r.item) ?? { sum: 0, latest: r.date };
    s.sum += r.value;
    if (r.date > s.latest) s.latest = r.date;
    spent.set(r.item, s);
  }
  // Months of the plan gone by `asOf`: a monthly cost is due month by month, a yearly one by twelfths.
  const months = monthsGone(plan.plan.start, asOf < plan.plan.end ? asOf : plan.plan.end);
  const items: SpendLine[] = [];
  for (const item of listOf(plan.budget?.items)) {
    const s = item.id === undefined ? undefined : spent.get(item.id);
    if (!s || item.id === undefined) continue;
    const yearly = yearlyCost(item);
    const planned = item.per === 'once' ? yearly : (yearly / 12) * months;
    items.push({ id: item.id, name: item.name, planned, actual: s.sum, difference: s.sum - planned, latest: s.latest });
  }
  const planned = items.reduce((t, i) => t + i.planned, 0);
  const actual = items.reduce((t, i) => t + i.actual, 0);
  return { asOf, items, total: { planned, actual, difference: actual - planned } };
}

/**
 * Points outside their objective's window: a warning each (into the actuals' findings log), since
 * the plan's curve is extended past it. One per point: the reader keeps one per objective and date.
 */
export function rowsOutsideWindow(plan: Plan, rows: readonly ActualRow[], log: ActualsFindings): void {
  const objectives = new Map(listOf(plan.objectives).map((o) => [o.id, { o, window: objectiveWindow(o, plan) }]));
  for (const row of rows) {
    const known = objectives.get(row.objective);
    if (!known) continue;
    const { o, window } = known;
    if (daysBetween(window.start, row.date) < 0) {
      log.add(
        row.file,
        row.line,
        'warning',
        'actuals-window',
        () => `${row.date} is before ${o.id} starts (${window.start})`,
      );
    } else if (daysBetween(window.deadline, row.date) > 0) {
      log.add(
        row.file,
        row.line,
        'warning',
        'actuals-window',
        () =>
          `${row.date} is after ${o.id}'s deadline (${window.deadline}): the expected value extends the curve past the target`,
      );
    }
  }
}
