import * as z from 'zod';
import { PRIORITIES } from '../../plan/schema.js';
import { defineRule, type RuleReport } from '../rule.js';

/** The method: two primary and two secondary goals; too many goals and none is reached. */
export const MAX_GOALS_PER_PRIORITY = 2;

export const goalCount = defineRule({
  id: 'goal-count',
  severity: 'warning',
  method: '§2 Objectives (business goals)',
  description: `At least one goal, and at most ${MAX_GOALS_PER_PRIORITY} primary and ${MAX_GOALS_PER_PRIORITY} secondary goals: with too many goals none is reached.`,
  options: z.strictObject({
    max_per_priority: z
      .number()
      .int()
      .min(1)
      .default(MAX_GOALS_PER_PRIORITY)
      .meta({ description: 'Most primary goals, and most secondary goals' }),
  }),
  check(plan, { options: { max_per_priority: most } }) {
    const reports: RuleReport[] = [];
    if (plan.goals.length === 0) {
      reports.push({
        path: ['goals'],
        message: 'no goals yet: choose up to two primary and two secondary business goals',
        anchor: 'key',
      });
      return reports;
    }
    for (const priority of PRIORITIES) {
      const indexes = plan.goals.flatMap((g, i) => (g.priority === priority ? [i] : []));
      if (indexes.length > most) {
        reports.push({
          path: ['goals', indexes[most]!, 'priority'],
          message: `${indexes.length} ${priority} goals: choose at most ${most}; with too many goals none is reached`,
        });
      }
    }
    return reports;
  },
});
