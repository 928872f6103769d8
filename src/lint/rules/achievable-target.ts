import * as z from 'zod';
import { formatChange, formatMeasure } from '../../wording.js';
import { targetNumber } from '../../compute/kpi.js';
import { defineRule, type RuleReport } from '../rule.js';
import { listOf } from '../../plan/decisions.js';
import type { Objective } from '../../plan/schema.js';

/** Growth above +300 % (more than 4x the baseline) is flagged. */
export const MAX_GROWTH = 3;
/** A decrease of more than 90 % (below a tenth of the baseline) is flagged. */
export const MAX_DECREASE = 0.9;

/** How far a target lies beyond what is realistic: the change from the baseline, or undefined when within reach or not judged. */
export function unrealisticChange(
  o: Pick<Objective, 'baseline' | 'target'>,
  maxGrowth = MAX_GROWTH,
  maxDecrease = MAX_DECREASE,
): { change: number; too: 'high' | 'low'; target: number } | undefined {
  if (!(o.baseline > 0)) return undefined;
  const target = targetNumber(o);
  if (target < 0) return undefined; // objective-target's error
  const change = target / o.baseline - 1;
  if (change > maxGrowth) return { change, too: 'high', target };
  if (change < -maxDecrease) return { change, too: 'low', target };
  return undefined;
}

export const achievableTarget = defineRule({
  id: 'achievable-target',
  severity: 'warning',
  method: '§2 Objectives (achievable)',
  description:
    "Targets are achievable: growth above +300 % (a target more than 4 times the baseline) or a decrease of more than 90 % sets the plan up to fail (the method's example: +1000 % sales). A baseline of 0 is not judged.",
  options: z.strictObject({
    max_growth: z
      .number()
      .positive()
      .default(MAX_GROWTH)
      .meta({ description: 'Largest growth judged realistic, as a fraction of the baseline (3 = +300 %)' }),
    max_decrease: z
      .number()
      .positive()
      .max(1)
      .default(MAX_DECREASE)
      .meta({ description: 'Largest decrease judged realistic, as a fraction (0.9 = -90 %)' }),
  }),
  check(plan, { options: { max_growth: maxGrowth, max_decrease: maxDecrease } }) {
    const reports: RuleReport[] = [];
    listOf(plan.objectives).forEach((o, i) => {
      const beyond = unrealisticChange(o, maxGrowth, maxDecrease);
      if (!beyond) return;
      const { change, target } = beyond;
      // Formatted only for a finding: the first number format costs milliseconds of lint's start.
      const shown = formatChange(change, 0);
      const from = `(${formatMeasure(o.baseline, o.unit, plan.plan.currency)} to ${formatMeasure(target, o.unit, plan.plan.currency)})`;
      reports.push({
        path: ['objectives', i, 'target'],
        message:
          beyond.too === 'high'
            ? `${shown} ${from} is above the +${Math.round(maxGrowth * 100)} % that is realistic: an unreachable target sets you up to fail`
            : `${shown} ${from} cuts more than ${Math.round(maxDecrease * 100)} %: an unreachable target sets you up to fail`,
      });
    });
    return reports;
  },
});
