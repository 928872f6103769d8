/**
 * Plan versus actual (contract "Tracking", method.md §8 and §12): where each
 * objective stands at its latest actual figure, what the plan expected by then,
 * and where the actuals' trend lands at the deadline. Pure: no IO.
 */
import type { ActualRow, ActualsFinding } from '../plan/actuals.js';
import type { Curve, Plan } from '../plan/schema.js';
import { daysBetween } from './dates.js';
import { expectedValue, objectiveWindow, resolveTarget, type ObjectiveTargets } from './kpi.js';
import { listOf } from '../plan/decisions.js';

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
}

export interface TrackingResult {
  /** The date the review stands at: --as-of, else the latest actual counted; undefined without any. */
  asOf?: string;
  /** Objectives with data in plan order, then those without (status no-data). */
  objectives: TrackedObjective[];
  /** Every actual counted per objective id, oldest first, one per date. */
  actuals: Record<string, DatedValue[]>;
}

export interface TrackOptions {
  /** Only rows dated on or before this day count. */
  asOf?: string;
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
  const byObjective = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if (options.asOf !== undefined && row.date > options.asOf) continue;
    let dates = byObjective.get(row.objective);
    if (!dates) byObjective.set(row.objective, (dates = new Map()));
    dates.set(row.date, row.value);
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
    const series = [...(byObjective.get(o.id) ?? new Map<string, number>())]
      .map(([date, value]) => ({ date, value }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
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

  const asOf = options.asOf ?? latest;
  return { ...(asOf === undefined ? {} : { asOf }), objectives: [...withData, ...withoutData], actuals };
}

/** Rows outside their objective's window: a warning each, since the plan's curve is extended past it. */
export function rowsOutsideWindow(plan: Plan, rows: readonly ActualRow[]): ActualsFinding[] {
  const findings: ActualsFinding[] = [];
  const objectives = new Map(listOf(plan.objectives).map((o) => [o.id, o]));
  const seen = new Set<string>();
  for (const row of rows) {
    const key = `${row.objective}\u0000${row.date}`;
    // A repeated objective and date is checkActualRows' finding, not a second one here.
    if (seen.has(key)) continue;
    seen.add(key);
    const o = objectives.get(row.objective);
    if (!o) continue;
    const window = objectiveWindow(o, plan);
    if (daysBetween(window.start, row.date) < 0) {
      findings.push({
        file: row.file,
        line: row.line,
        severity: 'warning',
        message: `${row.date} is before ${o.id} starts (${window.start})`,
      });
    } else if (daysBetween(window.deadline, row.date) > 0) {
      findings.push({
        file: row.file,
        line: row.line,
        severity: 'warning',
        message: `${row.date} is after ${o.id}'s deadline (${window.deadline}): the expected value extends the curve past the target`,
      });
    }
  }
  return findings;
}
