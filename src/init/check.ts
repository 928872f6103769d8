/**
 * Answers are checked with the same code as `smplan lint`: the plan so far, with
 * the answer in place, goes through the schema and every method rule.
 */
import { readCheckedPlan } from '../lint/check.js';
import { formatPath, type Finding, type PlanPath } from '../diagnostics.js';
import type { z } from 'zod';
import type { Words } from './words.js';

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
export function errorsFor(findings: Finding[], field: PlanPath, entry: PlanPath = field): Finding[] {
  const at = formatPath(field);
  const inEntry = formatPath(entry);
  return findings.filter((f) => f.severity === 'error' && (within(f.path, at) || !within(f.path, inEntry)));
}

/** The first refusal of a zod schema, in the interview's words, or undefined when the value passes. */
export function schemaError(schema: z.ZodType, value: unknown, t: Words): string | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return undefined;
  return refusal(parsed.error.issues[0]!, t);
}

type Issue = z.core.$ZodIssue;

/**
 * The schema's own messages (English, for `smplan lint`) and the words that say the same at a
 * prompt: init.refuse.KEY. A message not listed is told by its kind (too long, not a number).
 */
const REFUSALS: [RegExp, string][] = [
  [/^expected a date as YYYY-MM-DD/, 'date'],
  [/^no such date/, 'no_such_date'],
  [/^expected a year from/, 'year_range'],
  [/^expected a lower-case id/, 'id'],
  [/^must not be empty/, 'empty'],
  [/^expected a whole number/, 'whole'],
  [/cannot be negative$|^must not be negative/, 'negative'],
  [/^a share is a fraction/, 'share'],
  [/^expected a time as HH:MM/, 'time'],
  [/ISO 4217/, 'currency'],
  [/IANA time zone/, 'timezone'],
  [/^give the reason/, 'reason'],
  [/^expected a colour/, 'colour'],
  [/ISO 3166-1/, 'country'],
  [/relative target/, 'target'],
  [/^must be (at least 1|more than 0)/, 'at_least_one'],
  [/^list at least one post/, 'posts'],
  [/^list at least one channel/, 'channels'],
  [/^min must not be above max/, 'min_max'],
  [/^required$/, 'required'],
];

/** One zod issue said in the interview's language, with what was expected (zod's own words without a catalogue). */
export function refusal(issue: Issue, t: Words): string {
  const said = told(issue, t);
  return said.startsWith('init.refuse.') ? issue.message : said;
}

function told(issue: Issue, t: Words): string {
  const known = REFUSALS.find(([pattern]) => pattern.test(issue.message));
  if (known) {
    const years = /from (\d+) to (\d+)/.exec(issue.message);
    return t(`init.refuse.${known[1]}`, years ? { first: years[1]!, last: years[2]! } : {});
  }
  switch (issue.code) {
    case 'too_small':
    case 'too_big': {
      const big = issue.code === 'too_big';
      const limit = Number(big ? issue.maximum : issue.minimum);
      const kind = issue.origin === 'string' || issue.origin === 'array' ? issue.origin : 'number';
      return t(`init.refuse.${big ? 'max' : 'min'}.${kind}`, { limit });
    }
    case 'invalid_type':
      // zod leaves the input out of its issues; its message says what came.
      return /received undefined/.test(issue.message)
        ? t('init.refuse.required')
        : t(
            `init.refuse.type.${['number', 'int', 'boolean', 'array'].includes(issue.expected) ? issue.expected : 'string'}`,
          );
    case 'invalid_value':
      return t('init.refuse.one_of', { options: issue.values.map(String).join(', ') });
    case 'invalid_union': {
      // The alternative that got furthest: a complaint about the value, not its type.
      const inner = issue.errors.flat().find((i) => i.code !== 'invalid_type');
      return inner ? told(inner, t) : t('init.refuse.other');
    }
    case 'invalid_format':
      return t(`init.refuse.format.${issue.format === 'email' || issue.format === 'url' ? issue.format : 'other'}`);
    default:
      return t('init.refuse.other');
  }
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
