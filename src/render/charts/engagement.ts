/** The competitor benchmark: engagement rate per post of every sampled channel, ranked per network. */
import { channelName } from '../../plan/schema.js';
import type { RenderContext } from '../context.js';
import {
  baseConfig,
  type ChartEnv,
  INK,
  KEYED_LABEL,
  keyed,
  LABEL,
  lines,
  OTHERS,
  PALETTE,
  type Spec,
  TEXT_WIDTH,
} from './theme.js';

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
