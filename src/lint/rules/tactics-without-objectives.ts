import { quote } from '../facts.js';
import { defineRule, type RuleReport } from '../rule.js';
import { decisionOf, listOf } from '../../plan/decisions.js';

/** Method mistake 1, the cart before the horse: tactics defined before (or without) objectives. */
export const tacticsWithoutObjectives = defineRule({
  id: 'tactics-without-objectives',
  severity: 'warning',
  method: '§2 Objectives, §6 Channels and tactics (mistake 1: cart before the horse)',
  description:
    'Tactics follow from objectives: channels are chosen once there are objectives (or, in a goal-level strategy, goals with measures), and every channel tactic names the objectives or goals it serves.',
  check(plan) {
    if (!plan.channels) return [];
    // A goal-level strategy (objectives stated not to apply, or goals with their own measures) ties tactics to goals.
    const goalLevel = decisionOf(plan.objectives) !== undefined || plan.goals.some((g) => g.measures?.length);
    if (!listOf(plan.objectives).length && !goalLevel) {
      return [
        {
          path: ['channels'],
          anchor: 'key',
          message: 'channels and tactics without objectives (the cart before the horse): write the objectives first',
        },
      ];
    }
    const reports: RuleReport[] = [];
    listOf(plan.channels).forEach((c, i) =>
      c.tactics?.forEach((t, j) => {
        if (t.objectives?.length || t.goals?.length) return;
        reports.push({
          path: ['channels', i, 'tactics', j, 'objectives'],
          message: `the tactic ${quote(t.action)} names no objective: which objective does it serve?`,
        });
      }),
    );
    return reports;
  },
});
