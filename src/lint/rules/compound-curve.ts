import { targetNumber } from '../../compute/kpi.js';
import { defineRule, type RuleReport } from '../rule.js';
import { listOf } from '../../plan/decisions.js';

/** baseline * (target / baseline) ** f is undefined for a zero baseline or target (an error). */
export const compoundCurve = defineRule({
  id: 'compound-curve',
  severity: 'error',
  method: '§2 Objectives, §8 KPIs and measurement',
  description:
    'A compound curve grows by a steady rate, baseline * (target / baseline) ** f: both the baseline and the target must be above 0 (else use curve: linear).',
  check(plan) {
    const reports: RuleReport[] = [];
    listOf(plan.objectives).forEach((o, i) => {
      if (o.curve !== 'compound') return;
      if (!(o.baseline > 0)) {
        reports.push({
          path: ['objectives', i, 'baseline'],
          message:
            'a compound curve needs a baseline above 0: it grows by a rate from it (use curve: linear to start from 0)',
        });
      } else if (!(targetNumber(o) > 0)) {
        reports.push({
          path: ['objectives', i, 'target'],
          message: 'a compound curve cannot reach a target of 0 (use curve: linear)',
        });
      }
    });
    return reports;
  },
});
