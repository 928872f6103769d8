/** The review section: how often the plan is looked at again, and when. */
import { CADENCES, WEEKDAYS } from '../../plan/schema.js';
import { DAY_NAMES } from '../words.js';
import { type Ask, unlessUnset, compact, skipOrDo, named } from './common.js';

export const askReview: Ask<'review'> = async (ctx) => {
  const { ask, t } = ctx;
  if (!(await skipOrDo(ctx, t('init.review.start')))) return ctx.previous;
  const prev = ctx.previous;
  const cadence = await ask.choose(
    t('init.review.cadence'),
    named(ctx, CADENCES, 'cadence'),
    prev?.cadence ?? 'monthly',
  );
  const people = (ctx.plan.team?.roles ?? []).map((r) => r.person ?? r.title);
  const participants = await ask.list(t('init.review.participants'), {
    default: prev ? prev.participants : people.length ? people : undefined,
  });
  const first = await ask.date(t('init.review.first'), {
    default: prev?.first,
    optional: true,
  });
  // Sessions fall on this weekday (the nth of the month for monthly cadences), never on a weekend by accident.
  const weekday =
    first === undefined
      ? prev?.weekday
      : await ask.choose(
          t('init.review.weekday'),
          WEEKDAYS.map((w, k) => ({ value: w, name: DAY_NAMES[ctx.lang][k] })),
          prev?.weekday ?? WEEKDAYS[(new Date(`${first}T12:00:00Z`).getUTCDay() + 6) % 7]!,
        );
  const suggested = first === undefined ? undefined : WEEKDAYS[(new Date(`${first}T12:00:00Z`).getUTCDay() + 6) % 7]!;
  return compact({
    ...prev,
    cadence,
    participants,
    first,
    weekday: unlessUnset(prev, prev?.weekday, weekday, suggested),
  });
};
