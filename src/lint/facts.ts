/** Small derived facts the method rules share: sample sizes, quoted plan text. */
import type { EngagementEntry } from '../plan/engagement-entries.js';
import type { LoadedPlan } from '../plan/load.js';
import type { PlanPath } from '../diagnostics.js';

/** How many posts a network's figures were taken from, and where that count is written. */
export function sampledPosts(
  entry: EngagementEntry,
  loaded: LoadedPlan,
): { count: number; path: PlanPath } | undefined {
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

/** A share (a fraction, possibly summed across personas) as a percentage for a message: "60 %". */
export function formatShare(share: number): string {
  return `${Math.round(share * 1000) / 10} %`;
}

/** Text compared for sameness: case, spacing and end punctuation do not count. */
export function sameText(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.!?:;,\s]+$/, '')
    .trim();
}
