import type { PlanPath } from '../../diagnostics.js';
import { defineRule, type RuleReport } from '../rule.js';
import { listOf } from '../../plan/decisions.js';

/** Contract: while the plan has no channels section any channel id is accepted, with this warning. */
export const channelsChosen = defineRule({
  id: 'channels-chosen',
  severity: 'warning',
  method: '§6 Channels and tactics',
  description:
    'Channels named by objectives or publishing slots are chosen in a `channels` section (primary and secondary networks); while there is none, each channel used is reported once.',
  check(plan) {
    if (plan.channels) return [];
    const uses: [string, PlanPath][] = [];
    listOf(plan.objectives).forEach((o, i) => o.channel && uses.push([o.channel, ['objectives', i, 'channel']]));
    listOf(plan.content?.slots).forEach((s, i) => uses.push([s.channel, ['content', 'slots', i, 'channel']]));
    const seen = new Set<string>();
    const reports: RuleReport[] = [];
    for (const [channel, path] of uses) {
      if (seen.has(channel)) continue;
      seen.add(channel);
      reports.push({
        path,
        message: `channels are not chosen: \`${channel}\` is used here but the plan has no channels section (add it as a primary or secondary channel)`,
      });
    }
    return reports;
  },
});
