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
const INK = '#1f2933';
const MUTED = '#52606d';
const GRID = '#e4e7eb';

const CHART_WIDTH = 560;

type Spec = Record<string, unknown>;

interface ChartEnv {
  fmt: Formatter;
  t: Translator['t'];
  plan: Plan;
  /** vegaLocale(fmt), built once for all the charts of a render. */
  vegaLocale: Spec;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** d3-format / d3-time-format locale definitions built from Intl, so axes read like the text. */
function vegaLocale(fmt: Formatter): Spec {
  const sample = new Intl.NumberFormat(fmt.locale).formatToParts(12345.6);
  const decimal = sample.find((p) => p.type === 'decimal')?.value ?? '.';
  const thousands = sample.find((p) => p.type === 'group')?.value ?? ',';
  const months = (style: 'long' | 'short') => {
    const f = new Intl.DateTimeFormat(fmt.locale, { month: style, timeZone: 'UTC' });
    return range(12).map((m) => f.format(new Date(Date.UTC(2024, m, 15))));
  };
  const days = (style: 'long' | 'short') => {
    const f = new Intl.DateTimeFormat(fmt.locale, { weekday: style, timeZone: 'UTC' });
    return range(7).map((d) => f.format(new Date(Date.UTC(2024, 0, 7 + d))));
  };
  return {
    number: { decimal, thousands, grouping: [3], currency: ['', ''] },
    time: {
      dateTime: '%x %X',
      date: '%d.%m.%Y',
      time: '%H:%M:%S',
      periods: ['AM', 'PM'],
      days: days('long'),
      shortDays: days('short'),
      months: months('long'),
      shortMonths: months('short').map((m) => m.replace(/\.$/, '')),
    },
  };
}

const TITLE = { font: FONT_FAMILY, fontSize: 15, fontWeight: 600, color: INK, anchor: 'start', offset: 12 };
const AXIS = {
  labelFont: FONT_FAMILY,
  titleFont: FONT_FAMILY,
  labelColor: MUTED,
  titleColor: MUTED,
  labelFontSize: 11,
  titleFontSize: 11,
  titleFontWeight: 500,
  gridColor: GRID,
  domainColor: '#9aa5b1',
  tickColor: '#9aa5b1',
};
const LEGEND = {
  labelFont: FONT_FAMILY,
  titleFont: FONT_FAMILY,
  labelColor: INK,
  titleColor: MUTED,
  labelFontSize: 11,
  orient: 'bottom',
  title: null,
};

function baseConfig(env: ChartEnv): Spec {
  return {
    config: {
      locale: env.vegaLocale,
      font: FONT_FAMILY,
      background: '#ffffff',
      padding: 12,
      view: { stroke: null },
      title: TITLE,
      axis: AXIS,
      legend: LEGEND,
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
  const [vl, vega] = await Promise.all([import('vega-lite'), import('vega')]);
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

/** Milestones along the objective's curve from its baseline, with measured values drawn over them. */
export function kpiSpec(env: ChartEnv, o: RenderContext['objectives'][number], actuals: readonly DatedValue[]): Spec {
  const planLabel = env.t('chart.kpi.milestones');
  const actualLabel = env.t('chart.kpi.actuals');
  const values = [
    { date: o.start, value: o.baseline, series: planLabel },
    ...o.milestones.map((m) => ({ date: m.date, value: m.value, series: planLabel })),
    ...actuals.map((a) => ({ date: a.date, value: a.value, series: actualLabel })),
  ];
  const series = actuals.length ? [planLabel, actualLabel] : [planLabel];
  const kind = unitKind(o.unit, env.plan.plan.currency);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...baseConfig(env),
    // A small multiple: printed two side by side at half the text width, so its type is set larger.
    config: {
      ...(baseConfig(env).config as Spec),
      title: { ...TITLE, fontSize: 17 },
      axis: { ...AXIS, labelFontSize: 14, titleFontSize: 14 },
      legend: { ...LEGEND, labelFontSize: 14 },
    },
    title: wrap(o.chart.title, 34),
    width: 360,
    height: 190,
    data: { values },
    mark: { type: 'line', point: { filled: true, size: 45 }, strokeWidth: 2.5 },
    encoding: {
      x: {
        field: 'date',
        type: 'temporal',
        title: null,
        // Plan dates are calendar days: read and labelled in UTC, so the machine's zone never moves a tick.
        scale: { type: 'utc' },
        axis: { format: '%b', labelAngle: 0, tickCount: { interval: 'month', step: 3 }, grid: false },
      },
      y: {
        field: 'value',
        type: 'quantitative',
        title: kind === 'count' ? (o.unit ?? null) : null,
        scale: { zero: false, nice: true },
        axis: { format: kind === 'percent' ? '.1~%' : Math.abs(o.target) < 100 ? ',.2~f' : ',.0f' },
      },
      color: {
        field: 'series',
        type: 'nominal',
        scale: { domain: series, range: PALETTE.slice(0, series.length) },
        legend: actuals.length ? {} : null,
      },
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
        legend: actuals.length ? {} : null,
      },
    },
  };
}

/** Engagement rate per post of every sampled channel, grouped by network. */
export function engagementSpec(env: ChartEnv, ctx: RenderContext): Spec | undefined {
  const e = ctx.engagement;
  if (!e) return undefined;
  const values = [
    ...e.competitors.flatMap((c) =>
      c.channels.map((ch) => ({ name: c.name, channel: channelName(ch.channel), rate: ch.engagement_rate_per_post })),
    ),
    ...e.own.map((ch) => ({
      name: env.plan.plan.organization,
      channel: channelName(ch.channel),
      rate: ch.engagement_rate_per_post,
    })),
  ];
  if (!values.length) return undefined;
  // Our own organisation first, so it always takes the lead colour and stands out among competitors.
  const own = env.plan.plan.organization;
  const names = [...new Set([...(e.own.length ? [own] : []), ...values.map((v) => v.name)])];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...baseConfig(env),
    title: titleLines(ctx.charts.engagement?.title),
    width: CHART_WIDTH - 60,
    data: { values },
    mark: { type: 'bar', cornerRadiusEnd: 2, height: { band: 0.8 } },
    encoding: {
      y: {
        field: 'channel',
        type: 'nominal',
        title: null,
        sort: null,
        axis: { labelFontWeight: 600, labelColor: INK, labelPadding: 8 },
      },
      yOffset: { field: 'name', type: 'nominal', sort: names },
      x: { field: 'rate', type: 'quantitative', title: env.t('chart.engagement.axis'), axis: { format: '.1%' } },
      color: { field: 'name', type: 'nominal', sort: names, scale: { range: PALETTE } },
    },
  };
}

export function pillarSpec(env: ChartEnv, ctx: RenderContext): Spec | undefined {
  const pillars = env.plan.content?.pillars;
  if (!pillars?.length) return undefined;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...baseConfig(env),
    title: titleLines(ctx.charts.pillars?.title),
    width: CHART_WIDTH - 140,
    data: { values: pillars.map((p) => ({ name: p.name, share: p.share, label: env.fmt.percent(p.share, 0) })) },
    encoding: {
      y: { field: 'name', type: 'nominal', title: null, sort: null, axis: { labelColor: INK, labelLimit: 260 } },
      x: {
        field: 'share',
        type: 'quantitative',
        title: env.t('chart.pillars.axis'),
        axis: { format: '.0%' },
        scale: { domain: [0, Math.max(0.5, ...pillars.map((p) => p.share))] },
      },
    },
    layer: [
      { mark: { type: 'bar', color: PALETTE[0], cornerRadiusEnd: 2 } },
      {
        mark: { type: 'text', align: 'left', dx: 5, color: INK, fontSize: 11 },
        encoding: { text: { field: 'label' } },
      },
    ],
  };
}

