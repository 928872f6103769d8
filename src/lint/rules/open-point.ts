import { openPoints } from '../../plan/open-points.js';
import { defineRule } from '../rule.js';

/**
 * The document's open points (src/plan/open-points.ts), in the words the English document uses
 * for them, so lint and render agree on when a plan is finished (method §13).
 */
export const openPoint = defineRule({
  id: 'open-point',
  severity: 'warning',
  method: '§13 Put everything in writing (seed 003 step 6)',
  description:
    'Nothing the document would list as an open point is missing: every section (situation, objectives, audience, competitors, positioning, channels, content, KPIs, budget, team, crisis, review) and its parts (internal and external analysis, SWOT, channel audit, the problem, 3+ competitors, pillars, slots, special dates, reserve, approval, roles, tasks, escalation, tools). Each finding names the section and what the method asks.',
  check(plan) {
    return openPoints(plan).map((p) => ({
      path: p.path,
      message: `${p.chapter}: not decided yet: ${p.topic}; the method asks for ${p.asks}`,
    }));
  },
});
