/**
 * The folder's charts as standalone SVG: vega-lite specs rendered headless by vega (no DOM,
 * no fetches), plus the SWOT grid drawn by hand. One palette and the Noto Sans family
 * that the HTML embeds; numbers and month names in the plan's language.
 */
import type { DatedValue, TrackingResult } from '../compute/track.js';
import { channelName, type Plan } from '../plan/schema.js';
import { escapeXml, xmlSafe } from '../markup.js';
import { unitKind } from '../units.js';
import type { RenderContext } from './context.js';
import type { Formatter } from './format.js';
import type { Translator } from './i18n.js';
import { type TextMeasure, textMeasure, wrapText } from './text-width.js';

export interface Chart {
  /** Relative path inside the folder, e.g. charts/kpi-ig-reach.svg */
  file: string;
  title: string;
  /** A standalone SVG document (no external fonts or images). */
  svg: string;
}

export const FONT_FAMILY = "'Noto Sans', 'Helvetica Neue', Arial, sans-serif";
/** Deep blue for the plan, then calm contrasting tones; colour-blind-safe neighbours. */
export const PALETTE = ['#1b4965', '#e07a1f', '#5fa8d3', '#8cb369', '#bc4b51', '#5b507a', '#9a8c98', '#f4c95d'];
/**
 * Series that sit side by side (budget categories): one hue in clear lightness steps, dark to
 * light in drawing order, so they stay apart on a grayscale printer: one step per category, each
 * about 45 of 255 lighter in grey than the one before (closer dark blues print alike).
 */
export const STEPS = ['#003859', '#29698b', '#6094b5', '#97bbd4', '#cedfec'];
const INK = '#1f2933';
const MUTED = '#52606d';
const GRID = '#e4e7eb';
/** Competitors' bars: a light tone under our own dark one, told apart by the label on each bar. */
const OTHERS = '#8fb4d0';

/**
 * The printed text width in CSS px (A4, 18 mm margins: 174 mm). Charts are drawn at this size and
 * printed at it, so a 10 px label prints at 7.5 pt; small multiples take half of it.
 */
export const TEXT_WIDTH = 658;
export const HALF_WIDTH = 320;
/** One type scale for every chart: labels 11 px (8.25 pt), titles 12 px bold. */
const LABEL = 11;
const TITLE_SIZE = 12;

type Spec = Record<string, unknown>;

