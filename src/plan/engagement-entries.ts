/** Where a plan holds engagement figures: each competitor's channels and our own channels' `current`. */
import type { PlanPath } from '../diagnostics.js';
import type { Plan } from './schema.js';
import { listOf } from './decisions.js';

/** The engagement figures of one network: a competitor's channel or our own `current` sample. */
export interface EngagementEntry {
  path: PlanPath;
  posts?: unknown[] | undefined;
  sample?: { posts: number } | undefined;
  posts_csv?: string | undefined;
}

/** Every place that holds engagement figures, with where it is written. */
export function engagementEntries(plan: Plan): EngagementEntry[] {
  const entries: EngagementEntry[] = [];
  listOf(plan.competitors).forEach((c, ci) =>
    c.channels.forEach((ch, chi) => entries.push({ ...ch, path: ['competitors', ci, 'channels', chi] })),
  );
  listOf(plan.channels).forEach((ch, i) => {
    if (ch.current) entries.push({ ...ch.current, path: ['channels', i, 'current'] });
  });
  return entries;
}
