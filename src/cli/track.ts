/** `smplan track FILE --actuals CSV`: plan versus actual, for the monthly review (method.md §12). */
import type { ChalkInstance } from 'chalk';
import type { TrackedObjective, TrackingResult, TrackStatus } from '../compute/track.js';
import { closedDays } from '../compute/holidays.js';
import { nextSession } from '../compute/review.js';
import { CLIError, EXIT } from './errors.js';
import type { LoadedPlan } from '../plan/load.js';
import { formatMeasure, formatMoney, formatPercent } from '../wording.js';
import { colorsFor, type Io } from './io.js';
import { printJson, readPlan } from './plan-input.js';
import { readTracking, type TrackingFlags } from './tracking.js';
import { formatTable, outputWidth, title, wrapText } from './table.js';
import { visible } from '../terminal.js';
import { oneLine } from '../diagnostics.js';
import { listOf } from '../plan/decisions.js';

export async function run(args: string[], options: Record<string, unknown>, io: Io): Promise<number> {
  const actuals = (options.actuals as string[] | undefined) ?? [];
  if (actuals.length === 0) {
    throw new CLIError(
      'missing --actuals CSV: give the actual figures, a CSV with date,objective,value columns',
      EXIT.usage,
      {
        hint: 'e.g. smplan track plan.yaml --actuals actuals.csv (see docs/monthly-review.md)',
      },
    );
  }
  const loaded = await readPlan(args, io);
  const tracking = await readTracking(loaded, options as TrackingFlags, io);
  if (options.json) printJson(io, trackJson(tracking));
  else {
    const closed = loaded.plan.review && tracking.asOf ? await closedDays(loaded.plan) : undefined;
    io.stdout.write(visible(trackReport(loaded, tracking, io, closed), { sgr: true }));
  }
  return EXIT.ok;
}

/** The contract's `track --json` shape first, then the forecast and the plan's figures. */
export function trackJson(tracking: TrackingResult): unknown {
  return {
    as_of: tracking.asOf ?? null,
    objectives: tracking.objectives.map((o) => ({
      id: o.id,
      date: o.date,
      actual: o.actual,
      expected: o.expected,
      progress: o.progress,
      expected_progress: o.expected_progress,
      status: o.status,
      forecast: o.forecast,
      forecast_progress: o.forecast_progress,
      trend_short_of_target: o.trend_short_of_target,
      metric: o.metric,
      baseline: o.baseline,
      target: o.target,
      start: o.start,
      deadline: o.deadline,
      curve: o.curve,
      actuals: (Object.hasOwn(tracking.actuals, o.id) ? tracking.actuals[o.id]! : []).map((v) => ({
        date: v.date,
        value: v.value,
        ...(v.note === undefined ? {} : { note: v.note }),
      })),
      note: latestNote(tracking, o) ?? null,
    })),
    ...(tracking.spend
      ? {
          spend: {
            as_of: tracking.spend.asOf,
            items: tracking.spend.items.map((i) => ({
              id: i.id,
              name: i.name,
              planned: i.planned,
              actual: i.actual,
              difference: i.difference,
            })),
            total: tracking.spend.total,
          },
        }
      : {}),
  };
}

/** The note on the objective's latest figure counted (why it moved), if the actuals give one. */
function latestNote(tracking: TrackingResult, o: TrackedObjective): string | undefined {
  if (o.date === null || !Object.hasOwn(tracking.actuals, o.id)) return undefined;
  return tracking.actuals[o.id]!.find((v) => v.date === o.date)?.note;
}

function statusText(status: TrackStatus, c: ChalkInstance): string {
  if (status === 'behind') return c.red(status);
  if (status === 'ahead') return c.cyan(status);
  if (status === 'on-track') return c.green(status);
  return c.dim(status);
}