interface ChartEnv {
  fmt: Formatter;
  t: Translator['t'];
  plan: Plan;
  /** vegaLocale(fmt), built once for all the charts of a render. */
  vegaLocale: Spec;
  measure: TextMeasure;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** d3-format / d3-time-format locale definitions built from Intl, so axes read like the text. */
function vegaLocale(fmt: Formatter, currency: string): Spec {
  const sample = new Intl.NumberFormat(fmt.locale).formatToParts(-12345.6);
  const decimal = sample.find((p) => p.type === 'decimal')?.value ?? '.';
  const thousands = sample.find((p) => p.type === 'group')?.value ?? ',';
  const minus = sample.find((p) => p.type === 'minusSign')?.value ?? '-';
  // "2,67 %" in nb and bg, "2.67%" in en: the sign with whatever space the language puts before it.
  const percentParts = new Intl.NumberFormat(fmt.locale, { style: 'percent' }).formatToParts(0.5);
  const percentAt = percentParts.findIndex((p) => p.type === 'percentSign');
  const before = percentParts[percentAt - 1]?.type === 'literal' ? percentParts[percentAt - 1]!.value : '';
  const percent = `${before}${percentParts[percentAt]?.value ?? '%'}`;
  // "£1,000", "1 000 kr", "1000 €": the symbol on the side and with the space the language uses.
  const moneyParts = new Intl.NumberFormat(fmt.locale, { style: 'currency', currency }).formatToParts(1);
  const numberAt = moneyParts.findIndex((p) => p.type === 'integer');
  const symbolAt = moneyParts.findIndex((p) => p.type === 'currency');
  const symbol = moneyParts[symbolAt]?.value ?? currency;
  const between = moneyParts
    .slice(Math.min(numberAt, symbolAt) + 1, Math.max(numberAt, symbolAt))
    .filter((p) => p.type === 'literal')
    .map((p) => p.value)
    .join('');
  const moneyAffix = symbolAt < numberAt ? [symbol + between, ''] : ['', between + symbol];
  const months = (style: 'long' | 'short') => {
    const f = new Intl.DateTimeFormat(fmt.locale, { month: style, timeZone: 'UTC' });
    return range(12).map((m) => f.format(new Date(Date.UTC(2024, m, 15))));
  };
  const days = (style: 'long' | 'short') => {
    const f = new Intl.DateTimeFormat(fmt.locale, { weekday: style, timeZone: 'UTC' });
    return range(7).map((d) => f.format(new Date(Date.UTC(2024, 0, 7 + d))));
  };
  return {
    number: { decimal, thousands, grouping: [3], currency: moneyAffix, percent, minus },
    time: {
      dateTime: '%x %X',
      date: '%d.%m.%Y',
      time: '%H:%M:%S',
      periods: ['AM', 'PM'],
      days: days('long'),
      shortDays: days('short'),
      months: months('long'),
      // Where the language's short month is a number ("01" in bg), the axis writes the name out.
      shortMonths: (/^\d/.test(months('short')[0]!) ? months('long') : months('short')).map((m) =>
        m.replace(/\.$/, ''),
      ),
    },
  };
}

const TITLE = { font: FONT_FAMILY, fontSize: TITLE_SIZE, fontWeight: 700, color: INK, anchor: 'start', offset: 8 };
const AXIS = {
  labelFont: FONT_FAMILY,
  titleFont: FONT_FAMILY,
  labelColor: MUTED,
  titleColor: MUTED,
  labelFontSize: LABEL,
  titleFontSize: LABEL,
  titleFontWeight: 400,
  gridColor: GRID,
  domainColor: '#9aa5b1',
  tickColor: '#9aa5b1',
};
const LEGEND = {
  labelFont: FONT_FAMILY,
  titleFont: FONT_FAMILY,
  labelColor: INK,
  titleColor: MUTED,
  labelFontSize: LABEL,
  labelLimit: 0,
  orient: 'bottom',
  direction: 'horizontal',
  title: null,
};

/** Every chart exactly its printed width: vega fits the plot inside it, labels included. */
function baseConfig(env: ChartEnv, width: number, autosize = 'fit-x'): Spec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width,
    autosize: { type: autosize, contains: 'padding' },
    padding: 4,
    config: {
      locale: env.vegaLocale,
      font: FONT_FAMILY,
      background: '#ffffff',
      view: { stroke: null },
      title: TITLE,
      axis: AXIS,
      legend: LEGEND,
      text: { font: FONT_FAMILY, fontSize: LABEL, color: INK },
      range: { category: PALETTE },
    },
  };
}

/**
 * SVGs already drawn in this process, by their spec (which holds the data): a live preview
 * renders the same plan again on every save, and most of its charts did not change.
 */
const drawn = new Map<string, Promise<string>>();
const DRAWN_KEPT = 64;

function toSvg(spec: Spec): Promise<string> {
  const key = JSON.stringify(spec);
  let svg = drawn.get(key);
  if (!svg) {
    svg = draw(spec);
    drawn.set(key, svg);
    svg.catch(() => drawn.delete(key));
    if (drawn.size > DRAWN_KEPT) drawn.delete(drawn.keys().next().value!);
  }
  return svg;
}

async function draw(spec: Spec): Promise<string> {
  const [vl, vega, measure] = await Promise.all([import('vega-lite'), import('vega'), textMeasure()]);
  // Without a canvas vega guesses 0.8 em a character, which makes a long title crowd its plot:
  // it lays out with the widths of the fonts the document embeds instead.
  (vega as unknown as { textMetrics: { width: unknown } }).textMetrics.width = (
    item: { fontSize?: number; fontWeight?: string | number },
    text: string,
  ) =>
    measure.width(
      String(text ?? ''),
      item.fontSize != null ? +item.fontSize || 0 : 11,
      Number(item.fontWeight) >= 600 || item.fontWeight === 'bold' ? 700 : 400,
    );
  // Quiet: a chart's layout notes are no message for the user of a command-line tool.
  const logger = vega.logger(vega.None);
  const compiled = vl.compile(withoutLineSeparators(spec) as never, { logger }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger });
  const svg = await view.toSVG();
  view.finalize();
  return ownClipIds(svg);
}

/**
 * vega-lite writes sort orders and the like into expressions, whose parser rejects U+2028 and
 * U+2029 inside a string: in plan text they are spaces (vega draws no line break for them either).
 */
