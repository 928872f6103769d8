/** The KPIs section: what is measured, how often, and its target. */
import { CADENCES, kpi as kpiSchema } from '../../plan/schema.js';
import { slugId, uniqueId } from '../system.js';
import { listOf } from '../../plan/decisions.js';
import { type Ask, entries, checkedEntry, unlessUnset, compact, skipOrDo, named } from './common.js';

export const askKpis: Ask<'kpis'> = async (ctx) => {
  const { ask, t } = ctx;
  if (!(await skipOrDo(ctx, t('init.kpis.start')))) return ctx.previous;
  const s = kpiSchema.shape;
  const objectives = listOf(ctx.plan.objectives);
  return entries(
    ctx,
    // One KPI per objective is asked without asking first: each objective is measured.
    { noun: 'kpi', previous: listOf(ctx.previous), min: Math.max(1, objectives.length) },
    async (i, prev, soFar, rest) =>
      checkedEntry(
        ctx,
        ['kpis', i],
        (k) => ({ ...ctx.plan, kpis: [...soFar, k, ...rest] }),
        async (b) => {
          const free = objectives.find((o) => !soFar.some((k) => k.objective === o.id));
          const objective = await ask.choose(
            t('init.kpis.objective', { n: i + 1 }),
            [
              ...objectives.map((o) => ({ value: o.id, name: `${o.id}: ${o.metric}` })),
              { value: '', name: t('init.kpis.no_objective') },
            ],
            b ? (b.objective ?? '') : (free?.id ?? objectives[0]?.id ?? ''),
          );
          const linked = objectives.find((o) => o.id === objective);
          const name = await ask.required(t('init.kpis.name'), { schema: s.name, default: b?.name ?? linked?.metric });
          const id = await ask.required(t('init.short_id'), {
            schema: s.id,
            default:
              b?.id ??
              uniqueId(
                slugId(name, 'kpi'),
                soFar.map((k) => k.id),
              ),
            check: (v) =>
              ctx.errors({ ...ctx.plan, kpis: [...soFar, { id: v, name }, ...rest] }, ['kpis', i, 'id'], ['kpis', i]),
          });
          const frequency = await ask.choose(
            t('init.kpis.frequency'),
            named(ctx, CADENCES, 'cadence'),
            b?.frequency ?? 'weekly',
          );
          const tool = await ask.text(t('init.kpis.tool'), {
            schema: s.tool,
            default: b ? b.tool : linked?.tool,
            optional: true,
          });
          return compact({
            ...b,
            id,
            name,
            objective: objective || undefined,
            channel: b ? b.channel : linked?.channel,
            frequency: unlessUnset(b, b?.frequency, frequency, 'weekly'),
            tool,
          });
        },
        prev,
      ),
  );
};
