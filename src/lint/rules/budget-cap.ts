import { budgetPlan } from '../../compute/budget.js';
import { formatMoney } from '../../wording.js';
import { defineRule } from '../rule.js';

/** Over the cap is advice, not an error: `smplan budget` shows what the ROI priority keeps. */
export const budgetCap = defineRule({
  id: 'budget-cap',
  severity: 'warning',
  method: '§9 Budget and resources',
  description:
    'The yearly total of the budget items (cost x 12 per month, x 1 per year or once) stays within budget.cap; over it, items are cut by ROI time frame (see `smplan budget`), and the message names the objectives the cut items fund.',
  check(plan) {
    const budget = plan.budget;
    if (budget?.cap === undefined) return [];
    const cap = budget.cap;
    const { total, over_by, objectives_losing_funding: losing } = budgetPlan(budget, plan);
    if (over_by <= 0) return [];
    const money = (n: number) => formatMoney(n, plan.plan.currency);
    return [
      {
        path: ['budget', 'cap'],
        message:
          `the items cost ${money(total)} a year, ${money(over_by)} over the cap of ${money(cap)}: prioritise by ROI time frame (smplan budget shows what fits)` +
          (losing.length ? `; the cut takes funding from ${losing.join(', ')}` : ''),
      },
    ];
  },
});
