import type { Plan } from '../../plan/schema.js';
import { quote } from '../facts.js';
import { defineRule, type RuleReport } from '../rule.js';

type Task = NonNullable<NonNullable<Plan['team']>['tasks']>[number];

/** Cadences at least weekly: the seed plans daily or weekly. */
const OFTEN_ENOUGH = new Set<Task['cadence']>(['daily', 'weekly']);

/**
 * A task that plans the posts: kind planning, else (untyped) its wording in en, nb or bg,
 * "plan … posts/content", "planlegge", "планиране".
 */
export function plansThePosts(task: Task): boolean {
  if (task.kind !== undefined) return task.kind === 'planning';
  const text = task.task.toLowerCase();
  return /\bplan(?:s|ning)?\b.*\b(?:posts?|content|calendar)\b|\b(?:posts?|content)\b.*\bplan(?:ning)?\b|planlegg|планиран|планира/.test(
    text,
  );
}

/** Seed 002 §8: "plan daily or weekly; I do not recommend a monthly plan". */
export const planningCadence = defineRule({
  id: 'planning-cadence',
  severity: 'warning',
  method: '§10 People and process (seed 002 §8: plan daily or weekly, not monthly)',
  description:
    'The posts are planned and published at least weekly: once the team has tasks, one plans the posts (kind: planning, or worded so), and every planning or publishing task runs daily or weekly; no channel posts less than once a week (posts_per_week below 1).',
  check(plan) {
    const reports: RuleReport[] = [];
    const tasks = plan.team?.tasks ?? [];
    tasks.forEach((t, i) => {
      if (!(plansThePosts(t) || t.kind === 'publishing') || OFTEN_ENOUGH.has(t.cadence)) return;
      reports.push({
        path: ['team', 'tasks', i, 'cadence'],
        message: `the task ${quote(t.task)} is ${t.cadence}: plan and publish the posts daily or weekly, not monthly`,
      });
    });
    if (tasks.length && !tasks.some(plansThePosts)) {
      reports.push({
        path: ['team', 'tasks'],
        anchor: 'key',
        message: 'no task plans the posts: add one, daily or weekly, with an owner (kind: planning)',
      });
    }
    plan.channels?.forEach((c, i) => {
      if (c.posts_per_week === undefined || c.posts_per_week === 0 || c.posts_per_week >= 1) return;
      reports.push({
        path: ['channels', i, 'posts_per_week'],
        message: `${c.id} posts ${c.posts_per_week} times a week, less than weekly: post at least once a week, or drop the channel`,
      });
    });
    return reports;
  },
});