function withoutLineSeparators(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/[\u2028\u2029]/g, ' ');
  if (Array.isArray(value)) return value.map(withoutLineSeparators);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutLineSeparators(v)]));
  return value;
}

/**
 * vega numbers clip paths across the process (clip1 … clip9 in the first chart, clip10 … in the
 * next); numbered per chart, a chart's SVG is the same whatever was drawn before it in the
 * process (a render, a live preview's hundredth render).
 */
function ownClipIds(svg: string): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/\sid="(clip\d+)"/g)) if (!ids.has(m[1]!)) ids.set(m[1]!, `clip${ids.size + 1}`);
  if ([...ids].every(([from, to]) => from === to)) return svg;
  return svg.replace(/(\sid="|url\(#)(clip\d+)\b/g, (whole, lead: string, id: string) =>
    ids.has(id) ? lead + ids.get(id)! : whole,
  );
}

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

/** A label split into lines for vega (which draws an array as lines), measured in the chart font. */
function lines(env: ChartEnv, text: string, width: number, size = LABEL, weight: 400 | 700 = 400): string[] {
  return wrapText(env.measure, text, width, size, weight);
}

/**
 * A nominal field whose values are labels with line breaks: "i|line 1\nline 2" keeps equal
 * labels apart (the index) and the axis shows only the lines.
 */
const KEYED_LABEL = "split(slice(datum.value, indexof(datum.value, '|') + 1), '\\n')";
const keyed = (i: number, labelLines: string[]) => `${String(i).padStart(3, '0')}|${labelLines.join('\n')}`;

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

const kpiTitle = (env: ChartEnv, o: RenderContext['objectives'][number]) =>
  lines(env, o.chart.title, HALF_WIDTH - 8, TITLE_SIZE, 700);

/** Blank lines below a title, up to a count: vega draws a line with a space as an empty line. */
const padLines = (text: string[], count: number) => [...text, ...range(count - text.length).map(() => ' ')];

/**
 * Engagement rate per post of every sampled channel, ranked within each network: each bar says
 * whose it is and its rate, our own in the dark tone, so no legend or colour has to be matched.
 */
export function engagementSpec(env: ChartEnv, ctx: RenderContext): Spec | undefined {
  const e = ctx.engagement;
  if (!e) return undefined;
  const own = env.plan.plan.organization;
  const rows = [
    ...e.competitors.flatMap((c) =>
      c.channels.map((ch) => ({ name: c.name, channel: ch.channel, rate: ch.engagement_rate_per_post, own: false })),
    ),
    ...e.own.map((ch) => ({ name: own, channel: ch.channel, rate: ch.engagement_rate_per_post, own: true })),
  ];
  if (!rows.length) return undefined;
  const channels = [...new Set(rows.map((r) => r.channel))];
  const channelLabel = Math.max(...channels.map((c) => env.measure.width(channelName(c), LABEL, 700)));
  const plotWidth = TEXT_WIDTH - 8 - Math.min(channelLabel, 140) - 14;
  const maxRate = Math.max(...rows.map((r) => r.rate), 0.0001);
  const values: Record<string, unknown>[] = [];
  const domain: string[] = [];
  let tallest = 1;
  for (const [ci, channel] of channels.entries()) {
    const ranked = rows.filter((r) => r.channel === channel).sort((a, b) => b.rate - a.rate);
    for (const [i, r] of ranked.entries()) {
      // The bar's own label: name and rate, wrapped within the half of the plot the bars leave free.
      const label = lines(env, `${r.name} ${env.fmt.percent(r.rate, 2)}`, plotWidth * 0.45, LABEL, r.own ? 700 : 400);
      tallest = Math.max(tallest, label.length);
      const key = keyed(values.length + ci, i === 0 ? lines(env, channelName(channel), 140, LABEL, 700) : []);
      domain.push(key);
      values.push({ key, rate: r.rate, label, own: r.own });
    }
    // An empty band between networks.
    if (ci < channels.length - 1) domain.push(keyed(values.length + ci + 1, []));
  }
  // Room on the right for the longest label past the longest bar.
  const widest = Math.max(
    ...values.map((v) => Math.max(...(v.label as string[]).map((l) => env.measure.width(l, LABEL, 700)))),
  );
  const xMax = maxRate / Math.max(0.3, 1 - (widest + 8) / plotWidth);
  return {
    ...baseConfig(env, TEXT_WIDTH),
    height: { step: 8 + 13 * tallest },
    data: { values },
    encoding: {
      y: {
        field: 'key',
        type: 'nominal',
        title: null,
        sort: null,
        scale: { domain, paddingInner: 0.15, paddingOuter: 0.1 },
        axis: {
          labelExpr: KEYED_LABEL,
          labelFontWeight: 700,
          labelColor: INK,
          labelLimit: 0,
          ticks: false,
          domain: false,
        },
      },
      x: {
        field: 'rate',
        type: 'quantitative',
        title: env.t('chart.engagement.axis'),
        scale: { domain: [0, xMax], nice: false },
        axis: { format: '.1~%', tickCount: 5 },
      },
    },
    layer: [
      {
        mark: { type: 'bar', cornerRadiusEnd: 2 },
        encoding: {
          color: { condition: { test: 'datum.own', value: PALETTE[0] }, value: OTHERS },
        },
      },
      {
        transform: [{ filter: '!datum.own' }],
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, lineHeight: 13 },
        encoding: { text: { field: 'label' } },
      },
      {
        transform: [{ filter: 'datum.own' }],
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, lineHeight: 13, fontWeight: 700 },
        encoding: { text: { field: 'label' } },
      },
    ],
  };
}

