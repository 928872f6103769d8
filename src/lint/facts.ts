/** Small derived facts the method rules share: resolved targets, start dates, sample sizes. */
import type { EngagementEntry } from '../plan/engagement-entries.js';
import type { LoadedPlan } from '../plan/load.js';
import { relativePercent } from '../compute/kpi.js';
import type { Objective, Plan } from '../plan/schema.js';
import type { PlanPath } from './finding.js';

/** The target as a number: absolute, or `baseline * (1 + p / 100)` (contract); unlike resolveTarget it never throws. */
export function targetValue(objective: Objective): number {
  const p = relativePercent(objective.target);
  return p === undefined ? (objective.target as number) : objective.baseline * (1 + p / 100);
}

/** An objective starts at its own `start`, else at the plan's start (contract). */
export function objectiveStart(objective: Objective, plan: Plan): string {
  return objective.start ?? plan.plan.start;
}

/** How many posts a network's figures were taken from, and where that count is written. */
export function sampledPosts(entry: EngagementEntry, loaded: LoadedPlan): { count: number; path: PlanPath } | undefined {
  if (entry.posts) return { count: entry.posts.length, path: [...entry.path, 'posts'] };
  if (entry.sample) return { count: entry.sample.posts, path: [...entry.path, 'sample', 'posts'] };
  if (entry.posts_csv !== undefined) {
    const rows = loaded.postsCsv.get(entry.posts_csv);
    // A CSV that could not be read is already an error of its own.
    return rows ? { count: rows.length, path: [...entry.path, 'posts_csv'] } : undefined;
  }
  return undefined;
}

/** Plan text quoted in a message: kept short, on one line. */
export function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > max ? flat.slice(0, max - 1) + '…' : flat}"`;
}
