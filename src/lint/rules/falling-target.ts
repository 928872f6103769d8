import { formatChange, formatMeasure } from '../../wording.js';
import { targetNumber } from '../../compute/kpi.js';
import { DURATION_UNIT as DURATION, unitKind } from '../../units.js';
import { defineRule, type RuleReport } from '../rule.js';
import { listOf } from '../../plan/decisions.js';

export const fallingTarget = defineRule({
  id: 'falling-target',
  severity: 'warning',
  method: '§2 Objectives (specific)',
  description:
    'A count (followers, reach, sign-ups) whose target is a number below its baseline is probably a typo (600 for 6 000): a fall is written as a change such as "-20%", or the objective says `lower_is_better: true`. Money, rates and times are meant to fall and are not judged.',
  check(plan) {
    const reports: RuleReport[] = [];
    listOf(plan.objectives).forEach((o, i) => {
      if (typeof o.target !== 'number' || !(o.baseline > 0) || o.target >= o.baseline) return;
      if (o.lower_is_better === true) return;
      if (unitKind(o.unit, plan.plan.currency) !== 'count' || DURATION.test(o.unit?.trim() ?? '')) return;
      const show = (n: number) => formatMeasure(n, o.unit, plan.plan.currency);
      const change = formatChange(targetNumber(o) / o.baseline - 1, 0);
      reports.push({
        path: ['objectives', i, 'target'],
        message: `${o.metric} would fall from ${show(o.baseline)} to ${show(o.target)} (${change}): this objective goes down. If it should grow, the target is mistyped; if a fall is meant, say so (lower_is_better: true) or write it as a change (target: "${change.replace(/\s/g, '')}")`,
      });
    });
    return reports;
  },
});
