import { formatPercent } from '../../wording.js';
import { defineRule } from '../rule.js';

/** Shares are written with two or three decimals; half a percent absorbs their rounding. */
export const SHARE_TOLERANCE = 0.005;

export const pillarShares = defineRule({
  id: 'pillar-shares',
  severity: 'warning',
  method: '§7 Content strategy and publishing plan',
  description: `The content pillars' shares of all posts add up to 100 % (1.0, within ${SHARE_TOLERANCE}).`,
  check(plan) {
    const pillars = plan.content?.pillars;
    // Pillars named without shares (as many real strategies do) have no sum to check.
    if (!pillars?.length || pillars.every((p) => p.share === undefined)) return [];
    const total = pillars.reduce((s, p) => s + (p.share ?? 0), 0);
    if (Math.abs(total - 1) <= SHARE_TOLERANCE) return [];
    return [
      {
        path: ['content', 'pillars'],
        anchor: 'key',
        message: `the pillars' shares add up to ${formatPercent(total, 1)}, not 100 %`,
      },
    ];
  },
});
