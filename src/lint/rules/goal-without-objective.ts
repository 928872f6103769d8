import { defineRule, type RuleReport } from '../rule.js';

/** A goal nothing measures is a wish, not a plan. */
export const goalWithoutObjective = defineRule({
  id: 'goal-without-objective',
  severity: 'warning',
  method: '§2 Objectives (SMART objectives serve each goal)',
  description: 'Every goal has at least one SMART objective (objectives[].goal) that measures it.',
  check(plan) {
    const reports: RuleReport[] = [];
    const served = new Set((plan.objectives ?? []).map((o) => o.goal));
    plan.goals.forEach((g, i) => {
      if (!served.has(g.id)) {
        reports.push({
          path: ['goals', i, 'id'],
          message: `goal \`${g.id}\` has no objective: add a measurable objective with goal: ${g.id}`,
        });
      }
    });
    return reports;
  },
});
