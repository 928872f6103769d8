import { defineRule, type RuleReport } from '../rule.js';
import { listOf } from '../../plan/decisions.js';
import type { Plan } from '../../plan/schema.js';

/** "Being everywhere" (method mistake 3): limits a small team can run well. */
export const MAX_PRIMARY_CHANNELS = 2;
export const MAX_CHANNELS = 5;

/** The accounts and owned channels a plan keeps: a channel's accounts (at least the channel itself), not those of partners or other teams. */
export function keptAccounts(plan: Plan): number {
  const channels = listOf(plan.channels).filter((c) => c.role !== 'partner' && c.role !== 'other-team');
  if (Array.isArray(plan.channels) && plan.channels.length)
    return channels.reduce((sum, c) => sum + Math.max(1, c.accounts?.length ?? 0), 0);
  // No channel section: the audited profiles the plan keeps are what it runs.
  return (plan.situation?.channel_audit ?? []).filter((a) => a.decision !== 'close').length;
}

export const channelCount = defineRule({
  id: 'channel-count',
  severity: 'warning',
  method: '§6 Channels and tactics (mistake 3: being everywhere)',
  description: `Be where the personas are, not everywhere: at most ${MAX_PRIMARY_CHANNELS} primary channels and ${MAX_CHANNELS} channels in all, counting every account and owned channel the plan keeps (a channel's accounts, or without a channel section the audited profiles not closed).`,
  check(plan) {
    const channels = listOf(plan.channels);
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
      return reports;
    }
    const kept = keptAccounts(plan);
    if (kept > MAX_CHANNELS) {
      const audit = !channels.length;
      reports.push({
        path: audit ? ['situation', 'channel_audit'] : ['channels'],
        anchor: 'key',
        message: audit
          ? `the audit keeps ${kept} profiles and the plan chooses no channels: being everywhere wastes time, money and energy; choose at most ${MAX_CHANNELS}, where the personas are, and close the rest`
          : `${kept} accounts and owned channels kept: being everywhere wastes time, money and energy; keep at most ${MAX_CHANNELS}, where the personas are`,
      });
    }
    return reports;
  },
});
