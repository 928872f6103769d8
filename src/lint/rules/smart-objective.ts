import { formatMeasure } from '../../wording.js';
import { objectiveStart, targetNumber } from '../../compute/kpi.js';
import { defineRule, type RuleReport } from '../rule.js';
import { listOf } from '../../plan/decisions.js';

/** Time-bound within the plan, and measured by a named tool (method §2). */
export const smartObjective = defineRule({
  id: 'smart-objective',
  severity: 'warning',
  method: '§2 Objectives (SMART)',
  description:
    'Every objective is specific (its target differs from its baseline), time-bound within the plan period (its start and deadline between plan.start and plan.end) and names the analytics or tracking tool that measures it (objective.tool, or a KPI for it with a tool).',
  check(plan) {
    const reports: RuleReport[] = [];
    const { start, end } = plan.plan;
    const measured = new Set(
      listOf(plan.kpis)
        .filter((k) => k.objective !== undefined && k.tool !== undefined)
        .map((k) => k.objective),
    );
    listOf(plan.objectives).forEach((o, i) => {
      // A deadline before its own start is date-order's error; not repeated here.
      const inOrder = o.deadline > objectiveStart(o, plan);
      if (inOrder && (o.deadline > end || o.deadline < start)) {
        reports.push({
          path: ['objectives', i, 'deadline'],
          message: `the deadline ${o.deadline} is outside the plan period (${start} to ${end})`,
        });
      }
      if (o.start !== undefined && (o.start < start || o.start > end)) {
        reports.push({
          path: ['objectives', i, 'start'],
          message: `the start ${o.start} is outside the plan period (${start} to ${end})`,
        });
      }
      // A relative target of a zero baseline is objective-target's error.
      if (targetNumber(o) === o.baseline && !(typeof o.target === 'string' && o.baseline === 0)) {
        reports.push({
          path: ['objectives', i, 'target'],
          message: `the target equals the baseline (${formatMeasure(o.baseline, o.unit, plan.plan.currency)}): a specific objective states the change to reach`,
        });
      }
      if (o.tool === undefined && !measured.has(o.id)) {
        reports.push({
          path: ['objectives', i, 'tool'],
          message: `objective \`${o.id}\` names no tool that measures it: add tool (e.g. Meta Business Suite, Google Analytics)`,
        });
      }
    });
    return reports;
  },
});
