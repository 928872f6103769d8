import { PlanComputeError } from '../../compute/errors.js';
import { objectiveTargets, relativePercent, targetNumber } from '../../compute/kpi.js';
import { defineRule, type RuleReport } from '../rule.js';
import { listOf } from '../../plan/decisions.js';

/** Targets that make progress meaningless or negative cannot be computed or tracked (an error). */
export const objectiveTarget = defineRule({
  id: 'objective-target',
  severity: 'error',
  method: '§2 Objectives (measurable)',
  description:
    'A target can be computed and tracked: a relative target ("+50%") needs a baseline above 0, a decrease cannot go below -100 %, and the target and its milestones are numbers a computer can represent.',
  check(plan) {
    const reports: RuleReport[] = [];
    listOf(plan.objectives).forEach((o, i) => {
      const path = ['objectives', i, 'target'] as const;
      const p = relativePercent(o.target);
      if (p !== undefined && o.baseline === 0) {
        reports.push({
          path,
          message: `a relative target (${String(o.target)}) of a baseline of 0 cannot be computed: write the target as a number`,
        });
        return;
      }
      if (p !== undefined && p < -100) {
        reports.push({
          path,
          message: `${String(o.target)} would take the target below zero: a decrease is at most -100%`,
        });
        return;
      }
      // Numbers the computation cannot represent would print as null or NaN %: refused here instead.
      if (!Number.isFinite(targetNumber(o))) {
        reports.push({
          path,
          message: `${String(o.target).slice(0, 40)} of a baseline of ${o.baseline} is too large a number to compute: write a realistic target`,
        });
        return;
      }
      let values: number[];
      try {
        values = objectiveTargets(o, plan).milestones.map((m) => m.value);
      } catch (err) {
        if (err instanceof PlanComputeError) return; // date-order and compound-curve say why
        throw err;
      }
      if (!values.every(Number.isFinite)) {
        reports.push({
          path: ['objectives', i, 'baseline'],
          message: `the way from a baseline of ${o.baseline} to ${String(o.target).slice(0, 40)} gives numbers too large to compute (a baseline near 0 on a compound curve?): use realistic figures or curve: linear`,
        });
      }
    });
    return reports;
  },
});
