/**
 * One way to read a section that may state a deliberate "no" (`not_applicable: reason`): compute,
 * lint and render read list sections through `listOf` and the reason through `decisionOf`.
 */
import type { NotApplicable } from './schema.js';

/** The entries of a list section; none when it is left out or stated not applicable. */
export function listOf<T>(section: readonly T[] | NotApplicable | undefined): T[] {
  return Array.isArray(section) ? (section as T[]) : [];
}

/** The stated reason a section or list does not apply, or undefined. */
export function decisionOf(section: unknown): string | undefined {
  if (!section || typeof section !== 'object' || Array.isArray(section)) return undefined;
  const reason = (section as { not_applicable?: unknown }).not_applicable;
  return typeof reason === 'string' && reason.trim() ? reason : undefined;
}

/** The section holds something or states that it does not apply. */
export function isDecided(section: unknown): boolean {
  if (decisionOf(section) !== undefined) return true;
  return Array.isArray(section) ? section.length > 0 : section !== undefined && section !== null;
}
