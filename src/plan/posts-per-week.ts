import type { PostsPerWeek } from './schema.js';

/** A channel's posts a week as a range: a single number is its own min and max. */
export function postsPerWeekRange(value: PostsPerWeek | undefined): { min: number; max: number } | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'number' ? { min: value, max: value } : { min: value.min, max: value.max };
}
