/** The budget: what is kept and what is cut, stacked by category, against the cap. */
import type { RenderContext } from '../context.js';
import { baseConfig, type ChartEnv, INK, LABEL, PALETTE, type Spec, STEPS, TEXT_WIDTH } from './theme.js';

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