export function pillarSpec(env: ChartEnv, ctx: RenderContext): Spec | undefined {
  void ctx;
  const pillars = env.plan.content?.pillars?.flatMap((p) => (p.share === undefined ? [] : [{ ...p, share: p.share }]));
  // Pillars without shares have no mix to draw.
  if (!pillars?.length || pillars.length !== env.plan.content?.pillars?.length) return undefined;
  // Names wrap within a third of the width rather than being cut short.
  const nameWidth = Math.round(TEXT_WIDTH / 3);
  const values = pillars.map((p, i) => ({
    key: keyed(i, lines(env, p.name, nameWidth)),
    share: p.share,
    label: env.fmt.percent(p.share, 0),
  }));
  const tallest = Math.max(...values.map((v) => v.key.split('\n').length));
  return {
    ...baseConfig(env, TEXT_WIDTH),
    height: { step: 8 + 13 * tallest },
    data: { values },
    encoding: {
      y: {
        field: 'key',
        type: 'nominal',
        title: null,
        sort: null,
        axis: { labelExpr: KEYED_LABEL, labelColor: INK, labelLimit: 0 },
      },
      x: {
        field: 'share',
        type: 'quantitative',
        title: env.t('chart.pillars.axis'),
        axis: { format: '.0%' },
        scale: { domain: [0, Math.max(0.5, ...pillars.map((p) => p.share))] },
      },
    },
    layer: [
      { mark: { type: 'bar', color: PALETTE[0], cornerRadiusEnd: 2, height: { band: 0.7 } } },
      { mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4 }, encoding: { text: { field: 'label' } } },
    ],
  };
}

/**
 * The budget as two bars, what is kept and (over the cap) what is cut, each stacked by category
 * in lightness steps in the legend's order, with the cap as a rule and each bar's total at its end.
 */
