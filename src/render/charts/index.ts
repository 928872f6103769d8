/**
 * The folder's charts as standalone SVG: vega-lite specs rendered headless by vega (no DOM,
 * no fetches), plus the SWOT grid drawn by hand. One palette and the Noto Sans family
 * that the HTML embeds; numbers and month names in the plan's language.
 */
import type { TrackingResult } from '../../compute/track.js';
import { escapeXml, xmlSafe } from '../../markup.js';
import type { RenderContext } from '../context.js';
import type { Formatter } from '../format.js';
import type { Translator } from '../i18n.js';
import { textMeasure } from '../text-width.js';
import { budgetSpec } from './budget.js';
import { pillarSpec } from './content-mix.js';
import { toSvg } from './draw.js';
import { engagementSpec } from './engagement.js';
import { kpiSpec, kpiTitle } from './kpi.js';
import { timeAxis } from './scales.js';
import { swotSvg } from './swot.js';
import { type ChartEnv, type Spec, vegaLocale } from './theme.js';

export { budgetSpec } from './budget.js';
export { pillarSpec } from './content-mix.js';
export { engagementSpec } from './engagement.js';
export { kpiSpec } from './kpi.js';
export { endTicks, type TimeAxis, timeAxis } from './scales.js';
export { swotSvg } from './swot.js';
export { FONT_FAMILY, HALF_WIDTH, PALETTE, STEPS, TEXT_WIDTH } from './theme.js';

export interface Chart {
  /** Relative path inside the folder, e.g. charts/kpi-ig-reach.svg */
  file: string;
  title: string;
  /** A standalone SVG document (no external fonts or images). */
  svg: string;
}

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
