import { defineRule, type RuleReport } from '../rule.js';
import { listOf } from '../../plan/decisions.js';

/** The R of SMART (seed 002 §2): relevant to the company's overall vision, so management backs it. */
export const objectiveRelevance = defineRule({
  id: 'objective-relevance',
  severity: 'warning',
  method: '§2 Objectives (seed 002 §2: SMART, relevant)',
  description:
    "Every objective says why it matters (objectives[].why) or which business goal it serves: its goal's ties_to, or the plan's only business goal (plan.business_goals).",
  check(plan) {
    const tied = new Set(plan.goals.filter((g) => g.ties_to?.trim()).map((g) => g.id));
    const oneBusinessGoal = plan.plan.business_goals?.filter((b) => b.trim()).length === 1;
    const reports: RuleReport[] = [];
    listOf(plan.objectives).forEach((o, i) => {
      if (o.why?.trim() || tied.has(o.goal) || oneBusinessGoal) return;
      reports.push({
        path: ['objectives', i],
        message: `the objective ${o.id} says neither why it matters (why) nor which business goal it serves (ties_to on goal ${o.goal}): is it relevant?`,
      });
    });
    return reports;
  },
});
