/** What every section's questions share: the context they are asked in and the list and entry helpers. */
import type { PlanPath } from '../../diagnostics.js';
import type { Locale, Plan, PlanMeta, SectionName } from '../../plan/schema.js';
import type { Asker, Choice } from '../ask.js';
import type { PlanDraft } from '../check.js';
import type { SystemDefaults } from '../system.js';
import type { Words } from '../words.js';
import { decisionOf, listOf } from '../../plan/decisions.js';

/**
 * The plan as the interview holds it: each section as the schema types it, any of them not
 * answered yet. Every answer is checked against the schema and the lint rules before it is kept.
 */
export type DraftPlan = Partial<Plan> & PlanDraft;

export interface SectionContext<K extends SectionName = SectionName> {
  ask: Asker;
  say(line: string): void;
  /** The plan so far; the section being asked holds its earlier value, if any. */
  plan: DraftPlan;
  /** The section's earlier value (from a draft or the file being edited), offered as defaults. */
  previous: Plan[K] | undefined;
  defaults: SystemDefaults;
  /** Only this section is asked (`--section`): no "skip it?" question. */
  focused: boolean;
  /** New lint errors (and with `withWarnings`, warnings at the field) of `candidate` at `field`, or anywhere outside `entry`. */
  errors(candidate: PlanDraft, field: PlanPath, entry?: PlanPath, withWarnings?: boolean): Promise<string | undefined>;
  /** Shows the lint warnings within `entry` as notes. */
  notes(candidate: PlanDraft, entry: PlanPath): Promise<void>;
  /** The questions' words (`--lang`). */
  t: Words;
  /** The plan's language: every default that ends up in the plan is in it. */
  d: Words;
  /** The questions' language. */
  lang: Locale;
  /** The plan's language. */
  locale: Locale;
  /** Every language's words (the plan section picks the plan's language). */
  words: Record<Locale, Words>;
}

export type Ask<K extends SectionName = SectionName> = (ctx: SectionContext<K>) => Promise<unknown>;

/** A list of any length. `min` entries are asked without asking first; then "Add another …?" (default: no). */
export async function entries<T>(
  ctx: SectionContext,
  /** `noun` names the questions init.add.NOUN ("Add a goal?") and init.more.NOUN ("Add another goal?"). */
  o: { noun: string; params?: Record<string, string>; previous?: readonly T[] | undefined; min?: number },
  /** `rest`: the earlier entries after this one, kept in the lint candidate so references to them hold while redoing a section. */
  one: (index: number, previous: T | undefined, soFar: T[], rest: T[]) => Promise<T>,
): Promise<T[]> {
  const out: T[] = [];
  const previous = o.previous ?? [];
  for (let i = 0; ; i++) {
    if (i >= (o.min ?? 0)) {
      const more = await ctx.ask.confirm(
        ctx.t(i === 0 ? `init.add.${o.noun}` : `init.more.${o.noun}`, o.params),
        i < previous.length,
      );
      if (!more) break;
    }
    out.push(await one(i, previous[i], out, previous.slice(i + 1)));
  }
  return out;
}

/** Asks an entry's fields; when the whole entry breaks a lint rule, says why and asks again with the answers as defaults. */
export async function checkedEntry<T>(
  ctx: SectionContext,
  path: PlanPath,
  placed: (entry: T) => PlanDraft,
  fields: (previous: T | undefined) => Promise<T>,
  previous: T | undefined,
): Promise<T> {
  let base = previous;
  for (;;) {
    const entry = await fields(base);
    const candidate = placed(entry);
    const wrong = await ctx.errors(candidate, path, path);
    if (!wrong) {
      await ctx.notes(candidate, path);
      return entry;
    }
    ctx.say(`  \u2716 ${wrong}`);
    ctx.say(`  ${ctx.t('init.again')}`);
    base = entry;
  }
}

/**
 * A section (or list) stated not to apply is asked whether that still holds, with its reason as
 * the default: the decision, kept, or undefined to ask the section's questions.
 */
export async function stillNotApplicable(
  ctx: SectionContext,
  previous: unknown,
): Promise<{ not_applicable: string } | undefined> {
  const reason = decisionOf(previous);
  if (reason === undefined) return undefined;
  if (!(await ctx.ask.confirm(ctx.t('init.not_applicable.still', { reason }), true))) return undefined;
  const not_applicable = await ctx.ask.required(ctx.t('init.not_applicable.reason'), { default: reason });
  // decisionOf has found an object holding a reason.
  return { ...(previous as object), not_applicable };
}

