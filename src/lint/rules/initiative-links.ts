import { listOf } from '../../plan/decisions.js';
import { idCheck, planIdChecks } from '../id-check.js';
import { defineRule, type RuleReport } from '../rule.js';

/** An initiative names the objectives it serves and the channels it uses; a budget item the initiatives it funds. */
export const initiativeLinks = defineRule({
  id: 'initiative-links',
  severity: 'error',
  method: '§6 Channels and tactics (initiatives that sit on no single channel)',
  description:
    'Every objective and channel an initiative names exists (channels once the plan has a channels section), and every initiative a budget item funds (budget.items[].initiatives) is defined under initiatives.',
  check(plan) {
    const reports: RuleReport[] = [];
    const { objective, channel } = planIdChecks(reports, plan);
    const initiative = idCheck(
      reports,
      'initiative',
      'initiatives',
      new Set(listOf(plan.initiatives).map((x) => x.id)),
    );
    listOf(plan.initiatives).forEach((x, i) => {
      x.objectives?.forEach((o, j) => objective(o, ['initiatives', i, 'objectives', j]));
      x.channels?.forEach((c, j) => channel(c, ['initiatives', i, 'channels', j]));
    });
    plan.budget?.items?.forEach((item, i) =>
      item.initiatives?.forEach((x, j) => initiative(x, ['budget', 'items', i, 'initiatives', j])),
    );
    return reports;
  },
});
