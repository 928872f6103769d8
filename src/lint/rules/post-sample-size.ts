import * as z from 'zod';
import { plural } from '../../wording.js';
import { MAX_SAMPLE, MIN_SAMPLE } from '../../compute/engagement.js';
import { engagementEntries } from '../../plan/engagement-entries.js';
import { sampledPosts } from '../facts.js';
import { defineRule, type RuleReport } from '../rule.js';

export { MAX_SAMPLE, MIN_SAMPLE };

export const postSampleSize = defineRule({
  id: 'post-sample-size',
  severity: 'warning',
  method: '§4 Competitor research (engagement rate)',
  description: `An engagement rate is taken over the last ${MIN_SAMPLE}–${MAX_SAMPLE} posts, counted from posts, sample.posts or the rows of posts_csv.`,
  options: z.strictObject({
    min: z.number().int().min(1).default(MIN_SAMPLE).meta({ description: 'Fewest posts in a sample' }),
    max: z.number().int().min(1).default(MAX_SAMPLE).meta({ description: 'Most posts in a sample' }),
  }),
  check(plan, { loaded, options: { min, max } }) {
    const reports: RuleReport[] = [];
    for (const entry of engagementEntries(plan)) {
      const sample = sampledPosts(entry, loaded);
      if (!sample || (sample.count >= min && sample.count <= max)) continue;
      reports.push({
        path: sample.path,
        message: `${plural(sample.count, 'post')} sampled: take the last ${min}–${max} posts for a comparable engagement rate`,
      });
    }
    return reports;
  },
});
