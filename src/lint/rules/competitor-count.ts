import * as z from 'zod';
import { plural } from '../../wording.js';
import { defineRule, type RuleReport } from '../rule.js';

export const MIN_COMPETITORS = 3;
export const MAX_COMPETITORS = 5;

export const competitorCount = defineRule({
  id: 'competitor-count',
  severity: 'warning',
  method: '§4 Competitor research',
  description: `The competitor research lists the ${MIN_COMPETITORS}–${MAX_COMPETITORS} main competitors: fewer gives no picture, more dilutes the comparison.`,
  options: z.strictObject({
    min: z.number().int().min(0).default(MIN_COMPETITORS).meta({ description: 'Fewest competitors researched' }),
    max: z.number().int().min(1).default(MAX_COMPETITORS).meta({ description: 'Most competitors researched' }),
  }),
  check(plan, { options: { min, max } }) {
    // Left out, or stated not to apply: nothing to count (open-point names a missing section).
    if (!Array.isArray(plan.competitors)) return [];
    const n = plan.competitors.length;
    if (n < min) {
      return [
        {
          path: ['competitors'],
          anchor: 'key',
          message: `${plural(n, 'competitor')} listed: research at least ${min} main competitors`,
        },
      ];
    }
    if (n > max) {
      return [
        { path: ['competitors'], anchor: 'key', message: `${n} competitors listed: focus on the ${max} main ones` },
      ];
    }
    return [] as RuleReport[];
  },
});