export function budgetSpec(env: ChartEnv, ctx: RenderContext): Spec | undefined {
  const b = ctx.budget;
  // With no cap there is nothing to draw the bars against; the chapter's table says so.
  if (!b?.by_category.length || b.cap === undefined) return undefined;
  const cap = b.cap;
  const categories = b.by_category.map((c) => env.t(`category.${c.category}`));
  const keptLabel = env.t(b.cut.length ? 'label.kept_total' : 'label.total');
  const cutLabel = env.t('label.cut_total');
  const rowsShown = b.cut.length ? [keptLabel, cutLabel] : [keptLabel];
  const totals = [
    { row: keptLabel, total: b.kept_total },
    ...(b.cut.length ? [{ row: cutLabel, total: b.cut_total }] : []),
  ].map((t) => ({ ...t, label: env.fmt.money(t.total) }));
  const capLabel = env.t('chart.budget.cap', { cap: env.fmt.money(cap) });
  const widestTotal = Math.max(...totals.map((t) => env.measure.width(t.label, LABEL, 700)));
  const plotWidth = TEXT_WIDTH * 0.78;
  const max = Math.max(b.kept_total, b.cut_total, cap) * (1 + (widestTotal + 14) / plotWidth);
  const px = (amount: number) => (amount / max) * plotWidth;
  // Segments laid end to end in category order (the legend's), each with its amount where it fits.
  const values: Record<string, unknown>[] = [];
  for (const [row, items] of [
    [keptLabel, b.kept],
    [cutLabel, b.cut],
  ] as const) {
    let x0 = 0;
    b.by_category.forEach((c, order) => {
      const yearly = items.filter((l) => l.category === c.category).reduce((sum, l) => sum + l.yearly, 0);
      if (yearly <= 0) return;
      const label = env.fmt.money(yearly);
      const fits = env.measure.width(label, LABEL) + 8 <= px(yearly);
      values.push({
        row,
        category: categories[order],
        x0,
        x1: x0 + yearly,
        mid: x0 + yearly / 2,
        label: fits ? label : '',
        light: order >= 2,
      });
      x0 += yearly;
    });
  }
  // A total that would sit on the cap's rule moves past it.
  const labelAt = (total: number) => (total < cap && px(cap - total) < widestTotal + 10 ? cap : total);
  const x = { type: 'quantitative', scale: { domain: [0, max], nice: false } };
  const y = { field: 'row', type: 'nominal', title: null, sort: rowsShown, scale: { domain: rowsShown } };
  return {
    ...baseConfig(env, TEXT_WIDTH),
    height: { step: 40 },
    layer: [
      {
        data: { values },
        layer: [
          {
            mark: { type: 'bar', height: { band: 0.7 }, stroke: '#ffffff', strokeWidth: 1 },
            encoding: {
              y: { ...y, axis: { labelColor: INK, labelFontWeight: 700, labelLimit: 0, ticks: false, domain: false } },
              x: { ...x, field: 'x0', title: env.t('chart.budget.axis'), axis: { format: '$,.0f', tickCount: 5 } },
              x2: { field: 'x1' },
              color: {
                field: 'category',
                type: 'nominal',
                sort: categories,
                scale: { domain: categories, range: STEPS.slice(0, categories.length) },
              },
            },
          },
          {
            mark: { type: 'text', align: 'center', baseline: 'middle' },
            encoding: {
              y,
              x: { ...x, field: 'mid' },
              text: { field: 'label' },
              color: { condition: { test: 'datum.light', value: INK }, value: '#ffffff' },
            },
          },
        ],
      },
      {
        data: { values: totals.map((t) => ({ ...t, at: labelAt(t.total) })) },
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 6, fontWeight: 700 },
        encoding: { y, x: { ...x, field: 'at' }, text: { field: 'label' } },
      },
      {
        data: { values: [{ cap: b.cap, label: capLabel }] },
        layer: [
          {
            mark: { type: 'rule', color: PALETTE[4], strokeWidth: 2, strokeDash: [4, 3] },
            encoding: { x: { field: 'cap', type: 'quantitative' } },
          },
          {
            mark: { type: 'text', color: PALETTE[4], fontWeight: 700, y: -8, align: 'center' },
            encoding: { x: { field: 'cap', type: 'quantitative' }, text: { field: 'label' } },
          },
        ],
      },
    ],
  };
}

// ---------------------------------------------------------------- SWOT grid (hand-built SVG)

