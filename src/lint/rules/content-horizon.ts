import { defineRule } from '../rule.js';

/** "No more than a couple of months ahead": 13 weeks is a quarter, the most that stays current. */
export const MAX_HORIZON_WEEKS = 13;

export const contentHorizon = defineRule({
  id: 'content-horizon',
  severity: 'warning',
  method: '§7 Content strategy and publishing plan',
  description: `The content plan reaches no more than a couple of months ahead: content.horizon_weeks at most ${MAX_HORIZON_WEEKS} (a quarter), leaving room for events and changes.`,
  check(plan) {
    const weeks = plan.content?.horizon_weeks;
    if (weeks === undefined || weeks <= MAX_HORIZON_WEEKS) return [];
    return [
      {
        path: ['content', 'horizon_weeks'],
        message: `${weeks} weeks ahead is too far: plan content no more than a couple of months ahead (at most ${MAX_HORIZON_WEEKS} weeks)`,
      },
    ];
  },
});
