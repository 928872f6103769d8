/**
 * The questions of each plan section, in the order of method.md. Each returns the
 * section's value, or undefined when the user skips it.
 */
import type { PlanPath } from '../diagnostics.js';
import {
  AUDIT_DECISIONS,
  BUDGET_CATEGORIES,
  BUDGET_PERIODS,
  CADENCES,
  CURVES,
  KNOWN_CHANNELS,
  LOCALES,
  PAGE_ROLES,
  ROI_TIME_FRAMES,
  TASK_KINDS,
  WEEKDAYS,
  budget as budgetSchema,
  budgetItem,
  content as contentSchema,
  channel as channelSchema,
  channelAuditEntry,
  competitor as competitorSchema,
  competitorChannel,
  goal as goalSchema,
  internal as internalSchema,
  localeLanguage,
  kpi as kpiSchema,
  objective as objectiveSchema,
  onlineTime,
  persona as personaSchema,
  pest as pestSchema,
  pillar as pillarSchema,
  planMeta,
  positioning as positioningSchema,
  role as roleSchema,
  sampleTotals,
  severity as severitySchema,
  slot as slotSchema,
  swot as swotSchema,
  task as taskSchema,
  tool as toolSchema,
  type Budget,
  type BudgetItem,
  type Channel,
  type Competitor,
  type CompetitorChannel,
  type Content,
  type Crisis,
  type Goal,
  type Kpi,
  type Locale,
  type Objective,
  type Persona,
  type Plan,
  type PlanMeta,
  type Review,
  type SectionName,
  type Team,
  type OPTIONAL_SECTIONS,
} from '../plan/schema.js';
import { plansThePosts } from '../lint/rules/planning-cadence.js';
import type { Asker, Choice } from './ask.js';
import { schemaError, withValue, type PlanDraft } from './check.js';
import {
  currencies,
  nextMonthStart,
  oneYearFrom,
  placeDefaults,
  slugId,
  timeZones,
  uniqueId,
  type SystemDefaults,
} from './system.js';
import { DAY_NAMES, parseOnlineTime, showOnlineTime, type Words } from './words.js';
import { decisionOf, listOf } from '../plan/decisions.js';
import { DURATION_UNIT } from '../units.js';
import {
  addressWarning,
  budgetWarning,
  emailWarning,
  planFormat,
  slotPersonaWarning,
  targetWarning,
} from './warnings.js';