/** One stacked bar per category total, with the cap as a rule: over the cap shows at a glance. */
export function budgetSpec(env: ChartEnv, ctx: RenderContext): Spec | undefined {
  const b = ctx.budget;
  if (!b?.by_category.length) return undefined;
  const values = b.by_category.map((c) => ({
    category: env.t(`category.${c.category}`),
    yearly: c.yearly,
    label: env.fmt.money(c.yearly),
    row: env.t('label.total'),
  }));
  const capLabel = env.t('chart.budget.cap', { cap: env.fmt.money(b.cap) });
  const max = Math.max(b.total, b.cap) * 1.08;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...baseConfig(env),
    title: titleLines(ctx.charts.budget?.title),
    width: CHART_WIDTH,
    height: 70,
    layer: [
      {
        data: { values },
        mark: { type: 'bar', height: 34, stroke: '#ffffff', strokeWidth: 1 },
        encoding: {
          x: {
            field: 'yearly',
            type: 'quantitative',
            stack: 'zero',
            title: env.t('chart.budget.axis'),
            scale: { domain: [0, max] },
            axis: { format: ',.0f' },
          },
          color: { field: 'category', type: 'nominal', sort: values.map((v) => v.category), scale: { range: PALETTE } },
          tooltip: [{ field: 'category' }, { field: 'label' }],
        },
      },
      {
        data: { values: [{ cap: b.cap, label: capLabel }] },
        layer: [
          {
            mark: { type: 'rule', color: PALETTE[4], strokeWidth: 2, strokeDash: [4, 3], y: -6, y2: 76 },
            encoding: { x: { field: 'cap', type: 'quantitative' } },
          },
          {
            mark: {
              type: 'text',
              color: PALETTE[4],
              fontWeight: 600,
              fontSize: 11,
              y: -12,
              align: b.cap > max * 0.7 ? 'right' : 'left',
              dx: b.cap > max * 0.7 ? -4 : 4,
            },
            encoding: { x: { field: 'cap', type: 'quantitative' }, text: { field: 'label' } },
          },
        ],
      },
    ],
  };
}