export function swotSvg(env: ChartEnv, title: string): string {
  const swot = env.plan.situation?.swot ?? {};
  const quadrants = [
    { key: 'strengths', items: swot.strengths ?? [], tint: '#e8f3ec', ink: '#2f6b45' },
    { key: 'weaknesses', items: swot.weaknesses ?? [], tint: '#fdf0e3', ink: '#9a4f0e' },
    { key: 'opportunities', items: swot.opportunities ?? [], tint: '#e6f0f7', ink: '#1b4965' },
    { key: 'threats', items: swot.threats ?? [], tint: '#f8e7e8', ink: '#8e2f35' },
  ] as const;
  const width = TEXT_WIDTH;
  const gap = 10;
  const cell = (width - gap) / 2;
  const pad = 14;
  const fontSize = 11.5;
  const lineHeight = 16;
  // Each item wraps by its measured width in Noto Sans (Cyrillic sets wider than Latin).
  const textWidth = cell - 2 * pad - 14;
  // No visible title: the document's "SWOT" heading sits right above the grid (the <title> stays for screen readers).
  const top = 2;

  const laid = quadrants.map((q) => {
    const bullets = q.items.map((item) => wrapText(env.measure, item, textWidth, fontSize));
    const lines = bullets.reduce((n, b) => n + Math.max(1, b.length), 0) || 1;
    return { ...q, bullets, height: 40 + lines * lineHeight + (bullets.length - 1) * 4 + pad };
  });
  const rowHeight = [Math.max(laid[0]!.height, laid[1]!.height, 110), Math.max(laid[2]!.height, laid[3]!.height, 110)];
  const height = top + rowHeight[0]! + gap + rowHeight[1]! + 2;

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}" font-family="${escapeXml(FONT_FAMILY)}">`,
  );
  parts.push(`<title>${escapeXml(title)}</title>`);
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  laid.forEach((q, i) => {
    const col = i % 2;
    const row = Math.floor(i / 2);
    const x = col * (cell + gap);
    const y = top + (row === 0 ? 0 : rowHeight[0]! + gap);
    const h = rowHeight[row]!;
    parts.push(`<g transform="translate(${x},${y})">`);
    parts.push(`<rect width="${cell}" height="${h}" rx="6" fill="${q.tint}"/>`);
    parts.push(`<rect width="5" height="${h}" rx="2" fill="${q.ink}"/>`);
    parts.push(
      `<text x="${pad}" y="${pad + 12}" font-size="13" font-weight="700" fill="${q.ink}">${escapeXml(env.t(`swot.${q.key}`))}</text>`,
    );
    let ty = pad + 12 + 24;
    if (!q.bullets.length) {
      parts.push(
        `<text x="${pad}" y="${ty}" font-size="${fontSize}" font-style="italic" fill="${MUTED}">${escapeXml(env.t('chart.swot.empty'))}</text>`,
      );
    }
    for (const bullet of q.bullets) {
      bullet.forEach((line, li) => {
        if (li === 0) parts.push(`<circle cx="${pad + 3}" cy="${ty - 4}" r="2.5" fill="${q.ink}"/>`);
        parts.push(`<text x="${pad + 14}" y="${ty}" font-size="${fontSize}" fill="${INK}">${escapeXml(line)}</text>`);
        ty += lineHeight;
      });
      ty += 4;
    }
    parts.push('</g>');
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

// ---------------------------------------------------------------- all charts

export async function renderCharts(
  ctx: RenderContext,
  fmt: Formatter,
  translator: Translator,
  tracking?: TrackingResult,
): Promise<Chart[]> {
  const env: ChartEnv = {
    fmt,
    t: translator.t,
    plan: ctx.plan,
    vegaLocale: vegaLocale(fmt, ctx.plan.plan.currency),
    measure: await textMeasure(),
  };
  const charts: Chart[] = [];
  const add = async (ref: { file: string; title: string } | undefined, spec: Spec | undefined) => {
    if (!ref || !spec) return;
    // Vega writes plan text as given; characters XML 1.0 forbids would make the SVG unreadable.
    // The chart's name goes in a <title> (a tooltip and a screen reader's name), not drawn over
    // the chart, where it would repeat the heading above it.
    const svg = xmlSafe(await toSvg(spec)).replace(
      /^(<svg[^>]*>)/,
      (tag) => `${tag}<title>${escapeXml(ref.title)}</title>`,
    );
    charts.push({ file: ref.file, title: ref.title, svg });
  };
  if (ctx.charts.swot) charts.push({ ...ctx.charts.swot, svg: swotSvg(env, ctx.charts.swot.title) });
  await add(ctx.charts.engagement, engagementSpec(env, ctx));
  await add(ctx.charts.pillars, pillarSpec(env, ctx));
  await add(ctx.charts.budget, budgetSpec(env, ctx));
  const titleLines = Math.max(1, ...ctx.objectives.map((o) => kpiTitle(env, o).length));
  const actualsOf = (o: RenderContext['objectives'][number]) =>
    tracking && Object.hasOwn(tracking.actuals, o.id) ? tracking.actuals[o.id]! : [];
  const time = timeAxis([
    ctx.plan.plan.start,
    ctx.plan.plan.end,
    ...ctx.objectives.flatMap((o) => [o.start, ...o.milestones.map((m) => m.date), ...actualsOf(o).map((a) => a.date)]),
  ]);
  for (const o of ctx.objectives) await add(o.chart, kpiSpec(env, o, actualsOf(o), titleLines, time));
  return charts;
}
