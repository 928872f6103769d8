/** Axis ticks and the shared time axis: pure arithmetic on the data, no vega. */
import { range } from './theme.js';

/** A step of 1, 2 or 5 times a power of ten that cuts a span into about `count` parts. */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

/** Axis ticks from a round number below the data to one above it: both ends are labelled. */
export function endTicks(values: readonly number[], count = 4): number[] {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    const pad = Math.abs(lo) * 0.1 || 1;
    lo -= pad;
    hi += pad;
  }
  const step = niceStep(hi - lo, count);
  const first = Math.floor(lo / step + 1e-9) * step;
  const last = Math.ceil(hi / step - 1e-9) * step;
  const n = Math.round((last - first) / step);
  // Rounded to the step's precision: 0.1 + 0.2 is a tick label, not 0.30000000000000004.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return range(n + 1).map((i) => Number((first + i * step).toFixed(digits)));
}

export interface TimeAxis {
  /** UTC milliseconds of the first and last day shown. */
  from: number;
  to: number;
  /** A tick on the first of every month (every quarter over two years); labels on every third (every fourth). */
  ticks: number[];
  labelExpr: string;
}

/** One time axis over all the given dates (the plan period, milestones, measurements): month ticks from its first month. */
export function timeAxis(dates: readonly string[]): TimeAxis {
  const days = dates.map((d) => Date.parse(`${d.slice(0, 10)}T00:00:00Z`)).filter((t) => Number.isFinite(t));
  const from = Math.min(...days);
  const to = Math.max(...days);
  const first = new Date(from);
  const months =
    (new Date(to).getUTCFullYear() - first.getUTCFullYear()) * 12 + new Date(to).getUTCMonth() - first.getUTCMonth();
  const step = months > 24 ? 3 : 1;
  const labelEvery = months > 24 ? 12 : 3;
  const ticks: number[] = [];
  for (let m = first.getUTCDate() === 1 ? 0 : 1; m <= months; m += step)
    ticks.push(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + m, 1));
  const startMonth = first.getUTCFullYear() * 12 + first.getUTCMonth();
  // A label on the plan's first month and every quarter (every year on a long plan) after it; the other ticks stay bare.
  const labelExpr = `(utcyear(datum.value) * 12 + utcmonth(datum.value) - ${startMonth}) % ${labelEvery} == 0 ? utcFormat(datum.value, '%b') : ''`;
  return { from, to, ticks, labelExpr };
}
