/** The objectives section: measurable targets for each goal. */
import { listOf } from '../../plan/decisions.js';
import { CURVES, objective as objectiveSchema, type Objective } from '../../plan/schema.js';
import { schemaError, type PlanDraft } from '../check.js';
import { slugId, uniqueId } from '../system.js';
import { DURATION_UNIT } from '../../units.js';
import { planFormat, targetWarning } from '../warnings.js';
import { type Ask, entries, checkedEntry, unlessUnset, compact, metaOf, knownChannels, named } from './common.js';

export const askObjectives: Ask<'objectives'> = async (ctx) => {
  const { ask, t, d } = ctx;
  const s = objectiveSchema.shape;
  const goals = ctx.plan.goals ?? [];
  const meta = metaOf(ctx);
  return entries(ctx, { noun: 'objective', previous: listOf(ctx.previous), min: 1 }, async (i, prev, soFar, rest) => {
    const path = ['objectives', i];
    const placed = (o: Objective): PlanDraft => ({ ...ctx.plan, objectives: [...soFar, o, ...rest] });
    return checkedEntry(
      ctx,
      path,
      placed,
      async (b) => {
        const covered = new Set(soFar.map((o) => o.goal));
        const goal = await ask.choose(
          t('init.objectives.goal', { n: i + 1 }),
          goals.map((g) => ({ value: g.id, name: `${g.id}: ${g.statement}` })),
          b?.goal ?? goals.find((g) => !covered.has(g.id))?.id ?? goals[0]!.id,
        );
        const metric = await ask.required(t('init.objectives.metric'), {
          schema: s.metric,
          default: b?.metric ?? d('init.default.metric'),
        });
        // The unit says how figures are shown and judged: money, % and times are meant to fall.
        const unit = await ask.text(t('init.objectives.unit', { metric, currency: meta.currency }), {
          schema: s.unit,
          default: b?.unit,
          optional: true,
        });
        const lower = await ask.confirm(
          t('init.objectives.lower_is_better', { metric }),
          b ? b.lower_is_better === true : DURATION_UNIT.test(unit?.trim() ?? ''),
        );
        const lower_is_better = lower ? true : undefined;
        // Fields not asked yet hold a valid stand-in so that the lint rules can run on the rest.
        const draft = (o: Partial<Objective>): PlanDraft =>
          placed({
            id: 'objective',
            goal,
            metric,
            baseline: 1,
            target: 2,
            deadline: meta.end,
            ...b,
            ...o,
          });
        const channel = await ask.channel(t('init.objectives.channel'), {
          none: t('init.objectives.all_channels'),
          default: b ? (b.channel ?? '') : '',
          offer: knownChannels(ctx.plan),
          check: (v) => ctx.errors(draft({ channel: v }), [...path, 'channel'], path),
        });
        const taken = soFar.map((o) => o.id);
        const id = await ask.required(t('init.objectives.id'), {
          schema: s.id,
          default: b?.id ?? uniqueId(objectiveId(channel ?? goal, metric), taken),
          check: (v) => ctx.errors(draft({ id: v, channel }), [...path, 'id'], path),
        });
        const baseline = (await ask.number(t('init.objectives.baseline', { metric }), {
          schema: s.baseline,
          default: b?.baseline,
        }))!;
        ctx.say(`  ${t('init.objectives.target_why')}`);
        const target = await ask.target(t('init.objectives.target', { baseline: ask.show(baseline) }), {
          default: b?.target ?? (baseline > 0 ? (lower ? '-20%' : '+20%') : undefined),
          check: async (v) =>
            schemaError(s.target, v, t) ??
            ctx.errors(draft({ id, channel, unit, lower_is_better, baseline, target: v }), [...path, 'target'], path),
          warn: (v) => targetWarning(t, planFormat(metaOf(ctx), ctx.locale), { baseline, target: v, unit }),
        });
        const deadline = await ask.date(t('init.objectives.deadline', { end: meta.end }), {
          default: b?.deadline ?? meta.end,
          // Outside the plan period is only a warning in lint, but here it is surely a slip: ask again.
          check: (v) =>
            ctx.errors(draft({ id, channel, baseline, target, deadline: v }), [...path, 'deadline'], path, true),
        });
        const curve = await ask.choose(
          t('init.objectives.curve'),
          named(ctx, CURVES, 'curve'),
          b?.curve ?? 'linear',
          (v) => ctx.errors(draft({ id, channel, baseline, target, deadline, curve: v }), path, path),
        );
        const tool = await ask.text(t('init.objectives.tool'), {
          schema: s.tool,
          default: b?.tool,
          optional: true,
        });
        const why = await ask.text(t('init.objectives.why'), { schema: s.why, default: b?.why, optional: true });
        return compact({
          ...b,
          id,
          goal,
          metric,
          channel,
          unit,
          lower_is_better,
          baseline,
          target,
          deadline,
          curve: unlessUnset(b, b?.curve, curve, 'linear'),
          tool,
          why,
        });
      },
      prev,
    );
  });
};

/** "instagram" + "followers" -> "instagram-followers"; "loyalty" + "loyalty sign-ups" -> "loyalty-sign-ups". */
function objectiveId(prefix: string, metric: string): string {
  const base = slugId(metric, 'objective');
  return base.startsWith(`${prefix}-`) || base === prefix ? base : `${prefix}-${base}`;
}
