import { yearlyCost } from '../../compute/budget.js';
import { quote } from '../facts.js';
import { listOf } from '../../plan/decisions.js';
import { defineRule, type RuleReport } from '../rule.js';

/**
 * Money follows the objectives (§9): the document states only the links an item makes, so spend
 * that names no objective or tactic shows as unlinked there. An item's channel is not a link.
 */
export const budgetUnlinked = defineRule({
  id: 'budget-unlinked',
  severity: 'warning',
  method: '§9 Budget and resources',
  description:
    'Every budget item with a cost names the objectives (`objectives`) or the channel tactics (`tactics`) it funds; the document never guesses the link from the channel.',
  check(plan) {
    // Without objectives there is nothing to link to: open-point and tactics-without-objectives say so.
    if (!listOf(plan.objectives).length) return [];
    const reports: RuleReport[] = [];
    plan.budget?.items?.forEach((item, i) => {
      if (
        item.objectives?.length ||
        item.tactics?.length ||
        item.campaigns?.length ||
        item.initiatives?.length ||
        yearlyCost(item) <= 0
      )
        return;
      reports.push({
        path: ['budget', 'items', i, 'name'],
        message: `the budget item ${quote(item.name)} names no objective or tactic: which objective does this spend fund? (add objectives: or tactics:)`,
      });
    });
    return reports;
  },
});
