import { relativePercent } from '../../compute/kpi.js';
import { defineRule, type RuleReport } from '../rule.js';

/** Targets that make progress meaningless or negative cannot be computed or tracked (an error). */
export const objectiveTarget = defineRule({
  id: 'objective-target',
  severity: 'error',
  method: '§2 Objectives (measurable)',
  description:
    'A target can be computed and tracked: a relative target ("+50%") needs a baseline above 0 and a decrease cannot go below -100 %.',
  check(plan) {
    const reports: RuleReport[] = [];
    plan.objectives?.forEach((o, i) => {
      const path = ['objectives', i, 'target'] as const;
      const p = relativePercent(o.target);
      if (p !== undefined && o.baseline === 0) {
        reports.push({ path, message: `a relative target (${String(o.target)}) of a baseline of 0 cannot be computed: write the target as a number` });
        return;
      }
      if (p !== undefined && p < -100) {
        reports.push({ path, message: `${String(o.target)} would take the target below zero: a decrease is at most -100%` });
      }
    });
    return reports;
  },
});
