import { defineRule, type RuleReport } from '../rule.js';
import { listOf } from '../../plan/decisions.js';

/** A goal nothing measures is a wish, not a plan. */
export const goalWithoutObjective = defineRule({
  id: 'goal-without-objective',
  severity: 'warning',
  method: '§2 Objectives (SMART objectives serve each goal)',
  description:
    'Every goal has at least one SMART objective (objectives[].goal) that measures it, or, in a goal-level strategy, its own measures (goals[].measures) or a KPI that names it (kpis[].goals).',
  check(plan) {
    const reports: RuleReport[] = [];
    const served = new Set([
      ...listOf(plan.objectives).map((o) => o.goal),
      ...listOf(plan.kpis).flatMap((k) => k.goals ?? []),
    ]);
    plan.goals.forEach((g, i) => {
      if (!served.has(g.id) && !g.measures?.length) {
        reports.push({
          path: ['goals', i, 'id'],
          message: `goal \`${g.id}\` has no objective: add a measurable objective with goal: ${g.id}`,
        });
      }
    });
    return reports;
  },
});
