/** The goals section: what the organisation wants social media to achieve. */
import { listOf } from '../../plan/decisions.js';
import { goal as goalSchema, type Goal } from '../../plan/schema.js';
import type { PlanDraft } from '../check.js';
import { slugId, uniqueId } from '../system.js';
import { type Ask, entries, checkedEntry, unlessUnset, compact, named } from './common.js';

const TYPICAL_GOALS = ['awareness', 'loyalty', 'leads', 'expertise', 'service', 'sales', 'lower-cost'] as const;

export const askGoals: Ask<'goals'> = async (ctx) => {
  const { ask, t, d } = ctx;
  const s = goalSchema.shape;
  return entries(ctx, { noun: 'goal', previous: listOf(ctx.previous), min: 1 }, async (i, prev, soFar, rest) =>
    checkedEntry(
      ctx,
      ['goals', i],
      (g) => ({ ...ctx.plan, goals: [...soFar, g, ...rest] }),
      async (b) => {
        const used = new Set(soFar.map((g) => g.id));
        const free = TYPICAL_GOALS.find((id) => !used.has(id));
        // An earlier goal's kind is the typical goal its id names, else its own.
        const was = b ? (TYPICAL_GOALS.find((id) => b.id === id || b.id.startsWith(`${id}-`)) ?? 'own') : undefined;
        const kind = await ask.choose(
          t('init.goals.kind', { n: i + 1 }),
          [
            ...TYPICAL_GOALS.map((id): { value: string; name: string } => ({
              value: id,
              name: t(`init.goal.${id}.name`),
            })),
            { value: 'own', name: t('init.goals.own') },
          ],
          was ?? free ?? 'own',
        );
        const typical = TYPICAL_GOALS.find((id) => id === kind);
        // Another kind than before: its statement and id are offered, not the old ones.
        const kept = kind === was ? b : undefined;
        const statement = await ask.required(t('init.goals.statement'), {
          schema: s.statement,
          default: kept?.statement ?? (typical ? d(`init.goal.${typical}.statement`) : b?.statement),
        });
        const candidate = (g: Partial<Goal>): PlanDraft => ({
          ...ctx.plan,
          goals: [...soFar, { id: 'goal', statement, priority: 'secondary', ...b, ...g }, ...rest],
        });
        const id = await ask.required(t('init.goals.id'), {
          schema: s.id,
          default: kept?.id ?? uniqueId(typical ?? slugId(statement, 'goal'), used),
          check: (v) => ctx.errors(candidate({ id: v }), ['goals', i, 'id'], ['goals', i]),
        });
        const primaries = soFar.filter((g) => g.priority === 'primary').length;
        const priority = await ask.choose(
          t('init.goals.priority'),
          named(ctx, ['primary', 'secondary'] as const, 'priority'),
          b?.priority ?? (primaries < 2 ? 'primary' : 'secondary'),
        );
        const departments = await ask.list(t('init.goals.departments'), { default: b?.departments });
        const business = ctx.plan.plan?.business_goals;
        const ties_to = await ask.text(t('init.goals.ties_to'), {
          schema: s.ties_to,
          default: b ? b.ties_to : business?.[0],
          optional: true,
        });
        return compact({
          ...b,
          id,
          statement,
          priority: unlessUnset(b, b?.priority, priority, primaries < 2 ? 'primary' : 'secondary'),
          departments,
          ties_to,
        });
      },
      prev,
    ),
  );
};
