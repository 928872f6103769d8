import { KNOWN_CHANNELS } from '../../plan/schema.js';
import { didYouMean } from '../../plan/suggest.js';
import { defineRule, type RuleReport } from '../rule.js';
import { listOf } from '../../plan/decisions.js';

export const competitorChannel = defineRule({
  id: 'competitor-channel',
  severity: 'warning',
  method: '§4 Competitor research',
  description:
    'A competitor channel that is a near miss of a known network or of one of our channels (`tiktokk`) is probably a typo: its figures would be compared with nothing. Says when we are not on that network ourselves.',
  check(plan) {
    const ours = listOf(plan.channels).map((c) => c.id);
    const known = new Set<string>([...KNOWN_CHANNELS, ...ours]);
    const reports: RuleReport[] = [];
    listOf(plan.competitors).forEach((competitor, i) => {
      competitor.channels.forEach((ch, j) => {
        if (known.has(ch.channel)) return;
        const guess = didYouMean(ch.channel, known);
        if (guess === undefined) return;
        const absent =
          listOf(plan.channels).length && !ours.includes(guess) ? ` (we are not on ${guess} ourselves)` : '';
        reports.push({
          path: ['competitors', i, 'channels', j, 'channel'],
          message: `\`${ch.channel}\` is not a network smplan knows: did you mean \`${guess}\`?${absent}`,
        });
      });
    });
    return reports;
  },
});
