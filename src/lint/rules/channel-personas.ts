import { defineRule, type RuleReport } from '../rule.js';
import { listOf } from '../../plan/decisions.js';

/** A channel none of the personas uses is "being everywhere" (method mistake 3). */
export const channelPersonas = defineRule({
  id: 'channel-personas',
  severity: 'warning',
  method: '§3 People, §6 Channels and tactics (mistake 3: being everywhere)',
  description:
    'Every channel reaches a persona: the channel lists it (channels[].personas) or the persona uses the channel (personas[].channels). Checked once personas are written.',
  check(plan) {
    const personas = plan.audience?.personas ?? [];
    if (personas.length === 0) return [];
    const used = new Set(personas.flatMap((p) => listOf(p.channels).map((c) => c.channel)));
    const reports: RuleReport[] = [];
    listOf(plan.channels).forEach((c, i) => {
      if (used.has(c.id) || (c.personas?.length ?? 0) > 0) return;
      reports.push({
        path: ['channels', i, 'id'],
        message: `no persona uses ${c.id}: be where your personas are (list them in personas, or drop the channel)`,
      });
    });
    return reports;
  },
});
