import type { Review } from '../../plan/schema.js';
import { defineRule } from '../rule.js';

/** Cadences that meet the method's monthly review session. */
const OFTEN_ENOUGH: readonly Review['cadence'][] = ['daily', 'weekly', 'biweekly', 'monthly'];

export const reviewCadence = defineRule({
  id: 'review-cadence',
  severity: 'warning',
  method: '§12 Follow-up',
  description:
    'The plan schedules a review session at least monthly (review.cadence daily, weekly, biweekly or monthly): plan versus actual, then revise.',
  check(plan) {
    // A plan with no review routine at all has an open point for it (open-point).
    if (!plan.review) return [];
    if (OFTEN_ENOUGH.includes(plan.review.cadence)) return [];
    return [
      {
        path: ['review', 'cadence'],
        message: `a ${plan.review.cadence} review is too rare: review the plan against actual results at least monthly`,
      },
    ];
  },
});