function trackReport(
  loaded: LoadedPlan,
  tracking: TrackingResult,
  io: Io,
  closed: ReadonlySet<string> | undefined,
): string {
  const c = colorsFor(io);
  const { currency, title: planTitle } = loaded.plan.plan;
  const unitOf = new Map(listOf(loaded.plan.objectives).map((o) => [o.id, o.unit]));
  const out = [title(`Plan versus actual: ${planTitle}`, c)];
  if (tracking.objectives.length === 0) {
    out.push('', 'The plan has no objectives yet: add them under `objectives` to track them.');
    return out.join('\n') + '\n';
  }
  out.push(tracking.asOf ? `As of ${tracking.asOf}` : 'No actual figures for any objective yet.');
  // The same sessions the review chapter lists (compute/review).
  const next = tracking.asOf ? nextSession(loaded.plan, tracking.asOf, closed) : undefined;
  if (next) out.push(`Next review session: ${weekdayName(next)} ${next}`);
  out.push('');

  const percent = (v: number | null) => (v === null ? '–' : formatPercent(v, 1));
  const rows = tracking.objectives.map((o) => {
    const unit = unitOf.get(o.id);
    // Each row is another objective and unit: a whole actual stays whole (49, not 49.00).
    const show = (v: number | null) => (v === null ? '–' : formatMeasure(v, unit, currency));
    // The table pads plain text; colour is applied after, so widths stay right.
    return [
      o.id,
      o.date ?? '–',
      show(o.actual),
      show(o.expected),
      percent(o.progress),
      percent(o.expected_progress),
      o.status,
    ];
  });
  const lines = formatTable(
    [
      // Ids are what users type: never shortened, even past the width.
      { header: 'Objective' },
      { header: 'Date' },
      { header: 'Actual', align: 'right' },
      { header: 'Expected', align: 'right' },
      { header: 'Progress', align: 'right' },
      { header: 'Planned', align: 'right' },
      { header: 'Status' },
    ],
    rows,
    { width: outputWidth(io), headerStyle: c.dim },
  );
  out.push(lines[0]!);
  tracking.objectives.forEach((o, i) => {
    const line = lines[i + 1]!;
    out.push(line.slice(0, line.length - o.status.length) + statusText(o.status, c));
  });

  // What changed since the figure before (the review chapter's "What changed").
  const changes = tracking.objectives.flatMap((o) => {
    const series = (Object.hasOwn(tracking.actuals, o.id) ? tracking.actuals[o.id]! : []).filter(
      (v) => o.date !== null && v.date <= o.date,
    );
    const [before, latest] = series.slice(-2);
    if (!before || !latest) return [];
    const delta = latest.value - before.value;
    const shown = formatMeasure(Math.abs(delta), unitOf.get(o.id), currency);
    const line = `  ${o.id}: ${delta > 0 ? '+' : delta < 0 ? '-' : ''}${shown} since ${before.date}`;
    // The actuals' note on the latest figure, as the team wrote it: on one line, controls made visible.
    if (latest.note === undefined) return [line];
    const why = wrapText(`why: ${oneLine(latest.note)}`, outputWidth(io) - 6).map((l) => `      ${c.dim(l)}`);
    return [line, ...why];
  });
  if (changes.length) out.push('', title('Change since the figure before', c), ...changes);

  // Spend against budget: each budget item the actuals give spend for, and the total.
  if (tracking.spend) {
    const spend = tracking.spend;
    const money = (v: number) => formatMoney(v, currency);
    const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '-' : ''}${money(Math.abs(v))}`;
    const spendLines = formatTable(
      [
        { header: 'Budget item' },
        { header: 'Budgeted to date', align: 'right' },
        { header: 'Spent', align: 'right' },
        { header: 'Difference', align: 'right' },
      ],
      [
        ...spend.items.map((i) => [oneLine(i.name), money(i.planned), money(i.actual), signed(i.difference)]),
        ['Total', money(spend.total.planned), money(spend.total.actual), signed(spend.total.difference)],
      ],
      { width: outputWidth(io), headerStyle: c.dim },
    );
    out.push('', title(`Spend against budget (to ${spend.asOf})`, c), ...spendLines);
    out.push(
      c.dim('Budgeted to date: a monthly cost for each month of the plan gone (the month under way by'),
      c.dim('its days), a yearly cost by twelfths; a one-off cost in full. + is over the budget.'),
    );
  }

  // The review log's latest entry: what was decided last time, and where it stands.
  const decided = [...(loaded.plan.review?.log ?? [])]
    .filter((entry) => !tracking.asOf || entry.date <= tracking.asOf)
    .sort((a, b) => a.date.localeCompare(b.date))
    .at(-1);
  if (decided) {
    out.push('', title(`Decided last time (${decided.date})`, c));
    for (const d of decided.decisions ?? []) {
      const who = [d.owner, d.due ? `due ${d.due}` : undefined].filter(Boolean).join(', ');
      const line = `[${d.status ?? 'open'}] ${d.decision}${who ? ` (${who})` : ''}`;
      out.push(...wrapText(line, outputWidth(io) - 8).map((l, i) => (i ? `        ${l}` : `  ${l}`)));
    }
  }

  const forecasts = tracking.objectives.filter((o) => o.status !== 'no-data');
  if (forecasts.length) {
    out.push('', title("Forecast at each deadline (the actuals' trend)", c));
    for (const o of forecasts) out.push(`  ${o.id}: ${forecastSentence(o, unitOf.get(o.id), currency)}`);
  }
  out.push(
    '',
    c.dim('Progress: share of the way from baseline to target at the latest actual; Planned:'),
    c.dim('the share the plan expects by that date. behind / ahead: more than 5 points off.'),
    c.dim('Forecast: a least-squares trend through the baseline and the actuals (in log'),
    c.dim('space for a compound curve), read at the deadline.'),
  );
  return out.join('\n') + '\n';
}

function weekdayName(iso: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'short', timeZone: 'UTC' });
}

function forecastSentence(o: TrackedObjective, unit: string | undefined, currency: string): string {
  const show = (v: number) => formatMeasure(v, unit, currency);
  if (o.forecast === null) return `no trend yet (needs an actual after the start, ${o.start})`;
  const share = o.forecast_progress === null ? '' : `, ${formatPercent(o.forecast_progress, 0)} of the way`;
  const figures = `${show(o.forecast)} by ${o.deadline} (target ${show(o.target)}${share})`;
  if (o.date !== null && o.date >= o.deadline)
    return `${show(o.forecast)} measured on ${o.date}, at or after the deadline ${o.deadline} (target ${show(o.target)}${share})`;
  if (!o.trend_short_of_target || o.forecast_progress === null) return figures;
  const so = o.status === 'ahead' ? 'ahead so far' : 'on track so far';
  return `${so}; at this trend ${formatPercent(o.forecast_progress, 0)} of the way to the target by the deadline: ${figures}`;
}