export interface SectionContext {
  ask: Asker;
  say(line: string): void;
  /** The plan so far; the section being asked holds its earlier value, if any. */
  plan: PlanDraft;
  /** The section's earlier value (from a draft or the file being edited), offered as defaults. */
  previous: unknown;
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

type Ask = (ctx: SectionContext) => Promise<unknown>;

// ------------------------------------------------------------------ helpers

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
async function checkedEntry<T>(
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
  return { ...(previous as object), not_applicable };
}

/** A text written as one string and offered as a list keeps its shape when the answer is the same text. */
function sameShape(
  previous: string | string[] | undefined,
  items: string[] | undefined,
): string | string[] | undefined {
  return typeof previous === 'string' && items?.length === 1 && items[0] === previous.trim() ? previous : items;
}

/**
 * An answer to a question whose list has no "none": left out again when the earlier entry left
 * the field out and the answer is the default offered for it, so a redo adds nothing untouched.
 */
function unlessUnset<T>(earlier: object | undefined, had: T | undefined, answer: T, offered: T): T | undefined {
  return earlier !== undefined && had === undefined && answer === offered ? undefined : answer;
}

/** Ticked items in the order the earlier answer wrote them when they are the same items. */
function inOrder<T>(earlier: readonly T[] | undefined, ticked: T[]): T[] {
  return earlier?.length === ticked.length && ticked.every((x) => earlier.includes(x)) ? [...earlier] : ticked;
}

/** Leaves out keys whose value is undefined, so the YAML holds only what was answered. */
export function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export async function skipOrDo(ctx: SectionContext, question: string): Promise<boolean> {
  if (ctx.focused) return true;
  return ctx.ask.confirm(question, ctx.previous !== undefined);
}

function metaOf(ctx: SectionContext): PlanMeta {
  return ctx.plan.plan as PlanMeta;
}

/** The channels the plan already names: chosen channels, else those of objectives and personas. */
function knownChannels(plan: PlanDraft): string[] {
  const chosen = listOf(plan.channels as Channel[] | undefined);
  if (chosen.length) return chosen.map((c) => c.id);
  const used = [
    ...listOf(plan.objectives as Objective[] | undefined).flatMap((o) => (o.channel ? [o.channel] : [])),
    ...((plan.audience as { personas?: Persona[] } | undefined)?.personas ?? []).flatMap((p) =>
      listOf(p.channels).map((c) => c.channel),
    ),
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

// ------------------------------------------------------------------ plan

const LOCALE_NAMES = { en: 'English', nb: 'Norsk bokmål', bg: 'Български (Bulgarian)' } as const;

const askPlan: Ask = async (ctx) => {
  const { ask, t } = ctx;
  const prev = (ctx.previous ?? {}) as Partial<PlanMeta>;
  const shape = planMeta.shape;
  const organization = await ask.required(t('init.plan.organization'), {
    schema: shape.organization,
    default: prev.organization,
  });
  const language = await ask.choose(
    t('init.plan.locale'),
    LOCALES.map((l) => ({ value: l, name: `${l}  ${LOCALE_NAMES[l]}` })),
    // A new plan is written in the language the consultant is asked in.
    prev.locale ? localeLanguage(prev.locale) : ctx.lang,
  );
  // A regional locale (nb-NO) of the same language is kept; from here on, defaults are in this language.
  const locale = prev.locale && localeLanguage(prev.locale) === language ? prev.locale : language;
  const d = ctx.words[language];
  const place = placeDefaults(language, ctx.defaults);
  const currency = await ask.choose(
    t('init.plan.currency'),
    currencies(prev.currency ?? place.currency).map((c) => ({ value: c })),
    prev.currency ?? place.currency,
  );
  const zone = prev.timezone ?? place.timezone;
  const timezone = await ask.choose(
    t('init.plan.timezone'),
    timeZones(zone).map((z) => ({ value: z })),
    zone,
  );
  const base = { title: organization, ...prev, organization, locale, currency, timezone };
  const probe = (field: keyof PlanMeta, meta: PlanMeta) => ctx.errors({ ...ctx.plan, plan: meta }, ['plan', field]);
  const start = await ask.date(t('init.plan.start'), {
    default: prev.start ?? nextMonthStart(ctx.defaults.today),
    check: (v) => probe('start', { ...base, start: v, end: oneYearFrom(v) }),
  });
  const end = await ask.date(t('init.plan.end'), {
    default: prev.end && prev.end > start ? prev.end : oneYearFrom(start),
    check: (v) => probe('end', { ...base, start, end: v }),
  });
  const title = await ask.required(t('init.plan.title'), {
    schema: shape.title,
    default: prev.title ?? d('init.default.title', { organization, years: yearsOf(start, end) }),
  });
  ctx.say(`  ${t('init.plan.problem_why')}`);
  const problem = await ask.text(t('init.plan.problem'), {
    schema: shape.problem,
    default: prev.problem,
    optional: true,
  });
  const business_goals = await ask.list(t('init.plan.business_goals'), {
    schema: shape.business_goals,
    default: prev.business_goals,
  });
  return compact({ ...prev, title, organization, locale, currency, timezone, start, end, problem, business_goals });
};

/** "2027" for a calendar-year plan, "2026/27" for one that spans two years. */
function yearsOf(start: string, end: string): string {
  const [a, b] = [start.slice(0, 4), end.slice(0, 4)];
  return a === b ? a : `${a}/${b.slice(2)}`;
}

// ------------------------------------------------------------------ situation: internal, PEST, SWOT, channel audit

type Situation = NonNullable<Plan['situation']>;
type Internal = NonNullable<Situation['internal']>;
type AuditEntry = NonNullable<Situation['channel_audit']>[number];
type PastActivity = NonNullable<Internal['history']>[number];
type PageRole = NonNullable<AuditEntry['admins']>[number];

/** A field that may be one text or a list of texts, offered as a list. */
function asList(value: string | string[] | undefined): string[] | undefined {
  return typeof value === 'string' ? [value] : value;
}

const askSituation: Ask = async (ctx) => {
  const { ask, say, t } = ctx;
  const prev = (ctx.previous ?? {}) as Situation;
  const situation: Situation = { ...prev };

  if (await ask.confirm(t('init.situation.internal'), prev.internal !== undefined)) {
    const p: Internal = prev.internal ?? {};
    const s = internalSchema.shape;
    const about = await ask.text(t('init.situation.about'), { default: p.about, optional: true });
    const offering = sameShape(
      p.offering,
      await ask.list(t('init.situation.offering'), { default: asList(p.offering) }),
    );
    const level = await ask.choose<'' | 'adequate' | 'limited'>(
      t('init.situation.resources'),
      [{ value: '', name: t('init.skip') }, ...named(ctx, ['adequate', 'limited'] as const, 'resources')],
      p.resources?.level ?? '',
    );
    const notes = level
      ? await ask.text(t('init.situation.resource_notes'), { default: p.resources?.notes, optional: true })
      : undefined;
    const reputation = await ask.text(t('init.situation.reputation'), { default: p.reputation, optional: true });
    const history = await entries<PastActivity>(ctx, { noun: 'activity', previous: p.history }, async (_i, h) =>
      compact({
        ...h,
        what: await ask.required(t('init.situation.what'), {
          schema: s.history.unwrap().element.shape.what,
          default: h?.what,
        }),
        where: await ask.text(t('init.situation.where'), { default: h?.where, optional: true }),
        result: await ask.text(t('init.situation.result'), { default: h?.result, optional: true }),
      }),
    );
    situation.internal = compact({
      ...p,
      about,
      offering,
      reputation,
      resources: level ? compact({ ...p.resources, level, notes }) : undefined,
      history: history.length ? history : undefined,
    });
  }

  say(`  ${t('init.situation.pest_why')}`);
  if (await ask.confirm(t('init.situation.pest'), prev.external?.pest !== undefined)) {
    const p = prev.external?.pest ?? {};
    const pest: Record<string, string | string[] | undefined> = {};
    for (const factor of Object.keys(pestSchema.shape) as (keyof typeof p)[]) {
      pest[factor] = sameShape(
        p[factor],
        await ask.list(t(`init.situation.pest.${factor}`), { default: asList(p[factor]) }),
      );
    }
    const landscape = await ask.text(t('init.situation.landscape'), {
      default: prev.external?.landscape,
      optional: true,
    });
    situation.external = compact({ ...prev.external, landscape, pest: compact({ ...p, ...pest }) });
  }

  say(`  ${t('init.situation.swot_why')}`);
  if (await ask.confirm(t('init.situation.swot'), prev.swot !== undefined)) {
    const p = prev.swot ?? {};
    const swot: Record<string, string[] | undefined> = {};
    for (const part of Object.keys(swotSchema.shape) as (keyof typeof p)[]) {
      swot[part] = await ask.list(t(`init.situation.swot.${part}`), { default: p[part] });
    }
    situation.swot = compact(swot);
  }

  say(`  ${t('init.situation.audit_why')}`);
  const s = channelAuditEntry.shape;
  const audit = await entries<AuditEntry>(
    ctx,
    { noun: 'profile', previous: prev.channel_audit },
    async (i, p, soFar, rest) =>
      checkedEntry(
        ctx,
        ['situation', 'channel_audit', i],
        (e) => withValue(ctx.plan, ['situation'], { ...situation, channel_audit: [...soFar, e, ...rest] }),
        async (b) => {
          const channel = (await ask.channel(t('init.audit.channel'), { default: b?.channel }))!;
          const handle = await ask.text(t('init.audit.handle'), {
            schema: s.handle,
            default: b?.handle,
            optional: true,
            warn: (v) => addressWarning(t, v),
          });
          const active = await ask.confirm(t('init.audit.active'), b?.active ?? true);
          const worked = await ask.text(t('init.audit.worked'), {
            schema: s.worked,
            default: b?.worked,
            optional: true,
          });
          const did_not_work = await ask.text(t('init.audit.did_not_work'), {
            schema: s.did_not_work,
            default: b?.did_not_work,
            optional: true,
          });
          const why =
            worked || did_not_work
              ? await ask.text(t('init.audit.why'), { schema: s.why, default: b?.why, optional: true })
              : b?.why;
          const decision = await ask.choose(
            t('init.audit.decision'),
            named(ctx, AUDIT_DECISIONS, 'decision'),
            b?.decision ?? (active ? 'keep' : 'close'),
          );
          const owner = await ask.text(t('init.audit.owner'), { schema: s.owner, default: b?.owner, optional: true });
          say(`  ${t('init.audit.roles_why')}`);
          const admins = await entries<PageRole>(
            ctx,
            { noun: 'page_role', params: { channel }, previous: b?.admins },
            async (_j, a) => {
              const name = await ask.required(t('init.audit.admin_name'), { default: a?.name });
              const role = await ask.choose(
                t('init.audit.admin_role', { name }),
                named(ctx, PAGE_ROLES, 'page_role'),
                a?.role ?? 'editor',
              );
              const left = await ask.confirm(t('init.audit.admin_left', { name }), a?.left ?? false);
              return compact({ ...a, name, role, left: left || undefined });
            },
          );
          const stays = admins.find((a) => !a.left)?.name;
          const login_holder = await ask.text(t('init.audit.login_holder'), {
            schema: s.login_holder,
            default: b ? b.login_holder : (owner ?? stays),
            optional: true,
          });
          const login_email = await ask.text(t('init.audit.login_email'), {
            schema: s.login_email,
            default: b?.login_email,
            optional: true,
            warn: (v) => emailWarning(t, v),
          });
          return compact({
            ...b,
            channel,
            handle,
            active,
            worked,
            did_not_work,
            why,
            decision,
            owner,
            login_holder,
            login_email,
            admins: admins.length ? admins : undefined,
          });
        },
        p,
      ),
  );
  situation.channel_audit = audit.length ? audit : undefined;
  const value = compact(situation);
  return Object.keys(value).length ? value : undefined;
};

// ------------------------------------------------------------------ goals

const TYPICAL_GOALS = ['awareness', 'loyalty', 'leads', 'expertise', 'service', 'sales', 'lower-cost'] as const;

const askGoals: Ask = async (ctx) => {
  const { ask, t, d } = ctx;
  const s = goalSchema.shape;
  return entries(
    ctx,
    { noun: 'goal', previous: ctx.previous as Goal[] | undefined, min: 1 },
    async (i, prev, soFar, rest) =>
      checkedEntry(
        ctx,
        ['goals', i],
        (g) => ({ ...ctx.plan, goals: [...soFar, g, ...rest] }),
        async (b) => {
          const used = new Set(soFar.map((g) => g.id));
          const free = TYPICAL_GOALS.find((id) => !used.has(id));
          // An earlier goal's kind is the typical goal its id names, else its own.
          const was = b ? (TYPICAL_GOALS.find((id) => b.id === id || b.id.startsWith(`${id}-`)) ?? 'own') : undefined;
          const kind = await ask.choose(
            t('init.goals.kind', { n: i + 1 }),
            [
              ...TYPICAL_GOALS.map((id) => ({ value: id as string, name: t(`init.goal.${id}.name`) })),
              { value: 'own', name: t('init.goals.own') },
            ],
            was ?? free ?? 'own',
          );
          const typical = TYPICAL_GOALS.find((id) => id === kind);
          // Another kind than before: its statement and id are offered, not the old ones.
          const kept = kind === was ? b : undefined;
          const statement = await ask.required(t('init.goals.statement'), {
            schema: s.statement,
            default: kept?.statement ?? (typical ? d(`init.goal.${typical}.statement`) : b?.statement),
          });
          const candidate = (g: Partial<Goal>): PlanDraft => ({
            ...ctx.plan,
            goals: [...soFar, { id: 'goal', statement, priority: 'secondary', ...b, ...g }, ...rest],
          });
          const id = await ask.required(t('init.goals.id'), {
            schema: s.id,
            default: kept?.id ?? uniqueId(typical ?? slugId(statement, 'goal'), used),
            check: (v) => ctx.errors(candidate({ id: v }), ['goals', i, 'id'], ['goals', i]),
          });
          const primaries = soFar.filter((g) => g.priority === 'primary').length;
          const priority = await ask.choose(
            t('init.goals.priority'),
            named(ctx, ['primary', 'secondary'] as const, 'priority'),
            b?.priority ?? (primaries < 2 ? 'primary' : 'secondary'),
          );
          const departments = await ask.list(t('init.goals.departments'), { default: b?.departments });
          const business = (ctx.plan.plan as PlanMeta | undefined)?.business_goals;
          const ties_to = await ask.text(t('init.goals.ties_to'), {
            schema: s.ties_to,
            default: b ? b.ties_to : business?.[0],
            optional: true,
          });
          return compact({
            ...b,
            id,
            statement,
            priority: unlessUnset(b, b?.priority, priority, primaries < 2 ? 'primary' : 'secondary'),
            departments,
            ties_to,
          });
        },
        prev,
      ),
  );
};

// ------------------------------------------------------------------ objectives

const askObjectives: Ask = async (ctx) => {
  const { ask, t, d } = ctx;
  const s = objectiveSchema.shape;
  const goals = ctx.plan.goals as Goal[];
  const meta = metaOf(ctx);
  return entries(
    ctx,
    { noun: 'objective', previous: ctx.previous as Objective[] | undefined, min: 1 },
    async (i, prev, soFar, rest) => {
      const path = ['objectives', i];
      const placed = (o: Objective): PlanDraft => ({ ...ctx.plan, objectives: [...soFar, o, ...rest] });
      return checkedEntry(
        ctx,
        path,
        placed,
        async (b) => {
          const covered = new Set(soFar.map((o) => o.goal));
          const goal = await ask.choose(
            t('init.objectives.goal', { n: i + 1 }),
            goals.map((g) => ({ value: g.id, name: `${g.id}: ${g.statement}` })),
            b?.goal ?? goals.find((g) => !covered.has(g.id))?.id ?? goals[0]!.id,
          );
          const metric = await ask.required(t('init.objectives.metric'), {
            schema: s.metric,
            default: b?.metric ?? d('init.default.metric'),
          });
          // The unit says how figures are shown and judged: money, % and times are meant to fall.
          const unit = await ask.text(t('init.objectives.unit', { metric, currency: meta.currency }), {
            schema: s.unit,
            default: b?.unit,
            optional: true,
          });
          const lower = await ask.confirm(
            t('init.objectives.lower_is_better', { metric }),
            b ? b.lower_is_better === true : DURATION_UNIT.test(unit?.trim() ?? ''),
          );
          const lower_is_better = lower ? true : undefined;
          // Fields not asked yet hold a valid stand-in so that the lint rules can run on the rest.
          const draft = (o: Partial<Objective>): PlanDraft =>
            placed({
              id: 'objective',
              goal,
              metric,
              baseline: 1,
              target: 2,
              deadline: meta.end,
              ...b,
              ...o,
            } as Objective);
          const channel = await ask.channel(t('init.objectives.channel'), {
            none: t('init.objectives.all_channels'),
            default: b ? (b.channel ?? '') : '',
            offer: knownChannels(ctx.plan),
            check: (v) => ctx.errors(draft({ channel: v }), [...path, 'channel'], path),
          });
          const taken = soFar.map((o) => o.id);
          const id = await ask.required(t('init.objectives.id'), {
            schema: s.id,
            default: b?.id ?? uniqueId(objectiveId(channel ?? goal, metric), taken),
            check: (v) => ctx.errors(draft({ id: v, channel }), [...path, 'id'], path),
          });
          const baseline = (await ask.number(t('init.objectives.baseline', { metric }), {
            schema: s.baseline,
            default: b?.baseline,
          }))!;
          ctx.say(`  ${t('init.objectives.target_why')}`);
          const target = await ask.target(t('init.objectives.target', { baseline: ask.show(baseline) }), {
            default: b?.target ?? (baseline > 0 ? (lower ? '-20%' : '+20%') : undefined),
            check: async (v) =>
              schemaError(s.target, v, t) ??
              ctx.errors(draft({ id, channel, unit, lower_is_better, baseline, target: v }), [...path, 'target'], path),
            warn: (v) => targetWarning(t, planFormat(metaOf(ctx), ctx.locale), { baseline, target: v, unit }),
          });
          const deadline = await ask.date(t('init.objectives.deadline', { end: meta.end }), {
            default: b?.deadline ?? meta.end,
            // Outside the plan period is only a warning in lint, but here it is surely a slip: ask again.
            check: (v) =>
              ctx.errors(draft({ id, channel, baseline, target, deadline: v }), [...path, 'deadline'], path, true),
          });
          const curve = await ask.choose(
            t('init.objectives.curve'),
            named(ctx, CURVES, 'curve'),
            b?.curve ?? 'linear',
            (v) => ctx.errors(draft({ id, channel, baseline, target, deadline, curve: v }), path, path),
          );
          const tool = await ask.text(t('init.objectives.tool'), {
            schema: s.tool,
            default: b?.tool,
            optional: true,
          });
          const why = await ask.text(t('init.objectives.why'), { schema: s.why, default: b?.why, optional: true });
          return compact({
            ...b,
            id,
            goal,
            metric,
            channel,
            unit,
            lower_is_better,
            baseline,
            target,
            deadline,
            curve: unlessUnset(b, b?.curve, curve, 'linear'),
            tool,
            why,
          }) as Objective;
        },
        prev,
      );
    },
  );
};

/** "instagram" + "followers" -> "instagram-followers"; "loyalty" + "loyalty sign-ups" -> "loyalty-sign-ups". */
function objectiveId(prefix: string, metric: string): string {
  const base = slugId(metric, 'objective');
  return base.startsWith(`${prefix}-`) || base === prefix ? base : `${prefix}-${base}`;
}

// ------------------------------------------------------------------ audience

const askAudience: Ask = async (ctx) => {
  const { ask, t } = ctx;
  const prevPersonas = (ctx.previous as { personas?: Persona[] } | undefined)?.personas;
  if (!(await skipOrDo(ctx, t('init.audience.start')))) return ctx.previous;
  const s = personaSchema.shape;
  const personas = await entries(
    ctx,
    { noun: 'persona', previous: prevPersonas, min: 1 },
    async (i, prev, soFar, rest) =>
      checkedEntry(
        ctx,
        ['audience', 'personas', i],
        (p) => ({ ...ctx.plan, audience: { personas: [...soFar, p, ...rest] } }),
        async (b) => {
          const name = await ask.required(t('init.audience.name', { n: i + 1 }), {
            schema: s.name,
            default: b?.name,
          });
          const id = await ask.required(t('init.short_id'), {
            schema: s.id,
            default:
              b?.id ??
              uniqueId(
                slugId(name, 'persona'),
                soFar.map((p) => p.id),
              ),
            check: (v) =>
              ctx.errors(
                { ...ctx.plan, audience: { personas: [...soFar, { id: v, name }, ...rest] } },
                ['audience', 'personas', i, 'id'],
                ['audience', 'personas', i],
              ),
          });
          const ageText = await ask.text(t('init.audience.age'), {
            schema: s.age,
            default: b?.age !== undefined ? String(b.age) : undefined,
            optional: true,
          });
          const age = ageText !== undefined && /^\d+$/.test(ageText) ? Number(ageText) : ageText;
          const occupation = await ask.text(t('init.audience.occupation'), { default: b?.occupation, optional: true });
          const income = await ask.text(t('init.audience.income'), { default: b?.income, optional: true });
          const pains = await ask.list(t('init.audience.pains'), { default: b?.pains });
          const obstacles = await ask.list(t('init.audience.obstacles'), { default: b?.obstacles });
          const motivations = await ask.list(t('init.audience.motivations'), { default: b?.motivations });
          const interests = await ask.list(t('init.audience.interests'), { default: b?.interests });
          const likes = await ask.list(t('init.audience.likes'), { default: b?.likes });
          const dislikes = await ask.list(t('init.audience.dislikes'), { default: b?.dislikes });
          const objections = await ask.list(t('init.audience.objections'), { default: b?.objections });
          const known = [...new Set([...(b?.channels ?? []).map((c) => c.channel), ...knownChannels(ctx.plan)])];
          ctx.say(`  ${t('init.audience.shares_why')}`);
          const used = await ask.chooseMany(
            t('init.audience.networks'),
            [...new Set([...known, ...KNOWN_CHANNELS])].map((c) => ({
              value: c,
              checked: (b?.channels ?? []).some((x) => x.channel === c),
            })),
          );
          const channels: { channel: string; share: number }[] = [];
          for (const [k, channel] of used.entries()) {
            const had = b?.channels?.find((c) => c.channel === channel)?.share;
            const left = Math.max(0, 1 - channels.reduce((sum, c) => sum + c.share, 0));
            const share = (await ask.percent(t('init.audience.share', { channel }), {
              schema: s.channels.unwrap().element.shape.share,
              default: had ?? Math.floor((left * 100) / (used.length - k)) / 100,
              check: (v) =>
                v > left + 1e-9
                  ? `the shares would add up to more than 100 % (${Math.round(left * 100)} % is left)`
                  : undefined,
            }))!;
            channels.push({ channel, share });
          }
          ctx.say(`  ${t('init.audience.online_why')}`);
          const spans = await ask.list(t('init.audience.online', { example: t('init.audience.online_example') }), {
            default: b?.online_times?.map((w) => showOnlineTime(w, ctx.lang)),
            check: (items) => {
              const bad = items.find((w) => !onlineTime.safeParse(parseOnlineTime(w) ?? {}).success);
              return bad === undefined ? undefined : t('init.audience.online_wrong', { bad });
            },
          });
          // A window as it was (with its note) when its text is unchanged.
          const online_times = spans?.map((w) => {
            const read = parseOnlineTime(w)!;
            const same = b?.online_times?.find((x) => showOnlineTime(x, ctx.lang) === showOnlineTime(read, ctx.lang));
            return same ?? read;
          });
          return compact({
            ...b,
            id,
            name,
            age,
            occupation,
            income,
            pains,
            obstacles,
            motivations,
            interests,
            likes,
            dislikes,
            objections,
            channels: channels.length ? channels : undefined,
            online_times,
          }) as Persona;
        },
        prev,
      ),
  );
  return { personas };
};

// ------------------------------------------------------------------ competitors

const askCompetitors: Ask = async (ctx) => {
  const { ask, say, t } = ctx;
  if (!(await skipOrDo(ctx, t('init.competitors.start')))) return ctx.previous;
  const s = competitorSchema.shape;
  const cs = competitorChannel.shape;
  const ts = sampleTotals.shape;
  const list = await entries(
    ctx,
    { noun: 'competitor', previous: ctx.previous as Competitor[] | undefined, min: 1 },
    async (i, prev, soFar, rest) => {
      const path = ['competitors', i];
      const name = await ask.required(t('init.competitors.name', { n: i + 1 }), {
        schema: s.name,
        default: prev?.name,
      });
      const channels = await entries(
        ctx,
        { noun: 'network', params: { name }, previous: prev?.channels, min: 1 },
        async (j, pc, chSoFar, chRest) => {
          const chPath = [...path, 'channels', j];
          const placed = (c: CompetitorChannel): PlanDraft => ({
            ...ctx.plan,
            competitors: [...soFar, { name, channels: [...chSoFar, c, ...chRest] }, ...rest],
          });
          return checkedEntry(
            ctx,
            chPath,
            placed,
            async (b) => {
              const channel = (await ask.channel(t('init.competitors.channel', { n: j + 1, name }), {
                default: b?.channel,
              }))!;
              const followers = (await ask.number(t('init.competitors.followers', { name, channel }), {
                schema: cs.followers,
                default: b?.followers,
              }))!;
              const posts_per_week = await ask.number(t('init.competitors.posts_per_week'), {
                schema: cs.posts_per_week,
                default: b?.posts_per_week,
                optional: true,
              });
              const posting_times = await ask.list(t('init.competitors.posting_times'), {
                schema: cs.posting_times,
                default: b?.posting_times,
              });
              const content_types = await ask.list(t('init.competitors.content_types'), {
                schema: cs.content_types,
                default: b?.content_types,
              });
              const tone = await ask.text(t('init.competitors.tone'), {
                schema: cs.tone,
                default: b?.tone,
                optional: true,
              });
              const responses = await ask.text(t('init.competitors.responses'), {
                schema: cs.responses,
                default: b?.responses,
                optional: true,
              });
              say(`  ${t('init.competitors.engagement_why')}`);
              const how = await ask.choose(
                t('init.competitors.how'),
                [
                  { value: 'sample', name: t('init.competitors.how_sample') },
                  { value: 'csv', name: t('init.competitors.how_csv') },
                  // Posts listed one by one in the plan file: kept as they are.
                  ...(b?.posts?.length ? [{ value: 'posts', name: t('init.competitors.how_posts') }] : []),
                ],
                b?.posts_csv !== undefined ? 'csv' : b?.posts?.length && !b.sample ? 'posts' : 'sample',
              );
              // The earlier entry's fields, in its order; one source of engagement replaces the other.
              const fields = {
                ...b,
                channel,
                followers,
                posts_per_week,
                posting_times,
                content_types,
                tone,
                responses,
              };
              const base = compact({ ...fields, posts_csv: undefined, sample: undefined }) as CompetitorChannel;
              if (how === 'posts') return base;
              if (how === 'csv') {
                const posts_csv = await ask.required(t('init.competitors.csv'), {
                  schema: cs.posts_csv,
                  default: b?.posts_csv,
                  check: (v) => ctx.errors(placed({ ...base, posts_csv: v }), [...chPath, 'posts_csv'], chPath),
                });
                return compact({ ...fields, posts_csv, sample: undefined }) as CompetitorChannel;
              }
              const posts = (await ask.number(t('init.competitors.posts'), {
                schema: ts.posts,
                default: b?.sample?.posts,
              }))!;
              const likes = (await ask.number(t('init.competitors.likes', { posts: ask.show(posts) }), {
                schema: ts.likes,
                default: b?.sample?.likes,
              }))!;
              const comments = (await ask.number(t('init.competitors.comments'), {
                schema: ts.comments,
                default: b?.sample?.comments,
              }))!;
              const shares = (await ask.number(t('init.competitors.shares'), {
                schema: ts.shares,
                default: b?.sample?.shares,
              }))!;
              return compact({
                ...fields,
                posts_csv: undefined,
                sample: { ...b?.sample, posts, likes, comments, shares },
              }) as CompetitorChannel;
            },
            pc,
          );
        },
      );
      const better_at = await ask.list(t('init.competitors.better_at', { name }), { default: prev?.better_at });
      const we_do_better = await ask.list(t('init.competitors.we_do_better', { name }), {
        default: prev?.we_do_better,
      });
      return compact({ ...prev, name, channels, better_at, we_do_better }) as Competitor;
    },
  );
  return list;
};

// ------------------------------------------------------------------ positioning

const askPositioning: Ask = async (ctx) => {
  const { ask, t } = ctx;
  if (!(await skipOrDo(ctx, t('init.positioning.start')))) return ctx.previous;
  const prev = (ctx.previous ?? {}) as Record<string, string | undefined>;
  const s = positioningSchema.shape;
  const statement = await ask.required(t('init.positioning.statement'), {
    schema: s.statement,
    default: prev.statement,
  });
  const voice = await ask.text(t('init.positioning.voice'), { default: prev.voice, optional: true });
  const brand_position = await ask.text(t('init.positioning.brand_position'), {
    default: prev.brand_position,
    optional: true,
  });
  const unique = await ask.text(t('init.positioning.unique'), { default: prev.unique, optional: true });
  const engaging = await ask.text(t('init.positioning.engaging'), { default: prev.engaging, optional: true });
  const realistic = await ask.text(t('init.positioning.realistic'), { default: prev.realistic, optional: true });
  return compact({ ...prev, statement, voice, brand_position, unique, engaging, realistic });
};

// ------------------------------------------------------------------ channels

type Tactic = NonNullable<Channel['tactics']>[number];

const askChannels: Ask = async (ctx) => {
  const { ask, say, t } = ctx;
  if (!(await skipOrDo(ctx, t('init.channels.start')))) return ctx.previous;
  const prev = (ctx.previous ?? []) as Channel[];
  const used = knownChannels({ ...ctx.plan, channels: undefined });
  const personas = (ctx.plan.audience as { personas?: Persona[] } | undefined)?.personas ?? [];
  const objectives = listOf(ctx.plan.objectives as Objective[] | undefined);
  const rivals = listOf(ctx.plan.competitors as Competitor[] | undefined).filter((c) => c.better_at?.length);
  const offer = [...new Set([...prev.map((c) => c.id), ...used, ...KNOWN_CHANNELS])];
  const preset = prev.length ? prev.map((c) => c.id) : used;
  const picked = await ask.chooseMany(
    t('init.channels.pick'),
    offer.map((c) => ({ value: c, checked: preset.includes(c) })),
    async (list) => {
      if (list.length === 0) return t('init.channels.none');
      return ctx.errors(
        // Channels kept hold their tactics (which a budget item may name) while the list is checked.
        { ...ctx.plan, channels: list.map((id) => prev.find((c) => c.id === id) ?? { id, role: 'primary' }) },
        ['channels'],
        ['channels'],
      );
    },
  );
  // The channel most of the personas' time goes to is offered as primary (seed 002: 40 % beats 20 %).
  const weight = (id: string) =>
    personas.reduce((sum, p) => sum + (listOf(p.channels).find((c) => c.channel === id)?.share ?? 0), 0);
  const ranked = [...picked].sort((a, b) => weight(b) - weight(a));
  const s = channelSchema.shape;
  const out: Channel[] = [];
  for (const [i, id] of picked.entries()) {
    const b = prev.find((c) => c.id === id);
    const role = await ask.choose(
      t('init.channels.role', { channel: id }),
      named(ctx, ['primary', 'secondary'] as const, 'priority'),
      b?.role ?? (ranked.indexOf(id) < 2 ? 'primary' : 'secondary'),
    );
    const purpose = await ask.text(t('init.channels.purpose', { channel: id }), {
      schema: s.purpose,
      default: b?.purpose,
      optional: true,
    });
    const reached = personas.length
      ? await ask.chooseMany(
          t('init.channels.personas', { channel: id }),
          personas.map((p) => ({
            value: p.id,
            name: p.name,
            checked: b ? (b.personas?.includes(p.id) ?? false) : listOf(p.channels).some((c) => c.channel === id),
          })),
        )
      : undefined;
    const editorial_line = await ask.text(t('init.channels.editorial_line', { channel: id }), {
      schema: s.editorial_line,
      default: b?.editorial_line,
      optional: true,
    });
    say(`  ${t('init.channels.tactics_why')}`);
    const tactics = await entries<Tactic>(
      ctx,
      { noun: 'tactic', params: { channel: id }, previous: b?.tactics },
      async (_j, tb) => {
        const action = await ask.required(t('init.channels.tactic_action'), { default: tb?.action });
        const serves = objectives.length
          ? await ask.chooseMany(
              t('init.channels.tactic_objectives'),
              objectives.map((o) => ({
                value: o.id,
                name: `${o.id}: ${o.metric}`,
                checked: tb ? (tb.objectives?.includes(o.id) ?? false) : o.channel === id,
              })),
              // An earlier tactic that served none is not made to now (lint says so, as a warning).
              (v) => (v.length || (tb && !tb.objectives) ? undefined : t('init.channels.tactic_objectives_none')),
            )
          : undefined;
        const paid = await ask.confirm(t('init.channels.tactic_paid'), tb?.paid ?? false);
        const adopted_from = rivals.length
          ? await ask.choose(
              t('init.channels.tactic_adopted'),
              [{ value: '', name: t('init.channels.tactic_own') }, ...rivals.map((c) => ({ value: c.name }))],
              tb?.adopted_from ?? '',
            )
          : undefined;
        const adaptation = adopted_from
          ? await ask.required(t('init.channels.tactic_adaptation', { name: adopted_from }), {
              default: tb?.adaptation,
            })
          : undefined;
        return compact({
          ...tb,
          action,
          objectives: serves?.length ? inOrder(tb?.objectives, serves) : undefined,
          paid: unlessUnset(tb, tb?.paid, paid, false),
          adopted_from: adopted_from || undefined,
          adaptation,
        }) as Tactic;
      },
    );
    const owner = await ask.text(t('init.channels.owner', { channel: id }), {
      schema: s.owner,
      default: b?.owner,
      optional: true,
    });
    const posts_per_week = await ask.number(t('init.channels.posts_per_week', { channel: id }), {
      schema: s.posts_per_week,
      // A range written by hand is kept as it is when the question is left at its default.
      default: typeof b?.posts_per_week === 'number' ? b.posts_per_week : undefined,
      optional: true,
    });
    const channel = compact({
      ...b,
      id,
      role,
      purpose,
      personas: reached?.length ? inOrder(b?.personas, reached) : undefined,
      editorial_line,
      tactics: tactics.length ? tactics : undefined,
      owner,
      posts_per_week: posts_per_week ?? (typeof b?.posts_per_week === 'number' ? undefined : b?.posts_per_week),
    }) as Channel;
    out.push(channel);
    await ctx.notes({ ...ctx.plan, channels: [...out] }, ['channels', i]);
  }
  return out;
};

// ------------------------------------------------------------------ content

type Slot = import('../plan/schema.js').Slot;
type SpecialDate = NonNullable<Content['special_dates']>[number];
type ReserveItem = NonNullable<Content['reserve']>[number];

/** The weekday and time a slot for `persona` defaults to: the start of their first window online. */
function whenOnline(
  persona: Persona | undefined,
  fallbackDay: Slot['weekday'],
): { weekday: Slot['weekday']; time: string } {
  const w = persona?.online_times?.[0];
  if (!w) return { weekday: fallbackDay, time: '09:00' };
  const days = w.days?.length ? w.days : WEEKDAYS;
  return { weekday: days.includes(fallbackDay) ? fallbackDay : days[0]!, time: w.from };
}

const askContent: Ask = async (ctx) => {
  const { ask, say, t } = ctx;
  if (!(await skipOrDo(ctx, t('init.content.start')))) return ctx.previous;
  const prev = (ctx.previous ?? {}) as Content;
  const content: Content = { ...prev };
  say(`  ${t('init.content.pillars_why')}`);
  const ps = pillarSchema.shape;
  const pillars = await entries(ctx, { noun: 'pillar', previous: prev.pillars }, async (i, b, soFar, rest) => {
    const name = await ask.required(t('init.content.pillar', { n: i + 1 }), { schema: ps.name, default: b?.name });
    const id = await ask.required(t('init.short_id'), {
      schema: ps.id,
      default:
        b?.id ??
        uniqueId(
          slugId(name, 'pillar'),
          soFar.map((p) => p.id),
        ),
      check: (v) =>
        ctx.errors(
          { ...ctx.plan, content: { ...content, pillars: [...soFar, { id: v, name, share: 0 }, ...rest] } },
          ['content', 'pillars', i, 'id'],
          ['content', 'pillars', i],
        ),
    });
    const left = 1 - soFar.reduce((sum, p) => sum + (p.share ?? 0), 0);
    // A pillar written without a share may stay so.
    const share = await ask.percent(t('init.content.share'), {
      schema: ps.share,
      default: b ? b.share : Math.max(0, Math.round(left * 100) / 100),
      optional: b !== undefined && b.share === undefined,
    });
    return compact({ ...b, id, name, share });
  });
  content.pillars = pillars.length ? pillars : undefined;

  say(`  ${t('init.content.slots_why')}`);
  // "No fixed slots" (with its reason) is a decision, asked again as such.
  const slotsDecided = await stillNotApplicable(ctx, prev.slots);
  const channels = knownChannels(ctx.plan);
  const personas = (ctx.plan.audience as { personas?: Persona[] } | undefined)?.personas ?? [];
  const goals = listOf(ctx.plan.goals as Goal[] | undefined);
  const chosen = listOf(ctx.plan.channels as Channel[] | undefined);
  const ss = slotSchema.shape;
  const slots = slotsDecided
    ? []
    : await entries(ctx, { noun: 'slot', previous: listOf(prev.slots) }, async (i, b, soFar, rest) => {
        const path = ['content', 'slots', i];
        const placed = (s: Slot): PlanDraft => ({
          ...ctx.plan,
          content: { ...content, slots: [...soFar, s, ...rest] },
        });
        return checkedEntry(
          ctx,
          path,
          placed,
          async (p) => {
            const channel = (await ask.channel(t('init.content.slot_channel', { n: i + 1 }), {
              default: p?.channel ?? channels[i % Math.max(1, channels.length)],
              offer: channels,
              check: (v) =>
                ctx.errors(placed({ channel: v, weekday: 'mon', time: '09:00' }), [...path, 'channel'], path),
            }))!;
            // A persona reached on this channel is suggested: the slot is for them.
            const here = chosen.find((c) => c.id === channel)?.personas;
            const onChannel = personas.filter(
              (x) => here?.includes(x.id) ?? (x.channels ?? []).some((c) => c.channel === channel),
            );
            const persona = personas.length
              ? await ask.choose(
                  t('init.content.slot_persona'),
                  [
                    ...personas.map((x) => ({ value: x.id, name: x.name })),
                    { value: '', name: t('init.content.slot_any_persona') },
                  ],
                  // An earlier slot for all personas stays so.
                  p ? (p.persona ?? '') : (onChannel[0]?.id ?? ''),
                  undefined,
                  (v) => slotPersonaWarning(t, ctx.plan as Pick<Plan, 'audience' | 'channels'>, v, channel),
                )
              : '';
            const when = whenOnline(
              personas.find((x) => x.id === persona),
              WEEKDAYS[i % 5]!,
            );
            const weekday = await ask.choose(
              t('init.content.weekday'),
              WEEKDAYS.map((w, k) => ({ value: w, name: DAY_NAMES[ctx.lang][k] })),
              p?.weekday ?? when.weekday,
            );
            const time = (await ask.time(t('init.content.time', { timezone: metaOf(ctx).timezone }), {
              default: p?.time ?? when.time,
              check: (v) => schemaError(ss.time, v, t),
            }))!;
            const pillar = pillars.length
              ? await ask.choose(
                  t('init.content.slot_pillar'),
                  [{ value: '', name: t('init.content.any') }, ...pillars.map((x) => ({ value: x.id, name: x.name }))],
                  p?.pillar ?? '',
                )
              : undefined;
            const goal = goals.length
              ? await ask.choose(
                  t('init.content.slot_goal'),
                  [
                    ...goals.map((g) => ({ value: g.id, name: `${g.id}: ${g.statement}` })),
                    { value: '', name: t('init.skip') },
                  ],
                  p ? (p.goal ?? '') : goals[0]!.id,
                )
              : undefined;
            return compact({
              ...p,
              channel,
              weekday,
              time,
              pillar: pillar || undefined,
              persona: persona || undefined,
              goal: goal || undefined,
            });
          },
          b,
        );
      });
  content.slots = slotsDecided ?? (slots.length ? slots : undefined);

  say(`  ${t('init.content.special_why')}`);
  const meta = metaOf(ctx);
  const sd = await entries<SpecialDate>(ctx, { noun: 'special_date', previous: prev.special_dates }, async (_i, b) => {
    const name = await ask.required(t('init.content.special_name'), { default: b?.name });
    // An earlier entry without a date (a yearly event written by when) may stay so.
    const date = await ask.date(t('init.content.special_date'), {
      default: b?.date,
      optional: b !== undefined && b.date === undefined,
      check: (v) =>
        v < meta.start || v > meta.end
          ? t('init.content.special_outside', { start: meta.start, end: meta.end })
          : undefined,
    });
    const kind = await ask.choose(
      t('init.content.special_kind'),
      named(ctx, ['holiday', 'event', 'campaign', 'launch', 'other'] as const, 'special_kind'),
      b?.kind ?? 'event',
    );
    return compact({ ...b, date, name, kind });
  });
  content.special_dates = sd.length ? sd : undefined;
  const reserve = await entries<ReserveItem>(ctx, { noun: 'reserve', previous: prev.reserve }, async (_i, b) =>
    compact({ ...b, title: await ask.required(t('init.content.reserve_title'), { default: b?.title }) }),
  );
  content.reserve = reserve.length ? reserve : undefined;

  const people = ((ctx.plan.team as Team | undefined)?.roles ?? []).map((r) => r.person ?? r.title);
  if (await ask.confirm(t('init.content.approval'), prev.approval?.required !== false)) {
    const approver = await ask.required(t('init.content.approval_role'), {
      default: prev.approval?.steps?.[0]?.role ?? ctx.d('init.default.approver'),
    });
    const who = await ask.text(t('init.content.approval_who'), {
      default: prev.approval?.steps?.[0] ? prev.approval.steps[0].who : people[0],
      optional: true,
    });
    const max_hours = await ask.number(t('init.content.approval_hours'), {
      schema: contentSchema.shape.approval.unwrap().shape.max_hours,
      default: prev.approval?.steps ? prev.approval.max_hours : 24,
      optional: true,
    });
    content.approval = compact({
      ...prev.approval,
      required: undefined,
      may_publish_alone: undefined,
      steps: [compact({ role: approver, who }), ...(prev.approval?.steps?.slice(1) ?? [])],
      max_hours,
    });
  } else {
    // "No approval" is a decision too: recorded, with who may then publish alone.
    // Those who publish today (owners of publishing tasks), else every role, else the channels' owners.
    const team = ctx.plan.team as Team | undefined;
    const publishers = listOf(team?.tasks).flatMap((k) => (k.kind === 'publishing' && k.owner ? [k.owner] : []));
    const roles = publishers.length ? [...new Set(publishers)] : listOf(team?.roles).map((r) => r.id);
    const owners = listOf(ctx.plan.channels as { owner?: string }[] | undefined).flatMap((c) =>
      c.owner ? [c.owner] : [],
    );
    const may_publish_alone = await ask.list(t('init.content.may_publish_alone'), {
      default: prev.approval?.may_publish_alone ?? (roles.length ? roles : [...new Set(owners)]),
      check: (items) => (items.length ? undefined : t('init.content.may_publish_alone_needed')),
    });
    content.approval = { required: false, may_publish_alone };
  }
  content.horizon_weeks = await ask.number(t('init.content.horizon'), {
    schema: contentSchema.shape.horizon_weeks,
    default: prev.horizon_weeks ?? 8,
  });
  return compact(content as Record<string, unknown>);
};

// ------------------------------------------------------------------ KPIs

const askKpis: Ask = async (ctx) => {
  const { ask, t } = ctx;
  if (!(await skipOrDo(ctx, t('init.kpis.start')))) return ctx.previous;
  const s = kpiSchema.shape;
  const objectives = listOf(ctx.plan.objectives as Objective[] | undefined);
  return entries(
    ctx,
    // One KPI per objective is asked without asking first: each objective is measured.
    { noun: 'kpi', previous: ctx.previous as Kpi[] | undefined, min: Math.max(1, objectives.length) },
    async (i, prev, soFar, rest) =>
      checkedEntry(
        ctx,
        ['kpis', i],
        (k) => ({ ...ctx.plan, kpis: [...soFar, k, ...rest] }),
        async (b) => {
          const free = objectives.find((o) => !soFar.some((k) => k.objective === o.id));
          const objective = await ask.choose(
            t('init.kpis.objective', { n: i + 1 }),
            [
              ...objectives.map((o) => ({ value: o.id, name: `${o.id}: ${o.metric}` })),
              { value: '', name: t('init.kpis.no_objective') },
            ],
            b ? (b.objective ?? '') : (free?.id ?? objectives[0]?.id ?? ''),
          );
          const linked = objectives.find((o) => o.id === objective);
          const name = await ask.required(t('init.kpis.name'), { schema: s.name, default: b?.name ?? linked?.metric });
          const id = await ask.required(t('init.short_id'), {
            schema: s.id,
            default:
              b?.id ??
              uniqueId(
                slugId(name, 'kpi'),
                soFar.map((k) => k.id),
              ),
            check: (v) =>
              ctx.errors({ ...ctx.plan, kpis: [...soFar, { id: v, name }, ...rest] }, ['kpis', i, 'id'], ['kpis', i]),
          });
          const frequency = await ask.choose(
            t('init.kpis.frequency'),
            named(ctx, CADENCES, 'cadence'),
            b?.frequency ?? 'weekly',
          );
          const tool = await ask.text(t('init.kpis.tool'), {
            schema: s.tool,
            default: b ? b.tool : linked?.tool,
            optional: true,
          });
          return compact({
            ...b,
            id,
            name,
            objective: objective || undefined,
            channel: b ? b.channel : linked?.channel,
            frequency: unlessUnset(b, b?.frequency, frequency, 'weekly'),
            tool,
          }) as Kpi;
        },
        prev,
      ),
  );
};

// ------------------------------------------------------------------ budget

const askBudget: Ask = async (ctx) => {
  const { ask, say, t } = ctx;
  if (!(await skipOrDo(ctx, t('init.budget.start')))) return ctx.previous;
  const prev = ctx.previous as Budget | undefined;
  const currency = metaOf(ctx).currency;
  // A budget written without a cap may stay without one.
  const cap = await ask.number(t('init.budget.cap', { currency }), {
    schema: budgetSchema.shape.cap,
    default: prev?.cap,
    optional: prev !== undefined && prev.cap === undefined,
  });
  const objectives = listOf(ctx.plan.objectives as Objective[] | undefined);
  const s = budgetItem.shape;
  const fmt = planFormat(metaOf(ctx), ctx.locale);
  const items = await entries(ctx, { noun: 'budget_item', previous: prev?.items }, async (i, b, soFar, rest) => {
    const name = await ask.required(t('init.budget.item', { n: i + 1 }), { schema: s.name, default: b?.name });
    const category = await ask.choose(
      t('init.budget.category'),
      named(ctx, BUDGET_CATEGORIES, 'category'),
      b?.category ?? 'advertising',
    );
    const per = await ask.choose(t('init.budget.per'), named(ctx, BUDGET_PERIODS, 'per'), b?.per ?? 'month');
    // An item written without a cost (given in kind, not priced yet) may stay so.
    const cost = await ask.number(t(`init.budget.cost.${per}`, { currency }), {
      schema: s.cost,
      default: b?.cost,
      optional: b !== undefined && b.cost === undefined,
      // Said at the item that takes the yearly total over the cap, while it can still be changed.
      warn: (v) =>
        budgetWarning(
          t,
          fmt,
          { ...prev, cap, items: [...soFar, { ...b, name, category, per, cost: v }, ...rest] },
          ctx.plan as Pick<Plan, 'objectives' | 'channels'>,
        ),
    });
    say(`  ${t('init.budget.roi_why')}`);
    const roi = await ask.choose(
      t('init.budget.roi'),
      named(ctx, ROI_TIME_FRAMES, 'roi'),
      b?.roi ?? (category === 'advertising' ? 'short' : 'medium'),
    );
    const funds = objectives.length
      ? await ask.chooseMany(
          t('init.budget.objectives'),
          objectives.map((o) => ({
            value: o.id,
            name: `${o.id}: ${o.metric}`,
            checked: b?.objectives?.includes(o.id) ?? false,
          })),
        )
      : [];
    return compact({
      ...b,
      name,
      category,
      cost,
      per: unlessUnset(b, b?.per, per, 'month'),
      roi: unlessUnset(b, b?.roi, roi, category === 'advertising' ? 'short' : 'medium'),
      objectives: funds.length ? inOrder(b?.objectives, funds) : undefined,
    }) as BudgetItem;
  });
  return compact({ ...prev, cap, items });
};

// ------------------------------------------------------------------ team

/** The kind a task's wording suggests (en, nb, bg), offered as the default. */
function kindOf(task: string): (typeof TASK_KINDS)[number] {
  const text = task.toLowerCase();
  if (plansThePosts({ task, cadence: 'weekly' })) return 'planning';
  if (/answer|comment|reply|moderat|svar|kommentar|отговор|коментар/.test(text)) return 'community';
  if (/publish|publiser|публику/.test(text)) return 'publishing';
  if (/report|rapport|отчет/.test(text)) return 'reporting';
  if (/film|photo|video|design|foto|снима|видео/.test(text)) return 'production';
  return 'other';
}

const askTeam: Ask = async (ctx) => {
  const { ask, say, t, d } = ctx;
  if (!(await skipOrDo(ctx, t('init.team.start')))) return ctx.previous;
  const prev = (ctx.previous ?? {}) as Team;
  const model = await ask.choose(
    t('init.team.model'),
    named(ctx, ['in-house', 'agency', 'hybrid'] as const, 'model'),
    prev.model ?? 'in-house',
  );
  const rs = roleSchema.shape;
  const roles = await entries(ctx, { noun: 'role', previous: prev.roles, min: 1 }, async (i, b, soFar, rest) => {
    const title = await ask.required(t('init.team.role', { n: i + 1 }), {
      schema: rs.title,
      default: b?.title ?? (i === 0 ? d('init.default.community_manager') : undefined),
    });
    const id = await ask.required(t('init.short_id'), {
      schema: rs.id,
      default:
        b?.id ??
        uniqueId(
          slugId(title, 'role'),
          soFar.map((r) => r.id),
        ),
      check: (v) =>
        ctx.errors(
          { ...ctx.plan, team: { model, roles: [...soFar, { id: v, title }, ...rest] } },
          ['team', 'roles', i, 'id'],
          ['team', 'roles', i],
        ),
    });
    const person = await ask.text(t('init.team.person'), { schema: rs.person, default: b?.person, optional: true });
    const backup = await ask.text(t('init.team.backup'), { schema: rs.backup, default: b?.backup, optional: true });
    return compact({ ...b, id, title, person, backup });
  });
  const ts = taskSchema.shape;
  say(`  ${t('init.team.tasks_why')}`);
  const tasks = await entries(ctx, { noun: 'task', previous: prev.tasks, min: 1 }, async (i, b, soFar) => {
    const planned = soFar.some((x) => x.kind === 'planning');
    const task = await ask.required(t('init.team.task', { n: i + 1 }), {
      schema: ts.task,
      default: b?.task ?? (planned ? undefined : d('init.default.planning_task')),
    });
    const kind = await ask.choose(t('init.team.kind'), named(ctx, TASK_KINDS, 'task_kind'), b?.kind ?? kindOf(task));
    const owner = await ask.choose(
      t('init.team.owner'),
      roles.map((r) => ({ value: r.id, name: r.person ? `${r.title} (${r.person})` : r.title })),
      b?.owner ?? roles[0]!.id,
    );
    const cadence = await ask.choose(t('init.team.cadence'), named(ctx, CADENCES, 'cadence'), b?.cadence ?? 'weekly');
    return compact({ ...b, task, kind: unlessUnset(b, b?.kind, kind, kindOf(task)), owner, cadence });
  });
  say(`  ${t('init.team.escalation_why')}`);
  const routine = await ask.text(t('init.team.escalation'), {
    default: prev.escalation?.routine,
    optional: true,
  });
  const escalation = routine ? compact({ ...prev.escalation, routine }) : prev.escalation;
  return compact({ ...prev, model, roles, tasks: tasks.length ? tasks : undefined, escalation });
};

// ------------------------------------------------------------------ crisis

const LEVELS = ['green', 'yellow', 'red'] as const;

const askCrisis: Ask = async (ctx) => {
  const { ask, t } = ctx;
  if (!(await skipOrDo(ctx, t('init.crisis.start')))) return ctx.previous;
  const prev = (ctx.previous ?? {}) as Crisis;
  const triggers = await ask.list(t('init.crisis.triggers'), { default: prev.triggers });
  const s = severitySchema.shape;
  const roles = (ctx.plan.team as Team | undefined)?.roles ?? [];
  const people = roles.map((r) => r.person ?? r.title);
  const levels = await entries(ctx, { noun: 'level', previous: prev.levels, min: 1 }, async (i, b, soFar) => {
    const level = await ask.choose(
      t('init.crisis.level', { n: i + 1 }),
      named(ctx, LEVELS, 'level'),
      b?.level ?? LEVELS.find((l) => !soFar.some((x) => x.level === l)) ?? 'red',
    );
    const description = await ask.required(t('init.crisis.description', { level: t(`level.${level}`).toLowerCase() }), {
      schema: s.description,
      default: b?.description,
    });
    const approver = await ask.required(t('init.crisis.approver'), {
      schema: s.approver,
      default: b?.approver ?? people[0],
    });
    const backup = await ask.text(t('init.crisis.backup', { approver }), {
      schema: s.backup,
      default: b
        ? b.backup
        : (roles.find((r) => (r.person ?? r.title) === approver)?.backup ?? people.find((p) => p !== approver)),
      optional: true,
    });
    const respond_within_hours = await ask.number(t('init.crisis.hours'), {
      schema: s.respond_within_hours,
      default: b?.respond_within_hours,
      optional: true,
    });
    ctx.say(`  ${t('init.crisis.holding_why')}`);
    const holding_statement = await ask.text(t('init.crisis.holding'), {
      schema: s.holding_statement,
      default: b ? b.holding_statement : ctx.d('init.default.holding_statement'),
      optional: true,
    });
    return compact({ ...b, level, description, approver, backup, respond_within_hours, holding_statement });
  });
  const names = await ask.list(t('init.crisis.responders'), {
    default: ctx.previous ? prev.responders?.map((r) => r.name) : people.length ? people : undefined,
  });
  const responders = names?.map((name) => prev.responders?.find((r) => r.name === name) ?? { name });
  return compact({ ...prev, triggers, levels, responders });
};

// ------------------------------------------------------------------ review

const askReview: Ask = async (ctx) => {
  const { ask, t } = ctx;
  if (!(await skipOrDo(ctx, t('init.review.start')))) return ctx.previous;
  const prev = ctx.previous as Review | undefined;
  const cadence = await ask.choose(
    t('init.review.cadence'),
    named(ctx, CADENCES, 'cadence'),
    prev?.cadence ?? 'monthly',
  );
  const people = ((ctx.plan.team as Team | undefined)?.roles ?? []).map((r) => r.person ?? r.title);
  const participants = await ask.list(t('init.review.participants'), {
    default: prev ? prev.participants : people.length ? people : undefined,
  });
  const first = await ask.date(t('init.review.first'), {
    default: prev?.first,
    optional: true,
  });
  // Sessions fall on this weekday (the nth of the month for monthly cadences), never on a weekend by accident.
  const weekday =
    first === undefined
      ? prev?.weekday
      : await ask.choose(
          t('init.review.weekday'),
          WEEKDAYS.map((w, k) => ({ value: w, name: DAY_NAMES[ctx.lang][k] })),
          prev?.weekday ?? WEEKDAYS[(new Date(`${first}T12:00:00Z`).getUTCDay() + 6) % 7]!,
        );
  const suggested = first === undefined ? undefined : WEEKDAYS[(new Date(`${first}T12:00:00Z`).getUTCDay() + 6) % 7]!;
  return compact({
    ...prev,
    cadence,
    participants,
    first,
    weekday: unlessUnset(prev, prev?.weekday, weekday, suggested),
  });
};

// ------------------------------------------------------------------ tools

const TOOL_PURPOSES = toolSchema.shape.purpose.options;

const askTools: Ask = async (ctx) => {
  const { ask, t } = ctx;
  if (!(await skipOrDo(ctx, t('init.tools.start')))) return ctx.previous;
  const s = toolSchema.shape;
  return entries(
    ctx,
    {
      noun: 'tool',
      previous: ctx.previous as { name: string; purpose: (typeof TOOL_PURPOSES)[number] }[] | undefined,
      min: 1,
    },
    async (i, b) => {
      const name = await ask.required(t('init.tools.name', { n: i + 1 }), { schema: s.name, default: b?.name });
      const purpose = await ask.choose(
        t('init.tools.purpose'),
        named(ctx, TOOL_PURPOSES, 'tool_purpose'),
        b?.purpose ?? 'scheduling',
      );
      return compact({ ...b, name, purpose });
    },
  );
};

/**
 * A section stated not to apply is asked whether that still holds; if it applies now, its
 * questions are asked with the rest of what it held as the defaults.
 */
function orDecided(ask: Ask): Ask {
  return async (ctx) => {
    if (decisionOf(ctx.previous) === undefined) return ask(ctx);
    const kept = await stillNotApplicable(ctx, ctx.previous);
    if (kept) return kept;
    const { not_applicable: _, ...rest } = ctx.previous as Record<string, unknown>;
    return ask({ ...ctx, previous: Object.keys(rest).length ? rest : undefined });
  };
}

/** The method's sections; the optional ones are in optional-sections.ts. */
export const ASKERS: Record<Exclude<SectionName, (typeof OPTIONAL_SECTIONS)[number]>, Ask> = {
  plan: askPlan,
  situation: orDecided(askSituation),
  audience: orDecided(askAudience),
  goals: askGoals,
  objectives: orDecided(askObjectives),
  competitors: orDecided(askCompetitors),
  positioning: orDecided(askPositioning),
  channels: orDecided(askChannels),
  content: orDecided(askContent),
  kpis: orDecided(askKpis),
  budget: orDecided(askBudget),
  team: orDecided(askTeam),
  crisis: orDecided(askCrisis),
  review: orDecided(askReview),
  tools: orDecided(askTools),
};
