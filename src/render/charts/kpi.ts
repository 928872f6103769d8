/** The KPI small multiples: one chart per objective, all on the same time axis and plot width. */
import type { DatedValue } from '../../compute/track.js';
import { unitKind } from '../../units.js';
import type { RenderContext } from '../context.js';
import { endTicks, type TimeAxis, timeAxis } from './scales.js';
import { baseConfig, type ChartEnv, HALF_WIDTH, lines, PALETTE, padLines, type Spec, TITLE_SIZE } from './theme.js';

/** Milestones along the objective's curve from its baseline, with measured values drawn over them. */
export function kpiSpec(
  env: ChartEnv,
  o: RenderContext['objectives'][number],
  actuals: readonly DatedValue[],
  titleLines = 1,
  time: TimeAxis = timeAxis([env.plan.plan.start, env.plan.plan.end, o.start, ...o.milestones.map((m) => m.date)]),
): Spec {
  const planLabel = env.t('chart.kpi.milestones');
  const actualLabel = env.t('chart.kpi.actuals');
  const values = [
    { date: o.start, value: o.baseline, series: planLabel },
    ...o.milestones.map((m) => ({ date: m.date, value: m.value, series: planLabel })),
    ...actuals.map((a) => ({ date: a.date, value: a.value, series: actualLabel })),
  ];
  const series = actuals.length ? [planLabel, actualLabel] : [planLabel];
  const kind = unitKind(o.unit, env.plan.plan.currency);
  const ticks = endTicks(values.map((v) => v.value));
  const whole = ticks.every((v) => Number.isInteger(v));
  const format =
    kind === 'percent' ? '.1~%' : kind === 'money' ? (whole ? '$,.0f' : '$,.2f') : whole ? ',.0f' : ',.2~f';
  // The legend's symbols filled only: the series' dash drawn round a small square made it ragged.
  const legend = actuals.length ? { symbolStrokeWidth: 0 } : null;
  return {
    ...baseConfig(env, HALF_WIDTH),
    // The objective names the chart (small multiples have no heading of their own); every title of
    // the set takes as many lines as the longest, so the plots of a row line up.
    title: padLines(kpiTitle(env, o), titleLines),
    height: 140,
    data: { values },
    mark: { type: 'line', point: { filled: true, size: 40 }, strokeWidth: 2.2 },
    encoding: {
      x: {
        field: 'date',
        type: 'temporal',
        title: null,
        // Plan dates are calendar days: read and labelled in UTC, so the machine's zone never moves a tick.
        // Every chart of the set spans the same period, so a month sits in the same place in each.
        // Padded by a point's radius: a point on the last day must not widen one chart's bounds.
        scale: { type: 'utc', domain: [time.from, time.to], nice: false, padding: 6 },
        // The blank ticks count as labels too: vega's overlap rule would otherwise drop every other quarter.
        axis: {
          format: '%b',
          labelAngle: 0,
          values: time.ticks,
          labelExpr: time.labelExpr,
          labelOverlap: false,
          labelFlush: false,
          grid: false,
        },
      },
      y: {
        field: 'value',
        type: 'quantitative',
        // A title's line on every chart (blank where the unit is in the labels) and one label width:
        // the plots of the set start at the same x, so their months line up.
        title: (kind === 'count' ? o.unit : undefined) ?? ' ',
        scale: { domain: [ticks[0], ticks.at(-1)], nice: false, zero: false },
        axis: { format, values: ticks, minExtent: 52, maxExtent: 52 },
      },
      // Colour, dash and point shape all tell plan from actual: each on its own reads in grayscale.
      color: { field: 'series', type: 'nominal', scale: { domain: series, range: [PALETTE[0], PALETTE[1]] }, legend },
      strokeDash: {
        field: 'series',
        type: 'nominal',
        scale: {
          domain: series,
          range: [
            [1, 0],
            [5, 3],
          ],
        },
        // The legend shows colour and shape; a dash drawn over its symbol only blurs it.
        legend: null,
      },
      shape: { field: 'series', type: 'nominal', scale: { domain: series, range: ['circle', 'square'] }, legend },
    },
  };
}

export const kpiTitle = (env: ChartEnv, o: RenderContext['objectives'][number]) =>
  lines(env, o.chart.title, HALF_WIDTH - 8, TITLE_SIZE, 700);
