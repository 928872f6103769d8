/**
 * The plan format, version 1: the single source of truth for types, validation
 * and the editors' JSON Schema. Each section cites the method.md section it encodes.
 * Cross-field rules (references, date order, method advice) live in src/lint/rules.
 */
import * as z from 'zod';

// zod's compiled validators pay off over thousands of parses; a command validates a few plans,
// and compiling them was a sixth of a cold `smplan lint`.
z.config({ jitless: true });

// ---------------------------------------------------------------- primitives

/** A real calendar date written YYYY-MM-DD (2027-02-30 is refused). */
export const isoDate = z
  .string()
  // abort: a date in another format is one finding, not also "no such date".
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: (issue) => `expected a date as YYYY-MM-DD${isoHint(issue.input)}`, abort: true })
  .refine(isRealDate, { error: 'no such date in the calendar' })
  .meta({ description: 'A date as YYYY-MM-DD', format: 'date' });

/** "30/09/2027" -> " (2027-09-30?)" when the day is plainly first (above 12) or the two agree; else nothing. */
function isoHint(input: unknown): string {
  const m = typeof input === 'string' ? /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(input.trim()) : null;
  if (!m) return '';
  const [a, b] = [Number(m[1]), Number(m[2])];
  // 09/30/2027 is month first; 03/04/2027 could be either way round: no guess.
  const [day, month] = a > 12 && b <= 12 ? [a, b] : b > 12 && a <= 12 ? [b, a] : a === b ? [a, b] : [0, 0];
  if (!day) return '';
  const iso = `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isRealDate(iso) ? ` (${iso}?)` : '';
}

export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, { error: 'expected a lower-case id: letters a-z, digits, - or _' })
  .max(64);

/** facebook, instagram, linkedin, tiktok, x, youtube … or any other lower-case id. */
export const channelId = id.meta({
  description: 'A channel id: facebook, instagram, linkedin, tiktok, x, youtube, pinterest, threads, bluesky, snapchat, mastodon, or any other lower-case id',
  examples: ['instagram', 'facebook', 'linkedin', 'tiktok'],
});

export const KNOWN_CHANNELS = [
  'facebook', 'instagram', 'linkedin', 'tiktok', 'x', 'youtube', 'pinterest',
  'threads', 'bluesky', 'snapchat', 'mastodon',
] as const;

const text = z.string().max(20_000);
const shortText = z.string().min(1, { error: 'must not be empty' }).max(500);
const textList = z.array(text).max(1000);
/** Largest count accepted: above any real audience, far below float overflow. */
const MAX_COUNT = 1e10;
const count = z.number().int({ error: 'expected a whole number' }).min(0, { error: 'must not be negative' }).max(MAX_COUNT);
const money = z.number().min(0, { error: 'a cost cannot be negative' }).max(1e12);
/** A share written as a fraction: 0.4 means 40 %. */
const fraction = z
  .number()
  .min(0, { error: 'a share is a fraction from 0 to 1 (0.4 means 40 %)' })
  .max(1, { error: 'a share is a fraction from 0 to 1 (0.4 means 40 %)' });
const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a time as HH:MM (24-hour), quoted: "07:30"' })
  .meta({ description: 'Local time HH:MM in plan.timezone; quote it: "07:30"' });

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const weekday = z.enum(WEEKDAYS);
export const LOCALES = ['en', 'nb', 'bg'] as const;
/** A language with a region: the language picks the words, the region the date and number formats (en-GB: 14/01/2027). */
export const REGIONAL_LOCALES = ['en-GB', 'en-US', 'en-IE', 'nb-NO', 'bg-BG'] as const;
export const PRIORITIES = ['primary', 'secondary'] as const;
export const CURVES = ['linear', 'compound'] as const;
export const BUDGET_CATEGORIES = ['advertising', 'tool', 'service', 'staff', 'other'] as const;
export const BUDGET_PERIODS = ['month', 'year', 'once'] as const;
export const ROI_TIME_FRAMES = ['short', 'medium', 'long'] as const;
export const CADENCES = ['daily', 'weekly', 'biweekly', 'monthly', 'quarterly', 'yearly', 'ad-hoc'] as const;
const cadence = z.enum(CADENCES);

const currency = z
  .string()
  .regex(/^[A-Z]{3}$/, { error: 'expected an ISO 4217 currency code such as NOK, EUR, USD, BGN' })
  .refine((c) => supportedCurrencies().has(c), { error: 'not an ISO 4217 currency code' });

const timezone = z
  .string()
  .refine(isTimeZone, { error: 'not an IANA time zone; write e.g. Europe/Oslo, Europe/Sofia, America/New_York' });

let currencies: Set<string> | undefined;
function supportedCurrencies(): Set<string> {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies;
}

let timeZones: Set<string> | undefined;

export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(value)) return false;
  // The canonical list is cheap; building a formatter costs ~12 ms of start-up, so only aliases pay it.
  timeZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (timeZones.has(value)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Where a figure comes from and when it was taken (method.md §4: a rough picture). */
const provenance = {
  source: z.enum(['measured', 'estimated']).optional().meta({ description: 'Was this figure measured (counted) or estimated?' }),
  as_of: isoDate.optional().meta({ description: 'When the figure was taken' }),
};

// ---------------------------------------------------------------- plan (meta)

export const planMeta = z.strictObject({
  title: shortText,
  organization: shortText,
  locale: z.enum([...LOCALES, ...REGIONAL_LOCALES]).meta({
    description: 'Language of the rendered documents: en, nb (Norwegian Bokmål), bg (Bulgarian); with a region (en-GB, en-US, nb-NO, bg-BG) for its date and number formats',
  }),
  currency,
  timezone,
  start: isoDate,
  end: isoDate,
  author: shortText.optional(),
  version: z.union([shortText, z.number()]).optional(),
  /** method.md §2 (001 §1): state the problem being solved and defend it in writing. */
  problem: text.optional().meta({ description: 'The problem this strategy solves, in a few sentences' }),
  /** method.md §2 (004): goals tie to the company's overall goals. */
  business_goals: textList.optional().meta({ description: "The company's overall goals this strategy serves" }),
  marketing_strategy: text.optional().meta({ description: 'How this fits the wider marketing strategy' }),
});

// ---------------------------------------------------------------- situation (§1)

const pastActivity = z.strictObject({
  what: shortText,
  where: text.optional(),
  when: text.optional(),
  result: text.optional(),
});

export const internal = z.strictObject({
  about: text.optional().meta({ description: 'Who we are' }),
  offering: z.union([text, textList]).optional().meta({ description: 'What we offer: products, services' }),
  resources: z
    .strictObject({
      level: z.enum(['adequate', 'limited']).optional(),
      people: text.optional(),
      money: text.optional(),
      time: text.optional(),
      notes: text.optional(),
    })
    .optional(),
  reputation: text.optional().meta({ description: 'What is said about us on social networks' }),
  history: z.array(pastActivity).optional().meta({ description: 'What has been done so far, where, and the results' }),
});

export const pest = z.strictObject({
  demographic: z.union([text, textList]).optional(),
  economic: z.union([text, textList]).optional(),
  technological: z.union([text, textList]).optional(),
  political: z.union([text, textList]).optional(),
  sociocultural: z.union([text, textList]).optional(),
});

export const BENCHMARK_FORMULAS = ['per-post-by-followers', 'sample-by-followers', 'by-reach', 'by-impressions'] as const;

/** Published industry figures, kept apart when their formula differs from ours (method.md §4). */
const benchmark = z.strictObject({
  channel: channelId,
  engagement_rate: z.number().min(0).max(100).meta({ description: 'As a fraction: 0.012 means 1.2 %' }),
  formula: z.enum(BENCHMARK_FORMULAS).meta({
    description: 'per-post-by-followers = engagement per post / followers (as smplan computes engagement_rate_per_post); sample-by-followers = the whole sample / followers; by-reach and by-impressions are not comparable',
  }),
  source: shortText,
  year: z.number().int().min(1990).max(2100),
  industry: text.optional(),
});

export const external = z.strictObject({
  landscape: text.optional().meta({ description: 'The competitive landscape: what others do, how and where' }),
  pest: pest.optional(),
  benchmarks: z.array(benchmark).optional(),
});

export const swot = z.strictObject({
  strengths: textList.optional(),
  weaknesses: textList.optional(),
  opportunities: textList.optional(),
  threats: textList.optional(),
});

export const AUDIT_DECISIONS = ['keep', 'prioritise', 'close', 'take-over'] as const;
export const PAGE_ROLES = ['admin', 'editor', 'moderator', 'advertiser', 'analyst'] as const;

export const channelAuditEntry = z.strictObject({
  channel: channelId,
  handle: shortText.optional().meta({ description: 'Profile name or URL' }),
  active: z.boolean().optional(),
  worked: text.optional(),
  did_not_work: text.optional(),
  why: text.optional(),
  decision: z.enum(AUDIT_DECISIONS),
  owner: shortText.optional().meta({ description: 'Who is responsible for the profile' }),
  login_holder: shortText.optional().meta({ description: 'Who holds the login' }),
  login_email: shortText.optional().meta({ description: 'Which e-mail the login is tied to' }),
  admins: z
    .array(
      z.strictObject({
        name: shortText,
        role: z.enum(PAGE_ROLES),
        left: z.boolean().optional().meta({ description: 'true: has left the organisation and must be removed' }),
      }),
    )
    .optional()
    .meta({ description: 'Page roles: not everyone an administrator' }),
  followers: count.optional(),
  notes: text.optional(),
});

export const situation = z.strictObject({
  internal: internal.optional(),
  external: external.optional(),
  swot: swot.optional(),
  channel_audit: z.array(channelAuditEntry).optional(),
});

// ---------------------------------------------------------------- goals and objectives (§2)

export const goal = z.strictObject({
  id,
  statement: shortText,
  priority: z.enum(PRIORITIES),
  departments: textList.optional().meta({ description: 'Departments concerned: marketing, customer service, sales, HR …' }),
  ties_to: text.optional().meta({ description: 'The company goal this serves' }),
});

export const relativeTarget = /^[+-]\d+(\.\d+)?\s?%$/;

export const objective = z.strictObject({
  id,
  goal: id.meta({ description: 'id of a goal' }),
  metric: shortText.meta({ description: 'What is counted' }),
  channel: channelId.optional().meta({ description: 'absent = all channels' }),
  unit: z.string().max(40).optional().meta({ description: 'e.g. followers, %, or "money" for amounts in plan.currency' }),
  baseline: z.number().min(0, { error: 'a baseline cannot be negative' }).max(1e12),
  target: z
    .union([
      z.number().min(0, { error: 'a target cannot be negative' }).max(1e12),
      z.string().regex(relativeTarget, { error: 'expected a number or a relative target such as "+50%" or "-20%"' }),
    ])
    .meta({ description: 'A number, or a relative string "+50%" / "-20%" from the baseline' }),
  start: isoDate.optional().meta({ description: 'default plan.start' }),
  deadline: isoDate,
  curve: z.enum(CURVES).optional().meta({ description: 'linear (default) or compound (steady growth rate)' }),
  tool: shortText.optional().meta({ description: 'The analytics or tracking tool that measures it' }),
  why: text.optional().meta({ description: 'Why this objective is relevant' }),
});

// ---------------------------------------------------------------- audience (§3)

export const onlineTime = z.strictObject({
  days: z.array(weekday).optional(),
  from: clockTime,
  to: clockTime,
  note: text.optional(),
});

export const persona = z.strictObject({
  id,
  name: shortText,
  description: text.optional(),
  age: z.union([z.number().int().min(0).max(120), shortText]).optional().meta({ description: 'An age or a range: 25-34' }),
  occupation: text.optional(),
  income: text.optional(),
  interests: textList.optional(),
  pains: textList.optional(),
  problems: textList.optional(),
  obstacles: textList.optional(),
  habits: textList.optional(),
  likes: textList.optional(),
  dislikes: textList.optional(),
  motivations: textList.optional(),
  objections: textList.optional(),
  channels: z
    .array(z.strictObject({ channel: channelId, share: fraction.meta({ description: 'Share of their online time, 0.4 = 40 %' }) }))
    .optional()
    .meta({ description: 'Channels this persona uses and their share of online time' }),
  online_times: z.array(onlineTime).optional().meta({ description: 'When they are online' }),
});

export const audience = z.strictObject({
  personas: z.array(persona),
});

// ---------------------------------------------------------------- competitors (§4)

const engagementActions = {
  likes: count,
  comments: count,
  shares: count,
};

export const postSample = z.strictObject({ ...engagementActions, date: isoDate.optional() });
export const sampleTotals = z.strictObject({
  posts: count.min(1, { error: 'must be at least 1: the per-post rate divides by it' }),
  ...engagementActions,
});

/** One network's figures: either sampled posts, their totals, or a CSV of posts. */
const engagementSource = {
  followers: count.min(1, { error: 'must be more than 0: the engagement rate divides by it' }),
  posts_per_week: z.number().min(0).max(1000).optional(),
  posts: z.array(postSample).min(1, { error: 'list at least one post, or leave posts out' }).max(10_000).optional(),
  sample: sampleTotals.optional(),
  posts_csv: shortText.optional().meta({ description: 'CSV relative to the plan file: header row, one row per post, columns likes,comments,shares' }),
  ...provenance,
};

export const competitorChannel = z.strictObject({
  channel: channelId,
  ...engagementSource,
  posting_times: textList.optional().meta({ description: 'When they post, e.g. "weekdays 07:00"' }),
  content_types: textList.optional(),
  tone: text.optional().meta({ description: 'Context and tone: humorous, promotional …' }),
  responses: text.optional().meta({ description: 'How they answer their fans' }),
  notes: text.optional(),
});

export const competitor = z.strictObject({
  name: shortText,
  url: shortText.optional(),
  notes: text.optional(),
  better_at: textList.optional().meta({ description: 'What they do well (benchmark, do not copy)' }),
  we_do_better: textList.optional().meta({ description: 'Where we can do better' }),
  channels: z.array(competitorChannel).min(1, { error: 'list at least one channel' }),
});

// ---------------------------------------------------------------- positioning (§5)

export const positioning = z.strictObject({
  statement: text,
  brand_position: text.optional().meta({ description: 'The global brand position it must fit' }),
  voice: text.optional().meta({ description: 'How we sound in conversation' }),
  unique: text.optional(),
  engaging: text.optional(),
  realistic: text.optional(),
});

// ---------------------------------------------------------------- channels and tactics (§6)

const tactic = z.strictObject({
  action: shortText,
  objectives: z.array(id).optional().meta({ description: 'ids of the objectives this tactic serves' }),
  paid: z.boolean().optional(),
});

const activation = z.strictObject({
  name: shortText,
  date: isoDate.optional(),
  description: text.optional(),
});

/** Our own channel's figures, compared beside the competitors. */
const ownSample = z.strictObject({ ...engagementSource });

export const channel = z.strictObject({
  id: channelId,
  role: z.enum(PRIORITIES),
  purpose: text.optional(),
  personas: z.array(id).optional().meta({ description: 'ids of the personas reached here' }),
  goals: z.array(id).optional().meta({ description: 'ids of the goals this channel serves' }),
  kpis: z.array(id).optional().meta({ description: 'ids of the KPIs followed here' }),
  tactics: z.array(tactic).optional(),
  editorial_line: text.optional(),
  themes: textList.optional(),
  activations: z.array(activation).optional(),
  posts_per_week: z.number().min(0).max(1000).optional(),
  owner: shortText.optional().meta({ description: 'Who runs this channel' }),
  handle: shortText.optional(),
  current: ownSample.optional().meta({ description: 'Our own figures on this channel, for the engagement benchmark' }),
});

// ---------------------------------------------------------------- content (§7)

export const PILLAR_KINDS = ['value', 'promotional', 'conversation', 'curated'] as const;
export const MIX_RULES = ['80-20', 'thirds'] as const;

export const pillar = z.strictObject({
  id,
  name: shortText,
  share: fraction.meta({ description: 'Share of all posts, 0.3 = 30 %; shares sum to 1' }),
  kind: z.enum(PILLAR_KINDS).optional().meta({ description: 'value (educate, entertain), promotional, conversation, curated' }),
  description: text.optional(),
  formats: textList.optional(),
});

export const slot = z.strictObject({
  channel: channelId,
  weekday,
  time: clockTime,
  pillar: id.optional(),
  format: shortText.optional().meta({ description: 'text, image, link, video, carousel, reel, story, live, mix' }),
  persona: id.optional(),
  paid: z.boolean().optional().meta({ description: 'Has ad budget' }),
  goal: id.optional(),
  note: text.optional(),
});

const specialDate = z.strictObject({
  date: isoDate,
  name: shortText,
  channels: z.array(channelId).optional(),
  kind: z.enum(['holiday', 'event', 'campaign', 'launch', 'other']).optional(),
  note: text.optional(),
});

const reserveItem = z.strictObject({
  title: shortText,
  pillar: id.optional(),
  format: shortText.optional(),
  channel: channelId.optional(),
});

export const content = z.strictObject({
  pillars: z.array(pillar).optional(),
  mix_rule: z.enum(MIX_RULES).optional().meta({ description: '80-20: at most 20 % promotional; thirds: a third each of promotional, value and conversation' }),
  formats: textList.optional(),
  tone: text.optional(),
  horizon_weeks: z.number().int().min(1).max(104).optional().meta({ description: 'How far ahead the publishing calendar reaches; the method says a couple of months' }),
  slots: z.array(slot).optional().meta({ description: 'The recurring publishing plan: weekday and local time' }),
  special_dates: z.array(specialDate).optional(),
  reserve: z.array(reserveItem).optional().meta({ description: 'Content in hand for quiet weeks' }),
  approval: z
    .strictObject({
      steps: z.array(z.strictObject({ role: shortText, who: shortText.optional() })).min(1),
      max_hours: z.number().min(0).max(1000).optional().meta({ description: 'How long approval may take' }),
    })
    .optional()
    .meta({ description: 'Who approves a post before it is published' }),
});

// ---------------------------------------------------------------- KPIs (§8)

export const kpi = z.strictObject({
  id,
  name: shortText,
  objective: id.optional().meta({ description: 'id of the objective this KPI measures' }),
  channel: channelId.optional(),
  frequency: cadence.optional().meta({ description: 'How often it is looked at' }),
  tool: shortText.optional(),
  definition: text.optional(),
});

// ---------------------------------------------------------------- budget (§9)

export const budgetItem = z.strictObject({
  name: shortText,
  category: z.enum(BUDGET_CATEGORIES),
  cost: money,
  per: z.enum(BUDGET_PERIODS),
  roi: z.enum(ROI_TIME_FRAMES).meta({ description: 'Time to return: short, medium, long' }),
  channel: channelId.optional(),
  notes: text.optional(),
});

export const budget = z.strictObject({
  cap: money.meta({ description: 'For one year, in plan.currency' }),
  items: z.array(budgetItem),
});

// ---------------------------------------------------------------- team and process (§10)

export const role = z.strictObject({
  id,
  title: shortText,
  person: shortText.optional(),
  share: fraction.optional().meta({ description: 'Share of their working time, 0.5 = half' }),
  backup: shortText.optional().meta({ description: 'Who steps in when they are away' }),
  responsibilities: textList.optional(),
});

export const task = z.strictObject({
  task: shortText,
  owner: shortText.optional().meta({ description: 'A role id or a person' }),
  cadence,
  deliverable: text.optional(),
  channel: channelId.optional(),
});

export const team = z.strictObject({
  model: z.enum(['in-house', 'agency', 'hybrid']).optional(),
  agency: shortText.optional(),
  roles: z.array(role).optional(),
  tasks: z.array(task).optional(),
  escalation: z
    .strictObject({
      routine: text,
      steps: z.array(z.strictObject({ who: shortText, when: text.optional(), within_hours: z.number().min(0).max(10_000).optional() })).optional(),
    })
    .optional()
    .meta({ description: 'What the community manager does with questions they cannot answer' }),
});

// ---------------------------------------------------------------- crisis handbook (§11)

export const severity = z.strictObject({
  level: z.enum(['green', 'yellow', 'red']),
  description: text,
  approver: shortText.meta({ description: 'Who approves what we say' }),
  backup: shortText.optional().meta({ description: 'Who approves when the approver cannot be reached' }),
  respond_within_hours: z.number().min(0).max(10_000).optional(),
  holding_statement: text.optional().meta({ description: 'Pre-approved first response' }),
});

export const crisis = z.strictObject({
  triggers: textList.optional(),
  levels: z.array(severity).optional(),
  responders: z.array(z.strictObject({ name: shortText, role: shortText.optional(), contact: shortText.optional() })).optional(),
  channels: z.array(channelId).optional().meta({ description: 'Where we respond' }),
  steps: textList.optional().meta({ description: 'What we do, in order' }),
});

// ---------------------------------------------------------------- review (§12)

export const review = z.strictObject({
  cadence: cadence.meta({ description: 'The method asks for at least a monthly review' }),
  participants: textList.optional(),
  first: isoDate.optional().meta({ description: 'Date of the first review session' }),
  weekday: weekday.optional().meta({
    description: 'The weekday sessions fall on (default: the weekday of first); monthly and longer cadences meet on its nth occurrence in the month, n from the first session (the first Wednesday, the last Friday)',
  }),
  agenda: textList.optional(),
});

// ---------------------------------------------------------------- tools (POST: T)

export const tool = z.strictObject({
  name: shortText,
  purpose: z.enum(['scheduling', 'monitoring', 'analytics', 'crm', 'email', 'design', 'video', 'collaboration', 'ads', 'other']),
  notes: text.optional(),
});

// ---------------------------------------------------------------- the plan

export const planSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Editor hint: the JSON Schema of this file' }),
    smplan: z.literal(1, { error: 'this file is not a smplan plan of format version 1: add `smplan: 1` at the top' }),
    plan: planMeta,
    situation: situation.optional(),
    goals: z.array(goal),
    objectives: z.array(objective).optional(),
    audience: audience.optional(),
    competitors: z.array(competitor).optional(),
    positioning: positioning.optional(),
    channels: z.array(channel).optional(),
    content: content.optional(),
    kpis: z.array(kpi).optional(),
    budget: budget.optional(),
    team: team.optional(),
    crisis: crisis.optional(),
    review: review.optional(),
    tools: z.array(tool).optional(),
  })
  .meta({ title: 'smplan plan', description: 'A social media strategy plan, format version 1' });

export type Plan = z.infer<typeof planSchema>;
export type PlanMeta = Plan['plan'];
export type Goal = z.infer<typeof goal>;
export type Objective = z.infer<typeof objective>;
export type Persona = z.infer<typeof persona>;
export type Competitor = z.infer<typeof competitor>;
export type CompetitorChannel = z.infer<typeof competitorChannel>;
export type OwnChannelSample = NonNullable<Channel['current']>;
export type PostSample = z.infer<typeof postSample>;
export type SampleTotals = z.infer<typeof sampleTotals>;
export type Channel = z.infer<typeof channel>;
export type Content = z.infer<typeof content>;
export type Slot = NonNullable<Content['slots']>[number];
export type Pillar = NonNullable<Content['pillars']>[number];
export type Kpi = z.infer<typeof kpi>;
export type Budget = z.infer<typeof budget>;
export type BudgetItem = z.infer<typeof budgetItem>;
export type Team = z.infer<typeof team>;
export type Crisis = z.infer<typeof crisis>;
export type Review = z.infer<typeof review>;
export type Weekday = (typeof WEEKDAYS)[number];
export type Locale = (typeof LOCALES)[number];
/** plan.locale as written: a language, or a language with a region. */
export type PlanLocale = Locale | (typeof REGIONAL_LOCALES)[number];

/** The language of a plan locale, which picks the message catalogue. */
export function localeLanguage(locale: PlanLocale): Locale {
  return locale.slice(0, 2) as Locale;
}
export type Curve = (typeof CURVES)[number];

/** The sections in the method's order (for init, render and "did you mean"). */
export const SECTION_ORDER = [
  'plan', 'situation', 'goals', 'objectives', 'audience', 'competitors', 'positioning',
  'channels', 'content', 'kpis', 'budget', 'team', 'crisis', 'review', 'tools',
] as const;
export type SectionName = (typeof SECTION_ORDER)[number];
