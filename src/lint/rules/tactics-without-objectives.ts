import { quote } from '../facts.js';
import { defineRule, type RuleReport } from '../rule.js';

/** Method mistake 1, the cart before the horse: tactics defined before (or without) objectives. */
export const tacticsWithoutObjectives = defineRule({
  id: 'tactics-without-objectives',
  severity: 'warning',
  method: '§2 Objectives, §6 Channels and tactics (mistake 1: cart before the horse)',
  description:
    'Tactics follow from objectives: channels are chosen once there are objectives, and every channel tactic names the objectives it serves.',
  check(plan) {
    if (!plan.channels) return [];
    if (!plan.objectives?.length) {
      return [
        {
          path: ['channels'],
          anchor: 'key',
          message: 'channels and tactics without objectives (the cart before the horse): write the objectives first',
        },
      ];
    }
    const reports: RuleReport[] = [];
    plan.channels.forEach((c, i) =>
      c.tactics?.forEach((t, j) => {
        if (t.objectives?.length) return;
        reports.push({
          path: ['channels', i, 'tactics', j, 'objectives'],
          message: `the tactic ${quote(t.action)} names no objective: which objective does it serve?`,
        });
      }),
    );
    return reports;
  },
});
