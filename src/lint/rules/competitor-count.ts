import { plural } from '../../wording.js';
import { defineRule, type RuleReport } from '../rule.js';

export const MIN_COMPETITORS = 3;
export const MAX_COMPETITORS = 5;

export const competitorCount = defineRule({
  id: 'competitor-count',
  severity: 'warning',
  method: '§4 Competitor research',
  description: `The competitor research lists the ${MIN_COMPETITORS}–${MAX_COMPETITORS} main competitors: fewer gives no picture, more dilutes the comparison.`,
  check(plan) {
    const n = plan.competitors?.length;
    if (n === undefined) return [];
    if (n < MIN_COMPETITORS) {
      return [{ path: ['competitors'], anchor: 'key', message: `${plural(n, 'competitor')} listed: research at least ${MIN_COMPETITORS} main competitors` }];
    }
    if (n > MAX_COMPETITORS) {
      return [{ path: ['competitors'], anchor: 'key', message: `${n} competitors listed: focus on the ${MAX_COMPETITORS} main ones` }];
    }
    return [] as RuleReport[];
  },
});
