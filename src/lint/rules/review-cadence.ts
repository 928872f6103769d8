import type { Review } from '../../plan/schema.js';
import { defineRule } from '../rule.js';

/** Cadences that meet the method's monthly review session. */
const OFTEN_ENOUGH: readonly NonNullable<Review['cadence']>[] = ['daily', 'weekly', 'biweekly', 'monthly'];

export const reviewCadence = defineRule({
  id: 'review-cadence',
  severity: 'warning',
  method: '§12 Follow-up',
  description:
    'The plan schedules a review session at least monthly (review.cadence, or one of review.meetings, daily, weekly, biweekly or monthly): plan versus actual, then revise.',
  check(plan) {
    // A plan with no review routine at all has an open point for it (open-point); one stated not to apply is a decision.
    const review = plan.review;
    if (!review || review.not_applicable !== undefined) return [];
    // Several meetings: one of them at least monthly is enough.
    const cadences = [
      ...(review.cadence ? [{ cadence: review.cadence, path: ['review', 'cadence'] }] : []),
      ...(review.meetings ?? []).map((m, i) => ({ cadence: m.cadence, path: ['review', 'meetings', i, 'cadence'] })),
    ];
    if (!cadences.length || cadences.some((c) => OFTEN_ENOUGH.includes(c.cadence))) return [];
    const rarest = cadences[0]!;
    return [
      {
        path: rarest.path,
        message: `${rarest.cadence === 'ad-hoc' ? 'an' : 'a'} ${rarest.cadence} review is too rare: review the plan against actual results at least monthly`,
      },
    ];
  },
});
