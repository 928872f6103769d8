import { formatShare } from '../facts.js';
import { defineRule, type RuleReport } from '../rule.js';
import { listOf } from '../../plan/decisions.js';

/** Seed 002 §5: 40 % of their time on Facebook and 20 % on Twitter makes Facebook primary. */
export const primaryChannelShare = defineRule({
  id: 'primary-channel-share',
  severity: 'warning',
  method: "§3 People, §6 Channels and tactics (seed 002 §5: the personas' time decides primary and secondary)",
  description:
    "A primary channel carries at least as much of the personas' online time (the sum of personas[].channels[].share) as every secondary channel. Checked once personas give shares.",
  check(plan) {
    const personas = plan.audience?.personas ?? [];
    if (!personas.some((p) => listOf(p.channels).length) || !plan.channels) return [];
    const time = (id: string) =>
      personas.reduce(
        (s, p) =>
          s +
          listOf(p.channels)
            .filter((c) => c.channel === id)
            .reduce((t, c) => t + c.share, 0),
        0,
      );
    const secondary = listOf(plan.channels)
      .filter((c) => c.role === 'secondary')
      .map((c) => ({ id: c.id, time: time(c.id) }));
    if (!secondary.length) return [];
    const top = secondary.reduce((a, b) => (b.time > a.time ? b : a));
    const reports: RuleReport[] = [];
    listOf(plan.channels).forEach((c, i) => {
      if (c.role !== 'primary') return;
      const own = time(c.id);
      // Shares are fractions summed across personas; a hair's difference is rounding.
      if (own + 1e-9 >= top.time) return;
      reports.push({
        path: ['channels', i, 'role'],
        message: `${c.id} is primary but carries ${formatShare(own)} of the personas' online time, less than the secondary ${top.id} (${formatShare(top.time)}): swap their roles or check the shares`,
      });
    });
    return reports;
  },
});
