/** The budget section: what the plan costs, by item and period. */
import {
  BUDGET_CATEGORIES,
  BUDGET_PERIODS,
  ROI_TIME_FRAMES,
  budget as budgetSchema,
  budgetItem,
} from '../../plan/schema.js';
import { listOf } from '../../plan/decisions.js';
import { budgetWarning, planFormat } from '../warnings.js';
import { type Ask, entries, unlessUnset, inOrder, compact, skipOrDo, metaOf, named } from './common.js';

export const askBudget: Ask<'budget'> = async (ctx) => {
  const { ask, say, t } = ctx;
  if (!(await skipOrDo(ctx, t('init.budget.start')))) return ctx.previous;
  const prev = ctx.previous;
  const currency = metaOf(ctx).currency;
  // A budget written without a cap may stay without one.
  const cap = await ask.number(t('init.budget.cap', { currency }), {
    schema: budgetSchema.shape.cap,
    default: prev?.cap,
    optional: prev !== undefined && prev.cap === undefined,
  });
  const objectives = listOf(ctx.plan.objectives);
  const s = budgetItem.shape;
  const fmt = planFormat(metaOf(ctx), ctx.locale);
  const items = await entries(ctx, { noun: 'budget_item', previous: prev?.items }, async (i, b, soFar, rest) => {
    const name = await ask.required(t('init.budget.item', { n: i + 1 }), { schema: s.name, default: b?.name });
    const category = await ask.choose(
      t('init.budget.category'),
      named(ctx, BUDGET_CATEGORIES, 'category'),
      b?.category ?? 'advertising',
    );
    const per = await ask.choose(t('init.budget.per'), named(ctx, BUDGET_PERIODS, 'per'), b?.per ?? 'month');
    // An item written without a cost (given in kind, not priced yet) may stay so.
    const cost = await ask.number(t(`init.budget.cost.${per}`, { currency }), {
      schema: s.cost,
      default: b?.cost,
      optional: b !== undefined && b.cost === undefined,
      // Said at the item that takes the yearly total over the cap, while it can still be changed.
      warn: (v) =>
        budgetWarning(
          t,
          fmt,
          { ...prev, cap, items: [...soFar, { ...b, name, category, per, cost: v }, ...rest] },
          ctx.plan,
        ),
    });
    say(`  ${t('init.budget.roi_why')}`);
    const roi = await ask.choose(
      t('init.budget.roi'),
      named(ctx, ROI_TIME_FRAMES, 'roi'),
      b?.roi ?? (category === 'advertising' ? 'short' : 'medium'),
    );
    const funds = objectives.length
      ? await ask.chooseMany(
          t('init.budget.objectives'),
          objectives.map((o) => ({
            value: o.id,
            name: `${o.id}: ${o.metric}`,
            checked: b?.objectives?.includes(o.id) ?? false,
          })),
        )
      : [];
    return compact({
      ...b,
      name,
      category,
      cost,
      per: unlessUnset(b, b?.per, per, 'month'),
      roi: unlessUnset(b, b?.roi, roi, category === 'advertising' ? 'short' : 'medium'),
      objectives: funds.length ? inOrder(b?.objectives, funds) : undefined,
    });
  });
  return compact({ ...prev, cap, items });
};
