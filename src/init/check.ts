/**
 * Answers are checked with the same code as `smplan lint`: the plan so far, with
 * the answer in place, goes through the schema and every method rule.
 */
import { readCheckedPlan } from '../lint/check.js';
import { formatPath, type Finding, type PlanPath } from '../diagnostics.js';
import type { z } from 'zod';

/** The plan as the interview builds it: plain data in the plan format. */
export type PlanDraft = Record<string, unknown> & { smplan: 1 };

/** Lints a plan held in memory as if it were the file `file` in folder `dir` (posts_csv is read from there). */
export async function lintDraft(plan: PlanDraft, file: string, dir: string): Promise<Finding[]> {
  return (await readCheckedPlan({ file, draft: plan, dir }, { cwd: dir })).findings;
}

/** Lints plan text about to be written to `file` in folder `dir`. */
export async function lintText(text: string, file: string, dir: string): Promise<Finding[]> {
  return (await readCheckedPlan({ file, text, dir }, { cwd: dir })).findings;
}

/** True when `path` (as lint prints it) is `prefix` or lies inside it. */
export function within(path: string, prefix: string): boolean {
  if (prefix === '') return true;
  return path === prefix || (path.startsWith(prefix) && (path[prefix.length] === '.' || path[prefix.length] === '['));
}

/**
 * The errors an answer causes: findings at the field itself, and anywhere outside
 * the entry being written (a broken reference elsewhere). Findings on the entry's
 * other fields are left out: those are not answered yet.
 */
export function errorsFor(findings: Finding[], field: PlanPath, entry: PlanPath = field): string[] {
  const at = formatPath(field);
  const inEntry = formatPath(entry);
  return findings
    .filter((f) => f.severity === 'error' && (within(f.path, at) || !within(f.path, inEntry)))
    .map((f) => f.message);
}

/** The first message of a zod schema rejecting a value, or undefined when it passes. */
export function schemaError(schema: z.ZodType, value: unknown): string | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0]!;
  return issue.message;
}

/** Sets a value at a path in a copy of the plan (the copy is shallow along the path only). */
export function withValue(plan: PlanDraft, path: PlanPath, value: unknown): PlanDraft {
  const set = (node: unknown, i: number): unknown => {
    if (i === path.length) return value;
    const key = path[i]!;
    if (typeof key === 'number') {
      const list = Array.isArray(node) ? [...node] : [];
      list[key] = set(list[key], i + 1);
      return list;
    }
    const obj =
      node && typeof node === 'object' && !Array.isArray(node) ? { ...(node as Record<string, unknown>) } : {};
    obj[key] = set(obj[key], i + 1);
    return obj;
  };
  return set(plan, 0) as PlanDraft;
}
