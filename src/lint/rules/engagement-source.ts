import { engagementEntries } from '../../plan/engagement-entries.js';
import { defineRule, type RuleReport } from '../rule.js';

const SOURCES = ['posts', 'sample', 'posts_csv'] as const;

/** The engagement rate is computed from exactly one source: none or two make it undefined (an error). */
export const engagementSource = defineRule({
  id: 'engagement-source',
  severity: 'error',
  method: '§4 Competitor research (engagement rate)',
  description:
    "Each competitor channel, and each own channel's `current` figures, gives its sampled posts' engagement in exactly one way: posts, sample or posts_csv.",
  check(plan) {
    const reports: RuleReport[] = [];
    for (const entry of engagementEntries(plan)) {
      const given = SOURCES.filter((s) => entry[s] !== undefined);
      if (given.length === 0) {
        reports.push({
          path: entry.path,
          message: 'no engagement figures: give the sampled posts as posts, sample (totals) or posts_csv (a CSV file)',
        });
      } else if (given.length > 1) {
        reports.push({
          path: [...entry.path, given[1]!],
          anchor: 'key',
          message: `engagement is given both as ${given.join(' and ')}: keep exactly one of posts, sample, posts_csv`,
        });
      }
    }
    return reports;
  },
});
