import type { Plan } from '../../plan/schema.js';
import { quote } from '../facts.js';
import { defineRule, type RuleReport } from '../rule.js';
import { listOf } from '../../plan/decisions.js';
import { postsPerWeekRange } from '../../plan/posts-per-week.js';

type Task = NonNullable<NonNullable<Plan['team']>['tasks']>[number];

/** Cadences at least weekly: the seed plans daily or weekly. */
const OFTEN_ENOUGH = new Set<Task['cadence']>(['daily', 'weekly']);

/**
 * A task that plans the posts: kind planning, else (untyped) its wording in en, nb or bg,
 * "plan … posts/content", "planlegge", "планиране". A planning task whose words name another
 * object (a campaign calendar, a project, the budget) plans that, not the posts.
 */
export function plansThePosts(task: Task): boolean {
  const text = task.task.toLowerCase();
  if (task.kind !== undefined) return task.kind === 'planning' && !plansSomethingElse(text);
  return /\bplan(?:s|ning)?\b.*\b(?:posts?|content|calendar)\b|\b(?:posts?|content)\b.*\bplan(?:ning)?\b|planlegg|планиран|планира/.test(
    text,
  );
}

/** Wording of a planning task about campaigns, projects, events or the strategy itself (en, nb, bg). */
function plansSomethingElse(text: string): boolean {
  if (/\bposts?\b|innlegg|публикаци/.test(text)) return false;
  return /campaign|project|event|strateg|budget|report|kampanj|prosjekt|arrangement|rapport|кампани|проект|събити|стратеги|бюджет|отчет/.test(
    text,
  );
}

/** The plan states how often it posts: publishing slots, or a channel's posts a week or frequency. */
function statesThePosts(plan: Plan): boolean {
  return (
    listOf(plan.content?.slots).length > 0 ||
    listOf(plan.channels).some((c) => c.posts_per_week !== undefined || c.frequency !== undefined)
  );
}

/** Seed 002 §8: "plan daily or weekly; I do not recommend a monthly plan". */
export const planningCadence = defineRule({
  id: 'planning-cadence',
  severity: 'warning',
  method: '§10 People and process (seed 002 §8: plan daily or weekly, not monthly)',
  description:
    'The posts are planned at least weekly: a task that plans the posts (kind: planning, or worded so; not one that plans campaigns, projects or the budget) runs daily or weekly; a team with tasks but no task planning the posts states its plan of posts (publishing slots, or posts_per_week or frequency on a channel); no channel posts less than once a week (posts_per_week below 1).',
  check(plan) {
    const reports: RuleReport[] = [];
    const tasks = plan.team?.tasks ?? [];
    tasks.forEach((t, i) => {
      if (!plansThePosts(t) || OFTEN_ENOUGH.has(t.cadence)) return;
      reports.push({
        path: ['team', 'tasks', i, 'cadence'],
        message: `the task ${quote(t.task)} is ${t.cadence}: plan the posts daily or weekly, not monthly`,
      });
    });
    if (tasks.length && !tasks.some(plansThePosts) && !statesThePosts(plan)) {
      reports.push({
        path: ['team', 'tasks'],
        anchor: 'key',
        message:
          'no task plans the posts and the plan states no publishing slots or posts a week: add a task, daily or weekly, with an owner (kind: planning)',
      });
    }
    listOf(plan.channels).forEach((c, i) => {
      const range = postsPerWeekRange(c.posts_per_week);
      if (range === undefined || range.max === 0 || range.max >= 1) return;
      reports.push({
        path: ['channels', i, 'posts_per_week'],
        message: `${c.id} posts ${range.max} times a week, less than weekly: post at least once a week, or drop the channel`,
      });
    });
    return reports;
  },
});
