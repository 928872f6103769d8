import { listOf } from '../../plan/decisions.js';
import { idCheck } from '../id-check.js';
import { defineRule, type RuleReport } from '../rule.js';

/** A KPI, tactic, initiative or campaign may serve a goal directly; the goal it names must exist. */
export const goalLinks = defineRule({
  id: 'goal-links',
  severity: 'error',
  method: '§2 Goals (a goal-level strategy: measures and tactics tied to a goal)',
  description:
    'Every goal id named by a KPI (kpis[].goals), a channel tactic (tactics[].goals), an initiative, a campaign or the staff advocacy programme (team.advocacy.goals) is defined under goals.',
  check(plan) {
    const reports: RuleReport[] = [];
    const goal = idCheck(reports, 'goal', 'goals', new Set(plan.goals.map((g) => g.id)));
    listOf(plan.kpis).forEach((k, i) => k.goals?.forEach((g, j) => goal(g, ['kpis', i, 'goals', j])));
    listOf(plan.channels).forEach((c, i) =>
      c.tactics?.forEach((t, j) => t.goals?.forEach((g, k) => goal(g, ['channels', i, 'tactics', j, 'goals', k]))),
    );
    listOf(plan.initiatives).forEach((x, i) => x.goals?.forEach((g, j) => goal(g, ['initiatives', i, 'goals', j])));
    listOf(plan.campaigns).forEach((x, i) => x.goals?.forEach((g, j) => goal(g, ['campaigns', i, 'goals', j])));
    plan.team?.advocacy?.goals?.forEach((g, j) => goal(g, ['team', 'advocacy', 'goals', j]));
    return reports;
  },
});
