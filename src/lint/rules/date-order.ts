import { objectiveStart } from '../../compute/kpi.js';
import { defineRule, type RuleReport } from '../rule.js';
import { listOf } from '../../plan/decisions.js';

const MAX_PLAN_YEARS = 10;

function addYears(iso: string, years: number): string {
  return `${String(Number(iso.slice(0, 4)) + years).padStart(4, '0')}${iso.slice(4)}`;
}

/** A period that ends before it starts cannot be computed: no milestones, no calendar (an error). */
export const dateOrder = defineRule({
  id: 'date-order',
  severity: 'error',
  method: '§2 Objectives (time-bound)',
  description:
    "The plan ends after it starts (plan.end after plan.start) and spans at most 10 years, and every objective's deadline comes after its start (objective.start, default plan.start).",
  check(plan) {
    const reports: RuleReport[] = [];
    const { start, end } = plan.plan;
    if (end <= start) {
      reports.push({
        path: ['plan', 'end'],
        message: `the plan ends (${end}) ${end === start ? 'on the day it starts' : `before it starts (${start})`}: plan.end must come after plan.start`,
      });
    } else if (end > addYears(start, MAX_PLAN_YEARS)) {
      // A strategy is reviewed and rewritten long before; a calendar or chart of centuries is a typo.
      reports.push({
        path: ['plan', 'end'],
        message: `the plan runs from ${start} to ${end}, more than ${MAX_PLAN_YEARS} years: a strategy spans months to a few years (a typo in the year?)`,
      });
    }
    listOf(plan.objectives).forEach((o, i) => {
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
