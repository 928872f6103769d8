import { defineRule, type RuleReport } from '../rule.js';

/** "Being everywhere" (method mistake 3): limits a small team can run well. */
export const MAX_PRIMARY_CHANNELS = 2;
export const MAX_CHANNELS = 5;

export const channelCount = defineRule({
  id: 'channel-count',
  severity: 'warning',
  method: '§6 Channels and tactics (mistake 3: being everywhere)',
  description: `Be where the personas are, not everywhere: at most ${MAX_PRIMARY_CHANNELS} primary channels and ${MAX_CHANNELS} channels in all.`,
  check(plan) {
    const channels = plan.channels ?? [];
    const reports: RuleReport[] = [];
    const primary = channels.flatMap((c, i) => (c.role === 'primary' ? [i] : []));
    if (primary.length > MAX_PRIMARY_CHANNELS) {
      reports.push({
        path: ['channels', primary[MAX_PRIMARY_CHANNELS]!, 'role'],
        message: `${primary.length} primary channels: choose at most ${MAX_PRIMARY_CHANNELS} and make the rest secondary`,
      });
    }
    if (channels.length > MAX_CHANNELS) {
      reports.push({
        path: ['channels'],
        anchor: 'key',
        message: `${channels.length} channels: being everywhere wastes time, money and energy; keep at most ${MAX_CHANNELS}, where the personas are`,
      });
    }
    return reports;
  },
});
