import { objectiveStart } from '../../compute/kpi.js';
import { defineRule, type RuleReport } from '../rule.js';

/** A period that ends before it starts cannot be computed: no milestones, no calendar (an error). */
export const dateOrder = defineRule({
  id: 'date-order',
  severity: 'error',
  method: '§2 Objectives (time-bound)',
  description:
    "The plan ends after it starts (plan.end after plan.start), and every objective's deadline comes after its start (objective.start, default plan.start).",
  check(plan) {
    const reports: RuleReport[] = [];
    const { start, end } = plan.plan;
    if (end <= start) {
      reports.push({ path: ['plan', 'end'], message: `the plan ends (${end}) ${end === start ? 'on the day it starts' : `before it starts (${start})`}: plan.end must come after plan.start` });
    }
    plan.objectives?.forEach((o, i) => {
      const from = objectiveStart(o, plan);
      if (o.deadline <= from) {
        const origin = o.start === undefined ? 'the plan start' : 'its start';
        reports.push({
          path: ['objectives', i, 'deadline'],
          message: `the deadline ${o.deadline} is ${o.deadline === from ? 'on' : 'before'} ${origin} (${from}): an objective needs time between start and deadline`,
        });
      }
    });
    return reports;
  },
});