// ---------------------------------------------------------------- SWOT grid (hand-built SVG)

/** Characters of a 15 px title that fit the chart's width. */
const TITLE_CHARS = 50;

/**
 * A long title wrapped onto lines: vega widens the SVG to fit a one-line title, and the page
 * then scales that chart down, so charts with long titles printed smaller than the others.
 */
function titleLines(title: string | undefined): string[] | undefined {
  return title === undefined ? undefined : wrap(title, TITLE_CHARS);
}

/** Greedy word wrap by an average glyph width: good enough for Noto Sans at a fixed size. */
function wrap(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    if (!word) continue;
    let w = word;
    while (w.length > maxChars) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(w.slice(0, maxChars - 1) + '-');
      w = w.slice(maxChars - 1);
    }
    if (!line) line = w;
    else if (line.length + 1 + w.length <= maxChars) line += ` ${w}`;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export function swotSvg(env: ChartEnv, title: string): string {
  const swot = env.plan.situation?.swot ?? {};
  const quadrants = [
    { key: 'strengths', items: swot.strengths ?? [], tint: '#e8f3ec', ink: '#2f6b45' },
    { key: 'weaknesses', items: swot.weaknesses ?? [], tint: '#fdf0e3', ink: '#9a4f0e' },
    { key: 'opportunities', items: swot.opportunities ?? [], tint: '#e6f0f7', ink: '#1b4965' },
    { key: 'threats', items: swot.threats ?? [], tint: '#f8e7e8', ink: '#8e2f35' },
  ] as const;
  const width = 720;
  const gap = 10;
  const cell = (width - gap) / 2;
  const pad = 16;
  const fontSize = 12.5;
  const lineHeight = 18;
  const maxChars = Math.floor((cell - 2 * pad - 14) / (fontSize * 0.5));
  // No visible title: the document's "SWOT" heading sits right above the grid (the <title> stays for screen readers).
  const top = 2;

  const laid = quadrants.map((q) => {
    const bullets = q.items.map((item) => wrap(item, maxChars));
    const lines = bullets.reduce((n, b) => n + Math.max(1, b.length), 0) || 1;
    return { ...q, bullets, height: 44 + lines * lineHeight + (bullets.length - 1) * 4 + pad };
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
      `<text x="${pad}" y="${pad + 14}" font-size="14" font-weight="700" fill="${q.ink}">${escapeXml(env.t(`swot.${q.key}`))}</text>`,
    );
    let ty = pad + 14 + 26;
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
  const env: ChartEnv = { fmt, t: translator.t, plan: ctx.plan, vegaLocale: vegaLocale(fmt) };
  const charts: Chart[] = [];
  const add = async (ref: { file: string; title: string } | undefined, spec: Spec | undefined) => {
    // Vega writes plan text as given; characters XML 1.0 forbids would make the SVG unreadable.
    if (ref && spec) charts.push({ file: ref.file, title: ref.title, svg: xmlSafe(await toSvg(spec)) });
  };
  if (ctx.charts.swot) charts.push({ ...ctx.charts.swot, svg: swotSvg(env, ctx.charts.swot.title) });
  await add(ctx.charts.engagement, engagementSpec(env, ctx));
  await add(ctx.charts.pillars, pillarSpec(env, ctx));
  await add(ctx.charts.budget, budgetSpec(env, ctx));
  for (const o of ctx.objectives) {
    await add(
      o.chart,
      kpiSpec(env, o, tracking && Object.hasOwn(tracking.actuals, o.id) ? tracking.actuals[o.id]! : []),
    );
  }
  return charts;
}
