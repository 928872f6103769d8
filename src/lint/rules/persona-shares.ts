import { formatPercent } from '../../wording.js';
import { defineRule, type RuleReport } from '../rule.js';
import { SHARE_TOLERANCE } from './pillar-shares.js';
import { listOf } from '../../plan/decisions.js';

/** Shares of online time decide the primary and secondary networks (method §3); more than all of it is a slip. */
export const personaShares = defineRule({
  id: 'persona-shares',
  severity: 'warning',
  method: '§3 People: audience personas',
  description: `A persona's shares of online time per channel (personas[].channels[].share) add up to at most 100 % (within ${SHARE_TOLERANCE}).`,
  check(plan) {
    const reports: RuleReport[] = [];
    plan.audience?.personas?.forEach((p, i) => {
      const total = listOf(p.channels).reduce((s, c) => s + c.share, 0);
      if (total > 1 + SHARE_TOLERANCE) {
        reports.push({
          path: ['audience', 'personas', i, 'channels'],
          anchor: 'key',
          message: `${p.name}'s shares of online time add up to ${formatPercent(total, 0)}: they cannot spend more than 100 % of their time online`,
        });
      }
    });
    return reports;
  },
});
