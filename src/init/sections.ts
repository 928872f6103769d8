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
  ROI_TIME_FRAMES,
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
  isoDate,
  kpi as kpiSchema,
  objective as objectiveSchema,
  onlineTime,
  persona as personaSchema,
  pest as pestSchema,
  pillar as pillarSchema,
  planMeta,
  positioning as positioningSchema,
  review as reviewSchema,
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
  type Objective,
  type Persona,
  type Plan,
  type PlanMeta,
  type Review,
  type SectionName,
  type Team,
} from '../plan/schema.js';
import type { Asker, Choice } from './ask.js';
import { schemaError, withValue, type PlanDraft } from './check.js';
import { currencies, nextMonthStart, oneYearFrom, slugId, timeZones, uniqueId, type SystemDefaults } from './system.js';

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
}

type Ask = (ctx: SectionContext) => Promise<unknown>;

// ------------------------------------------------------------------ helpers

function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/** A list of any length. `min` entries are asked without asking first; then "Add another …?" (default: no). */
async function entries<T>(
  ctx: SectionContext,
  o: { noun: string; previous?: readonly T[] | undefined; min?: number },
  /** `rest`: the earlier entries after this one, kept in the lint candidate so references to them hold while redoing a section. */
  one: (index: number, previous: T | undefined, soFar: T[], rest: T[]) => Promise<T>,
): Promise<T[]> {
  const out: T[] = [];
  const previous = o.previous ?? [];
  for (let i = 0; ; i++) {
    if (i >= (o.min ?? 0)) {
      const more = await ctx.ask.confirm(
        i === 0 ? `Add ${article(o.noun)}?` : `Add another ${o.noun}?`,
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
    ctx.say('  Let us go through this one again (Enter keeps an answer).');
    base = entry;
  }
}

/** Leaves out keys whose value is undefined, so the YAML holds only what was answered. */
function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

async function skipOrDo(ctx: SectionContext, question: string): Promise<boolean> {
  if (ctx.focused) return true;
  return ctx.ask.confirm(question, ctx.previous !== undefined);
}

function choices<V extends string>(values: readonly V[], names: Partial<Record<V, string>> = {}): Choice<V>[] {
  return values.map((value) => ({ value, ...(names[value] ? { name: names[value] } : {}) }));
}

function metaOf(ctx: SectionContext): PlanMeta {
  return ctx.plan.plan as PlanMeta;
}

/** The channels the plan already names: chosen channels, else those of objectives and personas. */
function knownChannels(plan: PlanDraft): string[] {
  const chosen = plan.channels as Channel[] | undefined;
  if (chosen?.length) return chosen.map((c) => c.id);
  const used = [
    ...((plan.objectives as Objective[] | undefined) ?? []).flatMap((o) => (o.channel ? [o.channel] : [])),
    ...((plan.audience as { personas?: Persona[] } | undefined)?.personas ?? []).flatMap((p) =>
      (p.channels ?? []).map((c) => c.channel),
    ),
  ];
  return [...new Set(used)];
}

// ------------------------------------------------------------------ plan

const LOCALE_NAMES = { en: 'English', nb: 'Norsk bokmål', bg: 'Български (Bulgarian)' } as const;

const askPlan: Ask = async (ctx) => {
  const { ask } = ctx;
  const prev = (ctx.previous ?? {}) as Partial<PlanMeta>;
  const shape = planMeta.shape;
  const organization = await ask.required('Organisation: who is the strategy for?', {
    schema: shape.organization,
    default: prev.organization,
  });
  const locale = await ask.choose(
    'Language of the rendered documents?',
    LOCALES.map((l) => ({ value: l, name: `${l}  ${LOCALE_NAMES[l]}` })),
    prev.locale ?? ctx.defaults.locale,
  );
  const currency = await ask.choose(
    'Currency of the budget?',
    currencies(prev.currency ?? ctx.defaults.currency).map((c) => ({ value: c })),
    prev.currency ?? ctx.defaults.currency,
  );
  const zone = prev.timezone ?? ctx.defaults.timezone;
  const timezone = await ask.choose(
    'Time zone of the publishing times? (type to jump)',
    timeZones(zone).map((z) => ({ value: z })),
    zone,
  );
  const base = { title: organization, ...prev, organization, locale, currency, timezone };
  const probe = (field: keyof PlanMeta, meta: PlanMeta) => ctx.errors({ ...ctx.plan, plan: meta }, ['plan', field]);
  const start = await ask.required('First day of the plan (YYYY-MM-DD)?', {
    schema: isoDate,
    default: prev.start ?? nextMonthStart(ctx.defaults.today),
    check: (v) => probe('start', { ...base, start: v, end: oneYearFrom(v) }),
  });
  const end = await ask.required('Last day of the plan (YYYY-MM-DD)?', {
    schema: isoDate,
    default: prev.end && prev.end > start ? prev.end : oneYearFrom(start),
    check: (v) => probe('end', { ...base, start, end: v }),
  });
  const title = await ask.required('Title of the plan?', {
    schema: shape.title,
    default: prev.title ?? `${organization} social media strategy ${yearsOf(start, end)}`,
  });
  const problem = await ask.text('The problem this strategy solves, in one sentence (Enter to skip)?', {
    schema: shape.problem,
    default: prev.problem,
    optional: true,
  });
  return compact({ ...prev, title, organization, locale, currency, timezone, start, end, problem });
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

/** A field that may be one text or a list of texts, offered as a list. */
function asList(value: string | string[] | undefined): string[] | undefined {
  return typeof value === 'string' ? [value] : value;
}

function capitalised(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}

const askSituation: Ask = async (ctx) => {
  const { ask, say } = ctx;
  const prev = (ctx.previous ?? {}) as Situation;
  const situation: Situation = { ...prev };

  if (
    await ask.confirm(
      'Describe who you are, what you offer and your resources now? (Enter skips)',
      prev.internal !== undefined,
    )
  ) {
    const p: Internal = prev.internal ?? {};
    const s = internalSchema.shape;
    const about = await ask.text('Who are you, in a sentence or two?', { default: p.about, optional: true });
    const offering = await ask.list('What do you offer (products, services)?', { default: asList(p.offering) });
    const level = await ask.choose<'' | 'adequate' | 'limited'>(
      'Are your resources (people, money, time) adequate or limited?',
      [{ value: '', name: 'skip' }, { value: 'adequate' }, { value: 'limited' }],
      p.resources?.level ?? '',
    );
    const notes = level
      ? await ask.text('Resources in a few words (who, budget, hours a week)?', {
          default: p.resources?.notes,
          optional: true,
        })
      : undefined;
    const reputation = await ask.text('What is said about you on social networks?', {
      default: p.reputation,
      optional: true,
    });
    const history = await entries<PastActivity>(
      ctx,
      { noun: 'past campaign or activity', previous: p.history },
      async (_i, h) =>
        compact({
          ...h,
          what: await ask.required('What was done?', {
            schema: s.history.unwrap().element.shape.what,
            default: h?.what,
          }),
          where: await ask.text('Where (channels, online or offline)?', { default: h?.where, optional: true }),
          result: await ask.text('With what result?', { default: h?.result, optional: true }),
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

  say('  External factors: the macro trends around you (a PEST scan).');
  if (
    await ask.confirm(
      'Note the demographic, economic, technological, political and sociocultural factors now?',
      prev.external?.pest !== undefined,
    )
  ) {
    const p = prev.external?.pest ?? {};
    const pest: Record<string, string[] | undefined> = {};
    for (const factor of Object.keys(pestSchema.shape) as (keyof typeof p)[]) {
      pest[factor] = await ask.list(`${capitalised(factor)} factors?`, { default: asList(p[factor]) });
    }
    const landscape = await ask.text('The competitive landscape in a sentence (who does what, where)?', {
      default: prev.external?.landscape,
      optional: true,
    });
    situation.external = compact({ ...prev.external, landscape, pest: compact(pest) });
  }

  say('  SWOT: strengths and weaknesses (internal), opportunities and threats (external), drawn from the above.');
  if (await ask.confirm('Fill in the SWOT now?', prev.swot !== undefined)) {
    const p = prev.swot ?? {};
    const swot: Record<string, string[] | undefined> = {};
    for (const part of Object.keys(swotSchema.shape) as (keyof typeof p)[]) {
      swot[part] = await ask.list(`${capitalised(part)}?`, { default: p[part] });
    }
    situation.swot = compact(swot);
  }

  say('  Channel audit: every profile you have, active or not; profiles nobody controls get closed or taken over.');
  const s = channelAuditEntry.shape;
  const audit = await entries<AuditEntry>(
    ctx,
    { noun: 'existing profile to the audit', previous: prev.channel_audit },
    async (i, p, soFar, rest) =>
      checkedEntry(
        ctx,
        ['situation', 'channel_audit', i],
        (e) => withValue(ctx.plan, ['situation'], { ...situation, channel_audit: [...soFar, e, ...rest] }),
        async (b) =>
          compact({
            ...b,
            channel: (await ask.channel('Which network is the profile on?', { default: b?.channel }))!,
            handle: await ask.text('Profile name or URL?', { schema: s.handle, default: b?.handle, optional: true }),
            decision: await ask.choose(
              'Decision for this profile?',
              choices(AUDIT_DECISIONS, {
                keep: 'keep',
                prioritise: 'prioritise: put more into it',
                close: 'close: stale, fake or not ours',
                'take-over': 'take over: nobody controls it',
              }),
              b?.decision ?? 'keep',
            ),
            owner: await ask.text('Who is responsible for it?', { schema: s.owner, default: b?.owner, optional: true }),
            login_holder: await ask.text('Who holds the login?', {
              schema: s.login_holder,
              default: b?.login_holder,
              optional: true,
            }),
            login_email: await ask.text('Which e-mail is the login tied to?', {
              schema: s.login_email,
              default: b?.login_email,
              optional: true,
            }),
          }),
        p,
      ),
  );
  situation.channel_audit = audit.length ? audit : undefined;
  const value = compact(situation);
  return Object.keys(value).length ? value : undefined;
};

// ------------------------------------------------------------------ goals

const TYPICAL_GOALS = [
  { id: 'awareness', name: 'Brand awareness and image', statement: 'Make more people know and like the brand' },
  {
    id: 'loyalty',
    name: 'Customer relationships and loyalty',
    statement: 'Turn customers into regulars who come back',
  },
  { id: 'leads', name: 'Qualified visitors and leads', statement: 'Bring qualified visitors and leads to the website' },
  { id: 'expertise', name: 'Expert positioning', statement: 'Be known as the experts in our field' },
  { id: 'service', name: 'Customer service', statement: 'Answer customers quickly where they already are' },
  { id: 'sales', name: 'Sales', statement: 'Sell more through social media' },
  { id: 'lower-cost', name: 'Lower marketing cost', statement: 'Reach people at a lower marketing cost' },
] as const;

const askGoals: Ask = async (ctx) => {
  const { ask } = ctx;
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
          const free = TYPICAL_GOALS.find((t) => !used.has(t.id));
          const kind = b
            ? 'own'
            : await ask.choose(
                `Goal ${i + 1}: what should social media do for the business?`,
                [
                  ...TYPICAL_GOALS.map((t) => ({ value: t.id as string, name: t.name })),
                  { value: 'own', name: 'something else (write it)' },
                ],
                free?.id ?? 'own',
              );
          const typical = TYPICAL_GOALS.find((t) => t.id === kind);
          const statement = await ask.required('The goal in one sentence?', {
            schema: s.statement,
            default: b?.statement ?? typical?.statement,
          });
          const candidate = (g: Partial<Goal>): PlanDraft => ({
            ...ctx.plan,
            goals: [...soFar, { id: 'goal', statement, priority: 'secondary', ...b, ...g }, ...rest],
          });
          const id = await ask.required('Short id for it (used by objectives)?', {
            schema: s.id,
            default: b?.id ?? uniqueId(typical?.id ?? slugId(statement, 'goal'), used),
            check: (v) => ctx.errors(candidate({ id: v }), ['goals', i, 'id'], ['goals', i]),
          });
          const primaries = soFar.filter((g) => g.priority === 'primary').length;
          const priority = await ask.choose(
            'Priority? (two primary and two secondary at most)',
            choices(['primary', 'secondary'] as const),
            b?.priority ?? (primaries < 2 ? 'primary' : 'secondary'),
          );
          const departments = await ask.list('Departments concerned (marketing, sales, customer service …)?', {
            default: b?.departments,
          });
          return compact({ ...b, id, statement, priority, departments });
        },
        prev,
      ),
  );
};

// ------------------------------------------------------------------ objectives

const askObjectives: Ask = async (ctx) => {
  const { ask } = ctx;
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
            `Objective ${i + 1}: which goal does it measure?`,
            goals.map((g) => ({ value: g.id, name: `${g.id}: ${g.statement}` })),
            b?.goal ?? goals.find((g) => !covered.has(g.id))?.id ?? goals[0]!.id,
          );
          const metric = await ask.required('What is counted (the metric)?', {
            schema: s.metric,
            default: b?.metric ?? 'followers',
          });
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
          const channel = await ask.channel('On which channel is it counted?', {
            none: 'all channels together',
            default: b ? (b.channel ?? '') : '',
            offer: knownChannels(ctx.plan),
            check: (v) => ctx.errors(draft({ channel: v }), [...path, 'channel'], path),
          });
          const taken = soFar.map((o) => o.id);
          const id = await ask.required('Short id for it (used by KPIs and tracking)?', {
            schema: s.id,
            default: b?.id ?? uniqueId(objectiveId(channel ?? goal, metric), taken),
            check: (v) => ctx.errors(draft({ id: v, channel }), [...path, 'id'], path),
          });
          const baseline = (await ask.number(`Where does it stand today (the baseline for ${metric})?`, {
            schema: s.baseline,
            default: b?.baseline,
          }))!;
          const target = await ask.target(
            `Target: a number, or a change from ${ask.show(baseline)} such as +50% or -20%?`,
            {
              default: b?.target ?? (baseline > 0 ? '+20%' : undefined),
              check: async (v) =>
                schemaError(s.target, v) ??
                ctx.errors(draft({ id, channel, baseline, target: v }), [...path, 'target'], path),
            },
          );
          const deadline = await ask.required(`Deadline (YYYY-MM-DD, the plan ends ${meta.end})?`, {
            schema: isoDate,
            default: b?.deadline ?? meta.end,
            // Outside the plan period is only a warning in lint, but here it is surely a slip: ask again.
            check: (v) =>
              ctx.errors(draft({ id, channel, baseline, target, deadline: v }), [...path, 'deadline'], path, true),
          });
          const curve = await ask.choose(
            'How does it grow toward the target?',
            choices(CURVES, {
              linear: 'linear: the same amount each month',
              compound: 'compound: the same rate each month (needs a baseline above 0)',
            }),
            b?.curve ?? 'linear',
            (v) => ctx.errors(draft({ id, channel, baseline, target, deadline, curve: v }), path, path),
          );
          const tool = await ask.text('Which analytics tool measures it (e.g. Meta Business Suite)?', {
            schema: s.tool,
            default: b?.tool,
            optional: true,
          });
          return compact({ ...b, id, goal, metric, channel, baseline, target, deadline, curve, tool }) as Objective;
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

/** "07:00-08:30" -> { from: '07:00', to: '08:30' } */
function parseSpan(text: string): { from: string; to: string } | undefined {
  const m = /^(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const pad = (t: string) => t.padStart(5, '0');
  return { from: pad(m[1]!), to: pad(m[2]!) };
}

const askAudience: Ask = async (ctx) => {
  const { ask } = ctx;
  const prevPersonas = (ctx.previous as { personas?: Persona[] } | undefined)?.personas;
  if (!(await skipOrDo(ctx, 'Describe your personas now? (Enter skips)'))) return ctx.previous;
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
          const name = await ask.required(`Persona ${i + 1}: a name that makes them real (e.g. "Busy parent Kari")?`, {
            schema: s.name,
            default: b?.name,
          });
          const id = await ask.required('Short id?', {
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
          const ageText = await ask.text('Age or age range (e.g. 35 or 25-34)?', {
            schema: s.age,
            default: b?.age !== undefined ? String(b.age) : undefined,
            optional: true,
          });
          const age = ageText !== undefined && /^\d+$/.test(ageText) ? Number(ageText) : ageText;
          const occupation = await ask.text('Occupation?', { default: b?.occupation, optional: true });
          const pains = await ask.list('Pains and problems?', { default: b?.pains });
          const motivations = await ask.list('Motivations?', { default: b?.motivations });
          const interests = await ask.list('Interests and habits?', { default: b?.interests });
          const objections = await ask.list('Objections they might have?', { default: b?.objections });
          const known = [...new Set([...(b?.channels ?? []).map((c) => c.channel), ...knownChannels(ctx.plan)])];
          const used = await ask.chooseMany(
            'Which networks do they use? (space to tick, Enter when done)',
            [...new Set([...known, ...KNOWN_CHANNELS])].map((c) => ({
              value: c,
              checked: (b?.channels ?? []).some((x) => x.channel === c),
            })),
          );
          const channels: { channel: string; share: number }[] = [];
          for (const [k, channel] of used.entries()) {
            const had = b?.channels?.find((c) => c.channel === channel)?.share;
            const left = Math.max(0, 1 - channels.reduce((sum, c) => sum + c.share, 0));
            const share = (await ask.percent(`Share of their online time on ${channel}`, {
              schema: s.channels.unwrap().element.shape.share,
              default: had ?? Math.floor((left * 100) / (used.length - k)) / 100,
              check: (v) =>
                v > left + 1e-9
                  ? `the shares would add up to more than 100 % (${Math.round(left * 100)} % is left)`
                  : undefined,
            }))!;
            channels.push({ channel, share });
          }
          const spans = await ask.list('When are they online (e.g. 07:00-08:00; 21:00-22:30)?', {
            default: b?.online_times?.map((t) => `${t.from}-${t.to}`),
            check: (items) => {
              const bad = items.find((t) => !onlineTime.safeParse(parseSpan(t) ?? {}).success);
              return bad === undefined ? undefined : `"${bad}" is not a time span like 07:00-08:30`;
            },
          });
          const online_times = spans?.map((t) => parseSpan(t)!);
          return compact({
            ...b,
            id,
            name,
            age,
            occupation,
            pains,
            motivations,
            interests,
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
  const { ask, say } = ctx;
  if (!(await skipOrDo(ctx, 'List your competitors now (the method asks for 3-5)? (Enter skips)'))) return ctx.previous;
  const s = competitorSchema.shape;
  const cs = competitorChannel.shape;
  const t = sampleTotals.shape;
  const list = await entries(
    ctx,
    { noun: 'competitor', previous: ctx.previous as Competitor[] | undefined, min: 1 },
    async (i, prev, soFar, rest) => {
      const path = ['competitors', i];
      const name = await ask.required(`Competitor ${i + 1}: name?`, { schema: s.name, default: prev?.name });
      const channels = await entries(
        ctx,
        { noun: `network for ${name}`, previous: prev?.channels, min: 1 },
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
              const channel = (await ask.channel(`Network ${j + 1} of ${name}?`, { default: b?.channel }))!;
              const followers = (await ask.number(`Followers of ${name} on ${channel}?`, {
                schema: cs.followers,
                default: b?.followers,
              }))!;
              const posts_per_week = await ask.number('Posts per week (Enter to skip)?', {
                schema: cs.posts_per_week,
                default: b?.posts_per_week,
                optional: true,
              });
              say('  Engagement: add up likes, comments and shares of their last 20-30 posts.');
              const how = await ask.choose(
                'How do you give their recent posts?',
                [
                  { value: 'sample', name: 'totals: how many posts, and their likes, comments and shares' },
                  { value: 'csv', name: 'CSV file: one row per post with likes,comments,shares, beside the plan' },
                ],
                b?.posts_csv !== undefined ? 'csv' : 'sample',
              );
              const base = { channel, followers, ...(posts_per_week !== undefined ? { posts_per_week } : {}) };
              if (how === 'csv') {
                const posts_csv = await ask.required('Path of the CSV, relative to the plan file?', {
                  schema: cs.posts_csv,
                  default: b?.posts_csv,
                  check: (v) => ctx.errors(placed({ ...base, posts_csv: v }), [...chPath, 'posts_csv'], chPath),
                });
                return { ...base, posts_csv };
              }
              const posts = (await ask.number('How many posts did you sample (20-30 is good)?', {
                schema: t.posts,
                default: b?.sample?.posts,
              }))!;
              const likes = (await ask.number(`Likes on those ${posts} posts, in total?`, {
                schema: t.likes,
                default: b?.sample?.likes,
              }))!;
              const comments = (await ask.number('Comments, in total?', {
                schema: t.comments,
                default: b?.sample?.comments,
              }))!;
              const shares = (await ask.number('Shares (reposts), in total?', {
                schema: t.shares,
                default: b?.sample?.shares,
              }))!;
              return { ...base, sample: { posts, likes, comments, shares } };
            },
            pc,
          );
        },
      );
      const we_do_better = await ask.list(`Where can you do better than ${name}?`, { default: prev?.we_do_better });
      return compact({ ...prev, name, channels, we_do_better }) as Competitor;
    },
  );
  return list;
};

// ------------------------------------------------------------------ positioning

const askPositioning: Ask = async (ctx) => {
  const { ask } = ctx;
  if (!(await skipOrDo(ctx, 'Write your social positioning now? (Enter skips)'))) return ctx.previous;
  const prev = (ctx.previous ?? {}) as Record<string, string | undefined>;
  const s = positioningSchema.shape;
  const statement = await ask.required('Your positioning on social media, in a sentence?', {
    schema: s.statement,
    default: prev.statement,
  });
  const voice = await ask.text('How do you sound in conversation (the voice)?', {
    default: prev.voice,
    optional: true,
  });
  const brand_position = await ask.text('The brand position it must fit?', {
    default: prev.brand_position,
    optional: true,
  });
  return compact({ ...prev, statement, voice, brand_position });
};

// ------------------------------------------------------------------ channels

const askChannels: Ask = async (ctx) => {
  const { ask } = ctx;
  if (!(await skipOrDo(ctx, 'Choose your channels now? (Enter skips)'))) return ctx.previous;
  const prev = (ctx.previous ?? []) as Channel[];
  const used = knownChannels({ ...ctx.plan, channels: undefined });
  const personas = (ctx.plan.audience as { personas?: Persona[] } | undefined)?.personas ?? [];
  const offer = [...new Set([...prev.map((c) => c.id), ...used, ...KNOWN_CHANNELS])];
  const preset = prev.length ? prev.map((c) => c.id) : used;
  const picked = await ask.chooseMany(
    'Which channels will you be on? (space to tick; fewer is better)',
    offer.map((c) => ({ value: c, checked: preset.includes(c) })),
    async (list) => {
      if (list.length === 0) return 'tick at least one channel (space), or Ctrl-C and skip this section next time';
      return ctx.errors(
        { ...ctx.plan, channels: list.map((id) => ({ id, role: 'primary' })) },
        ['channels'],
        ['channels'],
      );
    },
  );
  // The channel most of the personas' time goes to is offered as primary.
  const weight = (id: string) =>
    personas.reduce((sum, p) => sum + (p.channels?.find((c) => c.channel === id)?.share ?? 0), 0);
  const ranked = [...picked].sort((a, b) => weight(b) - weight(a));
  const s = channelSchema.shape;
  const out: Channel[] = [];
  for (const [i, id] of picked.entries()) {
    const b = prev.find((c) => c.id === id);
    const role = await ask.choose(
      `Role of ${id}?`,
      choices(['primary', 'secondary'] as const),
      b?.role ?? (ranked.indexOf(id) < 2 ? 'primary' : 'secondary'),
    );
    const reached = personas.length
      ? await ask.chooseMany(
          `Which personas do you reach on ${id}?`,
          personas.map((p) => ({
            value: p.id,
            name: p.name,
            checked: b?.personas ? b.personas.includes(p.id) : (p.channels ?? []).some((c) => c.channel === id),
          })),
        )
      : undefined;
    const owner = await ask.text(`Who runs ${id}?`, { schema: s.owner, default: b?.owner, optional: true });
    const posts_per_week = await ask.number(`Posts per week on ${id} (Enter to skip)?`, {
      schema: s.posts_per_week,
      default: b?.posts_per_week,
      optional: true,
    });
    const channel = compact({
      ...b,
      id,
      role,
      personas: reached?.length ? reached : undefined,
      owner,
      posts_per_week,
    }) as Channel;
    out.push(channel);
    await ctx.notes({ ...ctx.plan, channels: [...out] }, ['channels', i]);
  }
  return out;
};

// ------------------------------------------------------------------ content

const askContent: Ask = async (ctx) => {
  const { ask, say } = ctx;
  if (!(await skipOrDo(ctx, 'Plan your content pillars and publishing slots now? (Enter skips)'))) return ctx.previous;
  const prev = (ctx.previous ?? {}) as Content;
  const content: Content = { ...prev };
  say('  Pillars: the few themes you post about, each with its share of all posts (together 100 %).');
  const ps = pillarSchema.shape;
  const pillars = await entries(ctx, { noun: 'content pillar', previous: prev.pillars }, async (i, b, soFar, rest) => {
    const name = await ask.required(`Pillar ${i + 1}: theme?`, { schema: ps.name, default: b?.name });
    const id = await ask.required('Short id?', {
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
    const left = 1 - soFar.reduce((sum, p) => sum + p.share, 0);
    const share = (await ask.percent('Share of all posts', {
      schema: ps.share,
      default: b?.share ?? Math.max(0, Math.round(left * 100) / 100),
    }))!;
    return compact({ ...b, id, name, share });
  });
  content.pillars = pillars.length ? pillars : undefined;

  say('  Publishing slots: the weekly rhythm, as weekday and local time per channel.');
  const channels = knownChannels(ctx.plan);
  const ss = slotSchema.shape;
  const slots = await entries(ctx, { noun: 'publishing slot', previous: prev.slots }, async (i, b, soFar, rest) => {
    const path = ['content', 'slots', i];
    const placed = (s: NonNullable<Content['slots']>[number]): PlanDraft => ({
      ...ctx.plan,
      content: { ...content, slots: [...soFar, s, ...rest] },
    });
    return checkedEntry(
      ctx,
      path,
      placed,
      async (p) => {
        const channel = (await ask.channel(`Slot ${i + 1}: channel?`, {
          default: p?.channel ?? channels[0],
          offer: channels,
          check: (v) => ctx.errors(placed({ channel: v, weekday: 'mon', time: '09:00' }), [...path, 'channel'], path),
        }))!;
        const weekday = await ask.choose('Weekday?', choices(WEEKDAYS), p?.weekday ?? WEEKDAYS[i % 5]!);
        const time = (
          await ask.required(`Local time (HH:MM, in ${metaOf(ctx).timezone})?`, {
            default: p?.time ?? '09:00',
            check: (v) => schemaError(ss.time, v.padStart(5, '0')),
          })
        ).padStart(5, '0');
        const pillar = pillars.length
          ? await ask.choose(
              'Pillar?',
              [{ value: '', name: 'any' }, ...pillars.map((x) => ({ value: x.id, name: x.name }))],
              p?.pillar ?? '',
            )
          : undefined;
        return compact({ ...p, channel, weekday, time, pillar: pillar || undefined });
      },
      b,
    );
  });
  content.slots = slots.length ? slots : undefined;
  content.horizon_weeks = await ask.number(
    'How many weeks ahead do you plan content (the method: a couple of months)?',
    {
      schema: contentSchema.shape.horizon_weeks,
      default: prev.horizon_weeks ?? 8,
    },
  );
  return compact(content as Record<string, unknown>);
};

// ------------------------------------------------------------------ KPIs

const askKpis: Ask = async (ctx) => {
  const { ask } = ctx;
  if (!(await skipOrDo(ctx, 'Define the KPIs you will follow now? (Enter skips)'))) return ctx.previous;
  const s = kpiSchema.shape;
  const objectives = (ctx.plan.objectives as Objective[] | undefined) ?? [];
  return entries(
    ctx,
    { noun: 'KPI', previous: ctx.previous as Kpi[] | undefined, min: 1 },
    async (i, prev, soFar, rest) =>
      checkedEntry(
        ctx,
        ['kpis', i],
        (k) => ({ ...ctx.plan, kpis: [...soFar, k, ...rest] }),
        async (b) => {
          const free = objectives.find((o) => !soFar.some((k) => k.objective === o.id));
          const objective = await ask.choose(
            `KPI ${i + 1}: which objective does it measure?`,
            [
              ...objectives.map((o) => ({ value: o.id, name: `${o.id}: ${o.metric}` })),
              { value: '', name: 'none in particular' },
            ],
            b?.objective ?? free?.id ?? '',
          );
          const linked = objectives.find((o) => o.id === objective);
          const name = await ask.required('Name of the KPI?', { schema: s.name, default: b?.name ?? linked?.metric });
          const id = await ask.required('Short id?', {
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
            'How often do you look at it?',
            choices(CADENCES),
            b?.frequency ?? 'weekly',
          );
          const tool = await ask.text('With which tool?', {
            schema: s.tool,
            default: b?.tool ?? linked?.tool,
            optional: true,
          });
          return compact({
            ...b,
            id,
            name,
            objective: objective || undefined,
            channel: b?.channel ?? linked?.channel,
            frequency,
            tool,
          }) as Kpi;
        },
        prev,
      ),
  );
};

// ------------------------------------------------------------------ budget

const askBudget: Ask = async (ctx) => {
  const { ask } = ctx;
  if (!(await skipOrDo(ctx, 'Set the budget now? (Enter skips)'))) return ctx.previous;
  const prev = ctx.previous as Budget | undefined;
  const currency = metaOf(ctx).currency;
  const cap = (await ask.number(`Yearly budget cap, in ${currency}?`, {
    schema: budgetSchema.shape.cap,
    default: prev?.cap,
  }))!;
  const s = budgetItem.shape;
  const items = await entries(
    ctx,
    { noun: 'budget item (tool, service, advertising, staff)', previous: prev?.items },
    async (i, b) => {
      const name = await ask.required(`Item ${i + 1}: what is it?`, { schema: s.name, default: b?.name });
      const category = await ask.choose('Category?', choices(BUDGET_CATEGORIES), b?.category ?? 'advertising');
      const per = await ask.choose(
        'Is the cost per month, per year, or once?',
        choices(BUDGET_PERIODS),
        b?.per ?? 'month',
      );
      const cost = (await ask.number(`Cost per ${per === 'once' ? 'purchase' : per}, in ${currency}?`, {
        schema: s.cost,
        default: b?.cost,
      }))!;
      const roi = await ask.choose(
        'How soon does it pay back?',
        choices(ROI_TIME_FRAMES, {
          short: 'short: advertising, social referral',
          medium: 'medium',
          long: 'long: audience building, quality content',
        }),
        b?.roi ?? (category === 'advertising' ? 'short' : 'medium'),
      );
      return compact({ ...b, name, category, cost, per, roi }) as BudgetItem;
    },
  );
  return compact({ ...prev, cap, items });
};

// ------------------------------------------------------------------ team

const askTeam: Ask = async (ctx) => {
  const { ask } = ctx;
  if (!(await skipOrDo(ctx, 'Describe the team and its tasks now? (Enter skips)'))) return ctx.previous;
  const prev = (ctx.previous ?? {}) as Team;
  const model = await ask.choose(
    'Who does the work?',
    choices(['in-house', 'agency', 'hybrid'] as const),
    prev.model ?? 'in-house',
  );
  const rs = roleSchema.shape;
  const roles = await entries(ctx, { noun: 'role', previous: prev.roles, min: 1 }, async (i, b, soFar, rest) => {
    const title = await ask.required(`Role ${i + 1}: title (e.g. community manager)?`, {
      schema: rs.title,
      default: b?.title,
    });
    const id = await ask.required('Short id?', {
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
    const person = await ask.text('Who has it (a name)?', { schema: rs.person, default: b?.person, optional: true });
    return compact({ ...b, id, title, person });
  });
  const ts = taskSchema.shape;
  const tasks = await entries(ctx, { noun: 'recurring task', previous: prev.tasks }, async (i, b) => {
    const task = await ask.required(`Task ${i + 1}: what is done (e.g. answer comments)?`, {
      schema: ts.task,
      default: b?.task,
    });
    const owner = await ask.choose(
      'Who owns it?',
      roles.map((r) => ({ value: r.id, name: r.person ? `${r.title} (${r.person})` : r.title })),
      b?.owner ?? roles[0]!.id,
    );
    const cadence = await ask.choose('How often?', choices(CADENCES), b?.cadence ?? 'weekly');
    return compact({ ...b, task, owner, cadence });
  });
  return compact({ ...prev, model, roles, tasks: tasks.length ? tasks : undefined });
};

// ------------------------------------------------------------------ crisis

const LEVELS = ['green', 'yellow', 'red'] as const;

const askCrisis: Ask = async (ctx) => {
  const { ask } = ctx;
  if (!(await skipOrDo(ctx, 'Write the crisis handbook now? (Enter skips)'))) return ctx.previous;
  const prev = (ctx.previous ?? {}) as Crisis;
  const triggers = await ask.list('What would trigger a crisis (e.g. a viral complaint; a data leak)?', {
    default: prev.triggers,
  });
  const s = severitySchema.shape;
  const people = ((ctx.plan.team as Team | undefined)?.roles ?? []).map((r) => r.person ?? r.title);
  const levels = await entries(ctx, { noun: 'severity level', previous: prev.levels, min: 1 }, async (i, b, soFar) => {
    const level = await ask.choose(
      `Level ${i + 1}: colour?`,
      choices(LEVELS, {
        green: 'green: a normal complaint',
        yellow: 'yellow: spreading',
        red: 'red: a threat to the reputation',
      }),
      b?.level ?? LEVELS.find((l) => !soFar.some((x) => x.level === l)) ?? 'red',
    );
    const description = await ask.required(`What does a ${level} situation look like?`, {
      schema: s.description,
      default: b?.description,
    });
    const approver = await ask.required('Who approves what you say?', {
      schema: s.approver,
      default: b?.approver ?? people[0],
    });
    const respond_within_hours = await ask.number('Answer within how many hours (Enter to skip)?', {
      schema: s.respond_within_hours,
      default: b?.respond_within_hours,
      optional: true,
    });
    return compact({ ...b, level, description, approver, respond_within_hours });
  });
  const names = await ask.list('Who responds in a crisis (names)?', {
    default: prev.responders?.map((r) => r.name) ?? (people.length ? people : undefined),
  });
  const responders = names?.map((name) => prev.responders?.find((r) => r.name === name) ?? { name });
  return compact({ ...prev, triggers, levels, responders });
};

// ------------------------------------------------------------------ review

const askReview: Ask = async (ctx) => {
  const { ask } = ctx;
  if (!(await skipOrDo(ctx, 'Schedule the review sessions now? (Enter skips)'))) return ctx.previous;
  const prev = ctx.previous as Review | undefined;
  const s = reviewSchema.shape;
  const cadence = await ask.choose(
    'How often do you review plan against actual?',
    choices(CADENCES),
    prev?.cadence ?? 'monthly',
  );
  const people = ((ctx.plan.team as Team | undefined)?.roles ?? []).map((r) => r.person ?? r.title);
  const participants = await ask.list('Who takes part?', {
    default: prev?.participants ?? (people.length ? people : undefined),
  });
  const first = await ask.text('Date of the first session (YYYY-MM-DD, Enter to skip)?', {
    schema: s.first,
    default: prev?.first,
    optional: true,
  });
  // Sessions fall on this weekday (the nth of the month for monthly cadences), never on a weekend by accident.
  const weekday =
    first === undefined
      ? prev?.weekday
      : await ask.choose(
          'On which weekday do the sessions fall (monthly: the same week of the month as the first)?',
          choices(WEEKDAYS),
          prev?.weekday ?? WEEKDAYS[(new Date(`${first}T12:00:00Z`).getUTCDay() + 6) % 7]!,
        );
  return compact({ ...prev, cadence, participants, first, weekday });
};

// ------------------------------------------------------------------ tools

const TOOL_PURPOSES = toolSchema.shape.purpose.options;

const askTools: Ask = async (ctx) => {
  const { ask } = ctx;
  if (!(await skipOrDo(ctx, 'List the tools you use now? (Enter skips)'))) return ctx.previous;
  const s = toolSchema.shape;
  return entries(
    ctx,
    {
      noun: 'tool',
      previous: ctx.previous as { name: string; purpose: (typeof TOOL_PURPOSES)[number] }[] | undefined,
      min: 1,
    },
    async (i, b) => {
      const name = await ask.required(`Tool ${i + 1}: name?`, { schema: s.name, default: b?.name });
      const purpose = await ask.choose('What for?', choices(TOOL_PURPOSES), b?.purpose ?? 'scheduling');
      return compact({ ...b, name, purpose });
    },
  );
};

export const ASKERS: Record<SectionName, Ask> = {
  plan: askPlan,
  situation: askSituation,
  goals: askGoals,
  objectives: askObjectives,
  audience: askAudience,
  competitors: askCompetitors,
  positioning: askPositioning,
  channels: askChannels,
  content: askContent,
  kpis: askKpis,
  budget: askBudget,
  team: askTeam,
  crisis: askCrisis,
  review: askReview,
  tools: askTools,
};