/** A text written as one string and offered as a list keeps its shape when the answer is the same text. */
export function sameShape(
  previous: string | string[] | undefined,
  items: string[] | undefined,
): string | string[] | undefined {
  return typeof previous === 'string' && items?.length === 1 && items[0] === previous.trim() ? previous : items;
}

/**
 * An answer to a question whose list has no "none": left out again when the earlier entry left
 * the field out and the answer is the default offered for it, so a redo adds nothing untouched.
 */
export function unlessUnset<T>(earlier: object | undefined, had: T | undefined, answer: T, offered: T): T | undefined {
  return earlier !== undefined && had === undefined && answer === offered ? undefined : answer;
}

/** Ticked items in the order the earlier answer wrote them when they are the same items. */
export function inOrder<T>(earlier: readonly T[] | undefined, ticked: T[]): T[] {
  return earlier?.length === ticked.length && ticked.every((x) => earlier.includes(x)) ? [...earlier] : ticked;
}

/** Leaves out keys whose value is undefined, so the YAML holds only what was answered. */
export function compact<T extends Record<string, unknown>>(o: T): T {
  // Object.fromEntries types its result by value only; dropping undefined values keeps T.
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export async function skipOrDo(ctx: SectionContext, question: string): Promise<boolean> {
  if (ctx.focused) return true;
  return ctx.ask.confirm(question, ctx.previous !== undefined);
}

/** The plan section: asked first, so every later section has it. */
export function metaOf(ctx: SectionContext): PlanMeta {
  return ctx.plan.plan!;
}

/** The channels the plan already names: chosen channels, else those of objectives and personas. */
export function knownChannels(plan: DraftPlan): string[] {
  const chosen = listOf(plan.channels);
  if (chosen.length) return chosen.map((c) => c.id);
  const used = [
    ...listOf(plan.objectives).flatMap((o) => (o.channel ? [o.channel] : [])),
    ...(plan.audience?.personas ?? []).flatMap((p) => listOf(p.channels).map((c) => c.channel)),
  ];
  return [...new Set(used)];
}

/** Choices of an enum named by the catalogue (`init.PREFIX.value`, else `PREFIX.value` as the document says it). */
export function named<V extends string>(ctx: SectionContext, values: readonly V[], prefix: string): Choice<V>[] {
  return values.map((value) => {
    const key = `init.${prefix}.${value}`;
    const own = ctx.t(key);
    return { value, name: own === key ? ctx.t(`${prefix}.${value}`) : own };
  });
}

/**
 * A section stated not to apply is asked whether that still holds; if it applies now, its
 * questions are asked with the rest of what it held as the defaults.
 */
export function orDecided<K extends SectionName>(ask: Ask<K>): Ask<K> {
  return async (ctx) => {
    if (decisionOf(ctx.previous) === undefined) return ask(ctx);
    const kept = await stillNotApplicable(ctx, ctx.previous);
    if (kept) return kept;
    // decisionOf has found an object with a reason; what it holds beside that is the section's own fields.
    const { not_applicable: _, ...rest } = ctx.previous as Record<string, unknown>;
    return ask({ ...ctx, previous: Object.keys(rest).length ? (rest as Plan[K]) : undefined });
  };
}

/** Does the section apply? No: its reason, kept as `not_applicable`. Undefined: go on and ask it. */
export async function notApplicable(
  ctx: SectionContext,
  name: string,
): Promise<{ not_applicable: string } | undefined> {
  // Only the optional sections ask this; each is an object or a decision, and may hold a reason.
  const prev = ctx.previous as { not_applicable?: string } | undefined;
  const stated = typeof prev?.not_applicable === 'string';
  if (await ctx.ask.confirm(ctx.t(`init.${name}.applies`), !stated)) return undefined;
  const reason = await ctx.ask.required(ctx.t('init.not_applicable.reason'), {
    default: stated ? prev!.not_applicable : undefined,
  });
  return { not_applicable: reason };
}

export function goalIds(ctx: SectionContext): string[] {
  return (ctx.plan.goals ?? []).map((g) => g.id);
}

export async function pickGoals(ctx: SectionContext, previous: string[] | undefined): Promise<string[] | undefined> {
  const goals = goalIds(ctx);
  if (!goals.length) return previous;
  const picked = await ctx.ask.chooseMany(
    ctx.t('init.optional.goals'),
    goals.map((g) => ({ value: g, checked: previous?.includes(g) ?? false })),
  );
  return picked.length ? picked : undefined;
}
