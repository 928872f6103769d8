import { defineRule, type RuleReport } from '../rule.js';
import { listOf } from '../../plan/decisions.js';

/** Seed 004 §3: write a short explanation of what each profile should do; 003: why be on this network. */
export const channelPurpose = defineRule({
  id: 'channel-purpose',
  severity: 'warning',
  method: '§6 Channels and tactics (seeds 004 §3, 003 step 1: what each profile is for)',
  description:
    'Every chosen channel says what it is for (channels[].purpose): why we are on this network and what the profile should do.',
  check(plan) {
    const reports: RuleReport[] = [];
    listOf(plan.channels).forEach((c, i) => {
      if (c.purpose?.trim()) return;
      reports.push({
        path: ['channels', i],
        message: `channel ${c.id} does not say what it is for: add a purpose (why we are there, what it should do)`,
      });
    });
    return reports;
  },
});
