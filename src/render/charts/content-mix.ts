/** The content mix: each pillar's planned share of the posts. */
import type { RenderContext } from '../context.js';
import { baseConfig, type ChartEnv, INK, KEYED_LABEL, keyed, lines, PALETTE, type Spec, TEXT_WIDTH } from './theme.js';

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
