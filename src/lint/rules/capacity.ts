import * as z from 'zod';
import { listOf } from '../../plan/decisions.js';
import { postsPerWeekRange } from '../../plan/posts-per-week.js';
import type { Plan } from '../../plan/schema.js';
import { formatPercent } from '../../wording.js';
import { defineRule, type RuleReport } from '../rule.js';

/** Posts one person working full time on social media can plan, make, publish and follow up in a week. */
export const POSTS_PER_FULL_TIME = 20;

/** The posts a plan promises a week: its weekly publishing slots, else the channels' stated posts a week (the least of a range). */
export function promisedPostsPerWeek(plan: Plan): number {
  const slots = listOf(plan.content?.slots).length;
  if (slots) return slots;
  return listOf(plan.channels).reduce((sum, c) => sum + (postsPerWeekRange(c.posts_per_week)?.min ?? 0), 0);
}

/**
 * Method §10: each role has its share of working time and a backup; the posts promised must fit
 * the time the shares give. Judged once the plan states any role's share (a plan that gives none
 * is judged by its open points, not guessed at).
 */
export const capacity = defineRule({
  id: 'capacity',
  severity: 'warning',
  method: '§10 People and process (each role its share of time and a backup)',
  description: `The posts the plan promises a week (its publishing slots, else the channels' posts_per_week) fit the time the team has: at most ${POSTS_PER_FULL_TIME} posts a week per full-time person (the roles' shares added up). Once any role states its share, every role states its share and a backup.`,
  options: z.strictObject({
    posts_per_person: z
      .number()
      .min(1)
      .default(POSTS_PER_FULL_TIME)
      .meta({ description: 'Posts a week one full-time person can make and follow up' }),
  }),
  check(plan, { options: { posts_per_person: perPerson } }) {
    const roles = plan.team?.roles ?? [];
    if (!roles.some((r) => r.share !== undefined)) return [];
    const reports: RuleReport[] = [];
    roles.forEach((r, i) => {
      if (r.share === undefined)
        reports.push({
          path: ['team', 'roles', i],
          message: `the role ${r.id} states no share of working time: say how much of their time goes to social media`,
        });
      else if (r.backup === undefined)
        reports.push({
          path: ['team', 'roles', i, 'backup'],
          anchor: 'key',
          message: `the role ${r.id} has no backup: who steps in when ${r.person ?? r.title} is away?`,
        });
    });
    const shares = roles.reduce((sum, r) => sum + (r.share ?? 0), 0);
    const posts = promisedPostsPerWeek(plan);
    if (posts > shares * perPerson) {
      reports.push({
        path: ['team', 'roles'],
        anchor: 'key',
        message: `the plan promises ${posts} posts a week, more than the team's time allows (${formatPercent(shares, 0)} of one person's week makes about ${Math.floor(shares * perPerson)}): post less, or give the work more time`,
      });
    }
    return reports;
  },
});
