/**
 * The plan format, version 1: the single source of truth for types, validation
 * and the editors' JSON Schema. Each section cites the method.md section it encodes.
 * Cross-field rules (references, date order, method advice) live in src/lint/rules.
 */
import * as z from 'zod';
import { FIRST_YEAR, inDateRange, LAST_YEAR } from './date-range.js';
import { readDate } from './dates.js';

// zod's compiled validators pay off over thousands of parses; a command validates a few plans,
// and compiling them was a sixth of a cold `smplan lint`.
z.config({ jitless: true });

// ---------------------------------------------------------------- primitives

/** A real calendar date written YYYY-MM-DD (2027-02-30 is refused). */
export const isoDate = z
  .string()
  // abort: a date in another format is one finding, not also "no such date".
  .regex(/^\d{4}-\d{2}-\d{2}$/, {
    error: (issue) => `expected a date as YYYY-MM-DD${isoHint(issue.input)}`,
    abort: true,
  })
  .refine(isRealDate, { error: 'no such date in the calendar' })
  .refine(inDateRange, { error: `expected a year from ${FIRST_YEAR} to ${LAST_YEAR}` })
  .meta({ description: 'A date as YYYY-MM-DD', format: 'date' });

/** "29.02.2028" -> " (2028-02-29?)", "01/03/2027" -> " (2027-03-01 or 2027-01-03?)": the date reader's readings. */
function isoHint(input: unknown): string {
  const read = typeof input === 'string' ? readDate(input) : undefined;
  if (read === undefined || 'invalid' in read) return '';
  return 'date' in read ? ` (${read.date}?)` : ` (${read.either.dayFirst} or ${read.either.monthFirst}?)`;
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

/** The networks smplan knows by id, in the order offered, with each brand's own spelling. */
const KNOWN_CHANNEL_NAMES = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
  tiktok: 'TikTok',
  x: 'X',
  youtube: 'YouTube',
  pinterest: 'Pinterest',
  threads: 'Threads',
  bluesky: 'Bluesky',
  snapchat: 'Snapchat',
  mastodon: 'Mastodon',
} as const;

export const KNOWN_CHANNELS = Object.keys(KNOWN_CHANNEL_NAMES) as readonly (keyof typeof KNOWN_CHANNEL_NAMES)[];

/** Other names of a known network: `twitter` is X. */
const CHANNEL_ALIASES: Record<string, string> = { twitter: 'X' };

/** The brand's own spelling of a known network; other ids as written. */
export function channelName(id: string): string {
  if (Object.hasOwn(CHANNEL_ALIASES, id)) return CHANNEL_ALIASES[id]!;
  // An own property only: `constructor` is a channel id a plan may use, not Object's constructor.
  return Object.hasOwn(KNOWN_CHANNEL_NAMES, id) ? KNOWN_CHANNEL_NAMES[id as keyof typeof KNOWN_CHANNEL_NAMES] : id;
}

/** facebook, instagram, linkedin, tiktok, x, youtube … or any other lower-case id. */
export const channelId = id.meta({
  description: `A channel id: ${KNOWN_CHANNELS.join(', ')}, or any other lower-case id`,
  // The most used first: what an editor suggests.
  examples: ['instagram', 'facebook', 'linkedin', 'tiktok'] satisfies (typeof KNOWN_CHANNELS)[number][],
});

const text = z.string().max(20_000);
const shortText = z.string().min(1, { error: 'must not be empty' }).max(500);
const textList = z.array(text).max(1000);
/** Largest count accepted: above any real audience, far below float overflow. */
const MAX_COUNT = 1e10;
const count = z
  .number()
  .int({ error: 'expected a whole number' })
  .min(0, { error: 'must not be negative' })
  .max(MAX_COUNT);
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
  source: z
    .enum(['measured', 'estimated'])
    .optional()
    .meta({ description: 'Was this figure measured (counted) or estimated?' }),
  as_of: isoDate.optional().meta({ description: 'When the figure was taken' }),
};

// ---------------------------------------------------------------- a deliberate "no"

/** The reason a section or list does not apply: a decision, not an open point (method.md "Not applicable"). */
const notApplicableReason = z
  .string()
  .min(1, { error: 'give the reason this does not apply' })
  .max(2000)
  .meta({ description: 'Why this does not apply to us: a stated decision, printed where "not decided yet" would be' });

function isMapping(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{ not_applicable: reason }` written instead of a list. */
export const notApplicable = z
  .strictObject({ not_applicable: notApplicableReason })
  .meta({ description: 'Written instead of the list: this part does not apply to us, and why' });
export type NotApplicable = z.infer<typeof notApplicable>;

/** A list section that may instead state it does not apply. */
function listOrNotApplicable<T extends z.ZodType>(item: T) {
  return z.union([z.array(item), notApplicable]);
}

/**
 * Fields an object section requires unless it states `not_applicable`: reported as the missing
 * field itself, as zod would have, so an existing plan gets the same finding as before.
 */
function requiredUnlessNotApplicable(fields: readonly string[]) {
  return [
    (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
      // Runs even when the value itself was refused (when: always): only a mapping has fields to ask for.
      if (!isMapping(value) || value.not_applicable !== undefined) return;
      for (const field of fields) {
        if (value[field] === undefined)
          ctx.addIssue({
            code: 'invalid_type',
            expected: 'array',
            path: [field],
            input: undefined,
            message: 'required',
          });
      }
    },
    { when: () => true },
  ] as const;
}

// ---------------------------------------------------------------- plan (meta)

export const STRATEGY_STATUSES = ['draft', 'proposed', 'adopted', 'retired'] as const;

export const planMeta = z.strictObject({
  id: id.optional().meta({
    description:
      'A stable key for this plan that never changes with its title, e.g. nordlys-2027. Calendar event UIDs are made from it (default: the organization), so set it before the first calendar import if the organization may be renamed',
  }),
  title: shortText.meta({ description: "The strategy's title, shown on the cover and in every document" }),
  organization: shortText.meta({ description: 'The organization the strategy is for' }),
  locale: z.enum([...LOCALES, ...REGIONAL_LOCALES]).meta({
    description:
      'Language of the rendered documents: en, nb (Norwegian Bokmål), bg (Bulgarian); with a region (en-GB, en-US, nb-NO, bg-BG) for its date and number formats',
  }),
  currency: currency.meta({ description: 'ISO 4217 code of all amounts in the plan: NOK, EUR, USD, BGN …' }),
  timezone: timezone.meta({ description: 'IANA time zone of the publishing times, e.g. Europe/Oslo' }),
  start: isoDate.meta({ description: 'First day of the plan period (YYYY-MM-DD)' }),
  end: isoDate.meta({ description: 'Last day of the plan period (YYYY-MM-DD)' }),
  author: shortText
    .optional()
    .meta({ description: 'Who wrote the strategy: shown on the cover and as the PDF author' }),
  version: z
    .union([shortText, z.number()])
    .optional()
    .meta({ description: 'Version of this strategy document, e.g. 1.2 or "draft"' }),
  /** method.md §2 (001 §1): state the problem being solved and defend it in writing. */
  problem: text.optional().meta({ description: 'The problem this strategy solves, in a few sentences' }),
  /** method.md §2 (004): goals tie to the company's overall goals. */
  business_goals: textList.optional().meta({ description: "The company's overall goals this strategy serves" }),
  marketing_strategy: text.optional().meta({ description: 'How this fits the wider marketing strategy' }),
  summary: text.optional().meta({
    description: "The author's own short summary: the document's summary prints it instead of summarising the problem",
  }),
  vision: text.optional().meta({ description: 'The vision statement the strategy serves' }),
  prepared_for: shortText.optional().meta({ description: 'Who the strategy is prepared for: a client or department' }),
  status: z
    .enum(STRATEGY_STATUSES)
    .optional()
    .meta({ description: "The strategy's own status: draft, proposed, adopted or retired (shown on the cover)" }),
  adopted: isoDate.optional().meta({ description: 'When the strategy was adopted (shown on the cover)' }),
  approved_by: shortText.optional().meta({ description: 'Who adopted or approved it, e.g. "The board"' }),
  confidentiality: shortText.optional().meta({ description: 'A confidentiality line, e.g. "Internal"' }),
  logo: shortText.optional().meta({ description: 'A logo file beside the plan (SVG or PNG), for the cover' }),
  accent: z
    .string()
    .regex(/^#[0-9A-Fa-f]{6}$/, { error: 'expected a colour as #RRGGBB, e.g. "#0B5FFF" (quoted)' })
    .optional()
    .meta({ description: "The organisation's accent colour as #RRGGBB" }),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, { error: 'expected an ISO 3166-1 alpha-2 country code such as NO, GB, BG' })
    .optional()
    .meta({
      description: 'ISO 3166-1 country code whose public holidays the calendar knows (default from the locale)',
    }),
});

// ---------------------------------------------------------------- governance: scope and revision

export const governance = z
  .strictObject({
    not_applicable: notApplicableReason.optional(),
    scope: text
      .optional()
      .meta({ description: 'What this document is, e.g. "a channel strategy, not a communication plan"' }),
    out_of_scope: textList.optional().meta({ description: 'What it deliberately does not cover' }),
    owner: shortText.optional().meta({ description: 'Who owns the strategy and keeps it current' }),
    revision: z
      .strictObject({
        cadence: cadence.optional().meta({ description: 'How often the strategy itself is revised' }),
        next: isoDate.optional().meta({ description: 'When the next revision is due' }),
        how: text.optional().meta({ description: 'How it is revised and who adopts the revision' }),
      })
      .optional()
      .meta({ description: 'How and when the strategy is revised' }),
    phases: z
      .array(
        z.strictObject({
          name: shortText.meta({ description: "The phase's name" }),
          start: isoDate.optional().meta({ description: 'When it starts' }),
          end: isoDate.optional().meta({ description: 'When it ends' }),
          focus: text.optional().meta({ description: 'What the phase concentrates on' }),
        }),
      )
      .optional()
      .meta({ description: 'Phases of a multi-year strategy' }),
  })
  .meta({ description: 'Scope and governance: what the strategy covers, who owns it, how it is revised' });

// ---------------------------------------------------------------- situation (§1)

const pastActivity = z.strictObject({
  what: shortText.meta({ description: 'What was done' }),
  where: text.optional().meta({ description: 'On which channel or platform' }),
  when: text.optional().meta({ description: 'When it ran' }),
  result: text.optional().meta({ description: 'What came of it' }),
});

export const internal = z.strictObject({
  about: text.optional().meta({ description: 'Who we are' }),
  offering: z.union([text, textList]).optional().meta({ description: 'What we offer: products, services' }),
  resources: z
    .strictObject({
      level: z.enum(['adequate', 'limited']).optional().meta({ description: 'Are the resources adequate or limited?' }),
      people: text.optional().meta({ description: 'Who can work on social media, and how much' }),
      money: text.optional().meta({ description: 'What money there is' }),
      time: text.optional().meta({ description: 'How much time there is' }),
      notes: text.optional().meta({ description: 'A remark' }),
    })
    .optional()
    .meta({ description: 'People, money and time available for social media' }),
  reputation: text.optional().meta({ description: 'What is said about us on social networks' }),
  history: z.array(pastActivity).optional().meta({ description: 'What has been done so far, where, and the results' }),
});

export const pest = z.strictObject({
  demographic: z
    .union([text, textList])
    .optional()
    .meta({ description: 'Demographic factors: age, population, households …' }),
  economic: z.union([text, textList]).optional().meta({ description: 'Economic factors: prices, incomes, the market' }),
  technological: z
    .union([text, textList])
    .optional()
    .meta({ description: 'Technological factors: platforms, devices, algorithms' }),
  political: z
    .union([text, textList])
    .optional()
    .meta({ description: 'Political and legal factors: regulation, privacy, advertising rules' }),
  sociocultural: z
    .union([text, textList])
    .optional()
    .meta({ description: 'Social and cultural factors: habits, values, trends' }),
});

export const BENCHMARK_FORMULAS = [
  'per-post-by-followers',
  'sample-by-followers',
  'by-reach',
  'by-impressions',
] as const;

/** Published industry figures, kept apart when their formula differs from ours (method.md §4). */
const benchmark = z.strictObject({
  channel: channelId,
  engagement_rate: z.number().min(0).max(100).meta({ description: 'As a fraction: 0.012 means 1.2 %' }),
  formula: z.enum(BENCHMARK_FORMULAS).meta({
    description:
      'per-post-by-followers = engagement per post / followers (as smplan computes engagement_rate_per_post); sample-by-followers = the whole sample / followers; by-reach and by-impressions are not comparable',
  }),
  source: shortText.meta({ description: 'Who published the figure' }),
  year: z.number().int().min(1990).max(2100).meta({ description: 'Year of the figure' }),
  industry: text.optional().meta({ description: 'The industry the figure is for' }),
});

export const external = z.strictObject({
  landscape: text.optional().meta({ description: 'The competitive landscape: what others do, how and where' }),
  pest: pest
    .optional()
    .meta({ description: 'PEST analysis: political, economic, sociocultural and technological factors' }),
  benchmarks: z
    .array(benchmark)
    .optional()
    .meta({ description: 'Published industry engagement rates, with their formula' }),
});

export const swot = z.strictObject({
  strengths: textList.optional().meta({ description: 'Internal strengths' }),
  weaknesses: textList.optional().meta({ description: 'Internal weaknesses' }),
  opportunities: textList.optional().meta({ description: 'External opportunities' }),
  threats: textList.optional().meta({ description: 'External threats' }),
});

export const AUDIT_DECISIONS = ['keep', 'prioritise', 'close', 'take-over'] as const;
export const PAGE_ROLES = ['admin', 'editor', 'moderator', 'advertiser', 'analyst'] as const;

export const channelAuditEntry = z.strictObject({
  channel: channelId.meta({ description: 'The channel audited' }),
  handle: shortText.optional().meta({ description: 'Profile name or URL' }),
  active: z.boolean().optional().meta({ description: 'Is the profile active today?' }),
  worked: text.optional().meta({ description: 'What has worked on it' }),
  did_not_work: text.optional().meta({ description: 'What has not worked' }),
  why: text.optional().meta({ description: 'Why, as far as we know' }),
  decision: z
    .enum(AUDIT_DECISIONS)
    .meta({ description: 'keep, prioritise, close or take-over (a profile someone else controls)' }),
  owner: shortText.optional().meta({ description: 'Who is responsible for the profile' }),
  login_holder: shortText.optional().meta({ description: 'Who holds the login' }),
  login_email: shortText.optional().meta({ description: 'Which e-mail the login is tied to' }),
  admins: z
    .array(
      z.strictObject({
        name: shortText.meta({ description: 'Who holds the role' }),
        role: z.enum(PAGE_ROLES).meta({ description: 'admin, editor, moderator, advertiser or analyst' }),
        left: z.boolean().optional().meta({ description: 'true: has left the organisation and must be removed' }),
      }),
    )
    .optional()
    .meta({ description: 'Page roles: not everyone an administrator' }),
  followers: count.optional().meta({ description: 'Followers today' }),
  notes: text.optional().meta({ description: 'Anything else worth knowing' }),
});

export const situation = z.strictObject({
  not_applicable: notApplicableReason.optional(),
  internal: internal
    .optional()
    .meta({ description: 'Internal analysis: who we are, resources, reputation, what has been done' }),
  external: external
    .optional()
    .meta({ description: 'External analysis: the landscape, PEST factors and industry benchmarks' }),
  swot: swot.optional().meta({ description: 'Strengths, weaknesses, opportunities and threats' }),
  channel_audit: z
    .array(channelAuditEntry)
    .optional()
    .meta({ description: 'Every profile we have or had: what worked, who has access, what to do with it' }),
});

// ---------------------------------------------------------------- goals and objectives (§2)

export const goal = z.strictObject({
  id: id.meta({ description: 'A short lower-case id that objectives refer to' }),
  statement: shortText.meta({ description: 'The business goal in one sentence' }),
  priority: z
    .enum(PRIORITIES)
    .optional()
    .meta({ description: 'primary or secondary (at most 2 of each); left out when the strategy ranks none' }),
  measures: textList
    .optional()
    .meta({ description: 'How we will know the goal is being reached, in words, when no numeric objective says it' }),
  departments: textList
    .optional()
    .meta({ description: 'Departments concerned: marketing, customer service, sales, HR …' }),
  ties_to: text.optional().meta({ description: 'The company goal this serves' }),
});

export const relativeTarget = /^[+-]\d+(\.\d+)?\s?%$/;

export const objective = z.strictObject({
  id: id.meta({ description: 'A short lower-case id, used by KPIs, tactics and track' }),
  goal: id.meta({ description: 'id of a goal' }),
  metric: shortText.meta({ description: 'What is counted' }),
  channel: channelId.optional().meta({ description: 'absent = all channels' }),
  unit: z
    .string()
    .max(40)
    .optional()
    .meta({ description: 'e.g. followers, %, or "money" for amounts in plan.currency' }),
  lower_is_better: z
    .boolean()
    .optional()
    .meta({ description: 'true: the metric is meant to fall (complaints, response time); default false' }),
  baseline: z
    .number()
    .min(0, { error: 'a baseline cannot be negative' })
    .max(1e12)
    .meta({ description: 'Where the metric stands at the start' }),
  target: z
    .union([
      z.number().min(0, { error: 'a target cannot be negative' }).max(1e12),
      z.string().regex(relativeTarget, { error: 'expected a number or a relative target such as "+50%" or "-20%"' }),
    ])
    .meta({ description: 'A number, or a relative string "+50%" / "-20%" from the baseline' }),
  start: isoDate.optional().meta({ description: 'default plan.start' }),
  deadline: isoDate.meta({ description: 'When the target is to be reached (YYYY-MM-DD)' }),
  curve: z.enum(CURVES).optional().meta({ description: 'linear (default) or compound (steady growth rate)' }),
  tool: shortText.optional().meta({ description: 'The analytics or tracking tool that measures it' }),
  why: text.optional().meta({ description: 'Why this objective is relevant' }),
});

// ---------------------------------------------------------------- audience (§3)

export const onlineTime = z.strictObject({
  days: z.array(weekday).optional().meta({ description: 'Weekdays this applies to (default every day)' }),
  from: clockTime.meta({ description: 'From local time HH:MM' }),
  to: clockTime.meta({ description: 'To local time HH:MM' }),
  note: text.optional().meta({ description: 'A remark, e.g. "on the bus to work"' }),
});

export const persona = z.strictObject({
  id: id.meta({ description: 'A short lower-case id that channels and slots refer to' }),
  name: shortText.meta({ description: 'A name that makes the persona a person' }),
  description: text.optional().meta({ description: 'A short portrait' }),
  age: z
    .union([z.number().int().min(0).max(120), shortText])
    .optional()
    .meta({ description: 'An age or a range: 25-34' }),
  occupation: text.optional().meta({ description: 'What they do for a living' }),
  income: text.optional().meta({ description: 'Income level or range' }),
  interests: textList.optional().meta({ description: 'What they are interested in' }),
  pains: textList.optional().meta({ description: 'What bothers them' }),
  problems: textList.optional().meta({ description: 'Problems we can solve for them' }),
  obstacles: textList.optional().meta({ description: 'What stands between them and buying' }),
  habits: textList.optional().meta({ description: 'Media and buying habits' }),
  likes: textList.optional().meta({ description: 'What they like' }),
  dislikes: textList.optional().meta({ description: 'What they dislike' }),
  motivations: textList.optional().meta({ description: 'What moves them to act' }),
  objections: textList.optional().meta({ description: 'Why they might say no' }),
  channels: z
    .array(
      z.strictObject({
        channel: channelId,
        share: fraction.meta({ description: 'Share of their online time, 0.4 = 40 %' }),
      }),
    )
    .optional()
    .meta({ description: 'Channels this persona uses and their share of online time' }),
  online_times: z.array(onlineTime).optional().meta({ description: 'When they are online' }),
});

export const audience = z
  .strictObject({
    not_applicable: notApplicableReason.optional(),
    personas: z
      .array(persona)
      .optional()
      .meta({ description: 'The personas: the people the strategy speaks to (required unless not_applicable)' }),
  })
  .superRefine(...requiredUnlessNotApplicable(['personas']));

// ---------------------------------------------------------------- competitors (§4)

const engagementActions = {
  likes: count.meta({ description: 'Likes (reactions)' }),
  comments: count.meta({ description: 'Comments' }),
  shares: count.meta({ description: 'Shares (reposts)' }),
};

export const postSample = z.strictObject({
  ...engagementActions,
  date: isoDate.optional().meta({ description: 'When the post was published' }),
});
export const sampleTotals = z.strictObject({
  posts: count
    .min(1, { error: 'must be at least 1: the per-post rate divides by it' })
    .meta({ description: 'How many posts were sampled' }),
  ...engagementActions,
});

/** One network's figures: either sampled posts, their totals, or a CSV of posts. */
const engagementSource = {
  followers: count
    .min(1, { error: 'must be more than 0: the engagement rate divides by it' })
    .meta({ description: 'Followers on this channel' }),
  posts_per_week: z.number().min(0).max(1000).optional().meta({ description: 'How often they post' }),
  posts: z
    .array(postSample)
    .min(1, { error: 'list at least one post, or leave posts out' })
    .max(10_000)
    .optional()
    .meta({ description: 'The sampled posts, one entry each (or give sample or posts_csv)' }),
  sample: sampleTotals.optional().meta({ description: "The sampled posts' totals (or give posts or posts_csv)" }),
  posts_csv: shortText.optional().meta({
    description: 'CSV relative to the plan file: header row, one row per post, columns likes,comments,shares',
  }),
  ...provenance,
};

export const competitorChannel = z.strictObject({
  channel: channelId.meta({ description: 'The channel' }),
  ...engagementSource,
  posting_times: textList.optional().meta({ description: 'When they post, e.g. "weekdays 07:00"' }),
  content_types: textList.optional().meta({ description: 'What kind of content they post' }),
  tone: text.optional().meta({ description: 'Context and tone: humorous, promotional …' }),
  responses: text.optional().meta({ description: 'How they answer their fans' }),
  notes: text.optional().meta({ description: 'Anything else worth knowing' }),
});

export const COMPETITOR_RELATIONS = ['competitor', 'peer'] as const;

export const competitor = z.strictObject({
  name: shortText.meta({ description: "The competitor's name" }),
  relation: z.enum(COMPETITOR_RELATIONS).optional().meta({
    description: 'competitor (default) or peer: an organisation we compare ourselves with, not compete against',
  }),
  url: shortText.optional().meta({ description: 'Their website' }),
  notes: text.optional().meta({ description: 'Anything else worth knowing' }),
  better_at: textList.optional().meta({ description: 'What they do well (benchmark, do not copy)' }),
  we_do_better: textList.optional().meta({ description: 'Where we can do better' }),
  channels: z
    .array(competitorChannel)
    .min(1, { error: 'list at least one channel' })
    .meta({ description: 'Their channels with sampled engagement' }),
});

// ---------------------------------------------------------------- positioning (§5)

export const positioning = z
  .strictObject({
    not_applicable: notApplicableReason.optional(),
    statement: text.optional().meta({
      description: 'How we want to be seen in the conversation, in a sentence or two (required unless not_applicable)',
    }),
    brand_position: text.optional().meta({ description: 'The global brand position it must fit' }),
    voice: text.optional().meta({ description: 'How we sound in conversation' }),
    unique: text.optional().meta({ description: 'What makes it unique' }),
    engaging: text.optional().meta({ description: 'Why people will want to engage with it' }),
    realistic: text.optional().meta({ description: 'Why we can live up to it' }),
  })
  .superRefine(...requiredUnlessNotApplicable(['statement']));

// ---------------------------------------------------------------- channels and tactics (§6)

const tactic = z.strictObject({
  id: id.optional().meta({ description: 'An id, so budget items can name the tactic they fund' }),
  action: shortText.meta({ description: 'What we do' }),
  objectives: z.array(id).optional().meta({ description: 'ids of the objectives this tactic serves' }),
  goals: z
    .array(id)
    .optional()
    .meta({ description: 'ids of the goals this tactic serves directly, when no numeric objective measures it' }),
  paid: z.boolean().optional().meta({ description: 'Has ad budget' }),
  /** Method mistake 2 ("make as the neighbour"): a borrowed tactic says why and how it is ours. */
  adopted_from: shortText
    .optional()
    .meta({ description: 'Name of the competitor whose tactic (better_at) this adopts' }),
  adaptation: text
    .optional()
    .meta({ description: 'How we adapt it to our objectives and do better than them, not the same' }),
});

const activation = z.strictObject({
  name: shortText.meta({ description: 'The name of the campaign or activation' }),
  date: isoDate.optional().meta({ description: 'When it starts (YYYY-MM-DD)' }),
  description: text.optional().meta({ description: 'What it is' }),
});

/** Our own channel's figures, compared beside the competitors. */
const ownSample = z.strictObject({ ...engagementSource });

export const CHANNEL_KINDS = [
  'network',
  'website',
  'newsletter',
  'mailing-list',
  'blog',
  'forum',
  'podcast',
  'other',
] as const;
/** A channel's standing: primary and secondary networks, the hub, one chosen per campaign, another team's, a partner's. */
export const CHANNEL_ROLES = ['primary', 'secondary', 'hub', 'per-campaign', 'other-team', 'partner'] as const;

/** A number of posts a week, or a range `{ min, max }`. */
const postsPerWeek = z.union([
  z.number().min(0).max(1000),
  z
    .strictObject({
      min: z.number().min(0).max(1000).meta({ description: 'At least this many a week' }),
      max: z.number().min(0).max(1000).meta({ description: 'At most this many a week' }),
    })
    .refine((r) => r.min <= r.max, { error: 'min must not be above max', path: ['max'] }),
]);
export type PostsPerWeek = z.infer<typeof postsPerWeek>;

const account = z.strictObject({
  handle: shortText.optional().meta({ description: 'Profile name, e.g. "@agency_north"' }),
  name: shortText.optional().meta({ description: 'What the account is, e.g. "North region"' }),
  owner: shortText.optional().meta({ description: 'Who runs it' }),
  url: shortText.optional().meta({ description: 'Its address' }),
  purpose: text.optional().meta({ description: 'What it is for' }),
});

export const channel = z.strictObject({
  id: channelId.meta({ description: 'The channel id' }),
  kind: z.enum(CHANNEL_KINDS).optional().meta({
    description:
      'network (default), website, newsletter, mailing-list, blog, forum, podcast or other: owned channels are not only social networks',
  }),
  name: shortText.optional().meta({
    description: 'Display name: a website by its domain, a list by its address (default: the network by its id)',
  }),
  url: shortText.optional().meta({ description: 'Its address' }),
  role: z.enum(CHANNEL_ROLES).optional().meta({
    description:
      "Its standing: primary or secondary network, hub (everything points to it), per-campaign (chosen per campaign), other-team (run by another team), partner (a partner's channel that feeds ours)",
  }),
  recipients: count.optional().meta({ description: 'Subscribers of a newsletter or mailing list' }),
  frequency: shortText
    .optional()
    .meta({ description: 'How often we post, in words as the strategy says it: "1–2 a day", "as things happen"' }),
  accounts: z
    .array(account)
    .max(10_000)
    .optional()
    .meta({ description: 'The accounts we keep on this network, each with its owner (a federated organisation)' }),
  purpose: text
    .optional()
    .meta({ description: 'What this profile is for: why we are on this network and what it should do' }),
  personas: z.array(id).optional().meta({ description: 'ids of the personas reached here' }),
  goals: z.array(id).optional().meta({ description: 'ids of the goals this channel serves' }),
  kpis: z.array(id).optional().meta({ description: 'ids of the KPIs followed here' }),
  tactics: z.array(tactic).optional().meta({ description: 'What we do here, each tied to the objectives it serves' }),
  editorial_line: text.optional().meta({ description: 'The editorial line: what we publish here and how' }),
  themes: textList.optional().meta({ description: 'Recurring themes' }),
  activations: z.array(activation).optional().meta({ description: 'Campaigns and activations on this channel' }),
  posts_per_week: postsPerWeek.optional().meta({ description: 'How often we post here: a number, or { min, max }' }),
  owner: shortText.optional().meta({ description: 'Who runs this channel' }),
  handle: shortText.optional().meta({ description: 'Profile name or URL' }),
  current: ownSample.optional().meta({ description: 'Our own figures on this channel, for the engagement benchmark' }),
});

// ---------------------------------------------------------------- content (§7)

export const PILLAR_KINDS = ['value', 'promotional', 'conversation', 'curated'] as const;
export const MIX_RULES = ['80-20', 'thirds'] as const;

export const pillar = z.strictObject({
  id: id.meta({ description: 'A short lower-case id that slots refer to' }),
  name: shortText.meta({ description: "The pillar's name" }),
  share: fraction
    .optional()
    .meta({ description: 'Share of all posts, 0.3 = 30 %; shares sum to 1 (left out when the strategy gives none)' }),
  kind: z
    .enum(PILLAR_KINDS)
    .optional()
    .meta({ description: 'value (educate, entertain), promotional, conversation, curated' }),
  description: text.optional().meta({ description: 'What the pillar covers' }),
  formats: textList.optional().meta({ description: 'Formats used for it' }),
});

export const slot = z.strictObject({
  channel: channelId.meta({ description: 'The channel' }),
  weekday: weekday.meta({ description: 'The weekday: mon tue wed thu fri sat sun' }),
  time: clockTime,
  pillar: id.optional().meta({ description: 'id of a content pillar' }),
  format: shortText.optional().meta({ description: 'text, image, link, video, carousel, reel, story, live, mix' }),
  persona: id.optional().meta({ description: 'id of the persona addressed' }),
  paid: z.boolean().optional().meta({ description: 'Has ad budget' }),
  goal: id.optional().meta({ description: 'id of the goal served' }),
  note: text.optional().meta({ description: 'A remark, shown in the calendar' }),
});

export const RECURRENCES = ['weekly', 'monthly', 'yearly'] as const;

const specialDate = z
  .strictObject({
    date: isoDate.optional().meta({ description: 'The date (YYYY-MM-DD); or give recurs: yearly with month and day' }),
    recurs: z.enum(['yearly']).optional().meta({ description: 'yearly: the same day every year (give month and day)' }),
    month: z.number().int().min(1).max(12).optional().meta({ description: 'Month of a yearly date, 1–12' }),
    day: z.number().int().min(1).max(31).optional().meta({ description: 'Day of the month of a yearly date' }),
    name: shortText.meta({ description: 'What happens' }),
    channels: z.array(channelId).optional().meta({ description: 'Channels concerned (default all)' }),
    kind: z
      .enum(['holiday', 'event', 'campaign', 'launch', 'other'])
      .optional()
      .meta({ description: 'holiday, event, campaign, launch or other' }),
    note: text.optional().meta({ description: 'A remark' }),
  })
  .superRefine(
    (d, ctx) => {
      if (isMapping(d) && d.date === undefined && (d.month === undefined || d.day === undefined))
        ctx.addIssue({
          code: 'invalid_type',
          expected: 'string',
          path: ['date'],
          input: undefined,
          message: 'required',
        });
    },
    { when: () => true },
  );

const reserveItem = z.strictObject({
  title: shortText.meta({ description: 'What the post is' }),
  pillar: id.optional().meta({ description: 'id of its content pillar' }),
  format: shortText.optional().meta({ description: 'Its format' }),
  channel: channelId.optional().meta({ description: 'Where it would go' }),
});

export const CONTENT_TIMES = ['slots', 'tool'] as const;

export const content = z.strictObject({
  not_applicable: notApplicableReason.optional(),
  pillars: z
    .array(pillar)
    .optional()
    .meta({ description: 'Content pillars: the themes we publish on, with their share of posts' }),
  mix_rule: z.enum(MIX_RULES).optional().meta({
    description: '80-20: at most 20 % promotional; thirds: a third each of promotional, value and conversation',
  }),
  formats: textList.optional().meta({ description: 'Formats we use: image, video, reel, story …' }),
  tone: text.optional().meta({ description: 'Tone of voice' }),
  horizon_weeks: z
    .number()
    .int()
    .min(1)
    .max(104)
    .optional()
    .meta({ description: 'How far ahead the publishing calendar reaches; the method says a couple of months' }),
  slots: listOrNotApplicable(slot)
    .optional()
    .meta({ description: 'The recurring publishing plan: weekday and local time (or { not_applicable: reason })' }),
  times: z.enum(CONTENT_TIMES).optional().meta({
    description: "slots: we post at the slots' times; tool: the scheduling tool's algorithm picks the times",
  }),
  scheduling_tool: shortText.optional().meta({ description: 'The scheduling tool that picks the times' }),
  special_dates: z
    .array(specialDate)
    .optional()
    .meta({ description: 'Holidays, events and campaigns in the calendar' }),
  reserve: z.array(reserveItem).optional().meta({ description: 'Content in hand for quiet weeks' }),
  approval: z
    .strictObject({
      required: z
        .boolean()
        .optional()
        .meta({ description: 'false: posts need no approval (say who may publish alone); default true' }),
      may_publish_alone: textList
        .optional()
        .meta({ description: 'Role ids or people who may publish without approval' }),
      steps: z
        .array(
          z.strictObject({
            role: shortText.meta({ description: 'The role that approves' }),
            who: shortText.optional().meta({ description: 'The person in that role' }),
          }),
        )
        .min(1)
        .optional()
        .meta({ description: 'The approval steps, in order (required unless required: false)' }),
      max_hours: z.number().min(0).max(1000).optional().meta({ description: 'How long approval may take' }),
    })
    .superRefine(
      (a, ctx) => {
        if (isMapping(a) && a.required !== false && a.steps === undefined)
          ctx.addIssue({
            code: 'invalid_type',
            expected: 'array',
            path: ['steps'],
            input: undefined,
            message: 'required',
          });
      },
      { when: () => true },
    )
    .optional()
    .meta({ description: 'Who approves a post before it is published' }),
});

// ---------------------------------------------------------------- KPIs (§8)

export const kpi = z.strictObject({
  id: id.meta({ description: 'A short lower-case id that channels refer to' }),
  name: shortText.meta({ description: 'What is measured' }),
  objective: id.optional().meta({ description: 'id of the objective this KPI measures' }),
  goals: z
    .array(id)
    .optional()
    .meta({ description: 'ids of the goals this KPI measures directly, when no numeric objective does' }),
  tier: z
    .number()
    .int()
    .min(1)
    .max(9)
    .optional()
    .meta({ description: 'Priority tier: 1 = the few that matter most, 2 = supporting, …' }),
  channel: channelId.optional().meta({ description: 'The channel (absent = all)' }),
  frequency: cadence.optional().meta({ description: 'How often it is looked at' }),
  tool: shortText.optional().meta({ description: 'The tool that measures it' }),
  definition: text.optional().meta({ description: 'How it is computed' }),
});

// ---------------------------------------------------------------- budget (§9)

export const budgetItem = z
  .strictObject({
    id: id.optional().meta({
      description: 'A short lower-case id, so actual spend can name the item (spend:<id> in an actuals file)',
    }),
    name: shortText.meta({ description: 'What is paid for' }),
    category: z.enum(BUDGET_CATEGORIES).meta({ description: 'advertising, tool, service, staff or other' }),
    cost: money.optional().meta({ description: 'The amount per period, in plan.currency (left out: no amount set)' }),
    per: z.enum(BUDGET_PERIODS).optional().meta({ description: 'month, year or once (required with a cost)' }),
    roi: z.enum(ROI_TIME_FRAMES).optional().meta({ description: 'Time to return: short, medium, long' }),
    in_kind: z
      .boolean()
      .optional()
      .meta({ description: "true: a resource given in kind (staff time, a partner's service), not paid out" }),
    initiatives: z.array(id).optional().meta({ description: 'ids of the initiatives this item funds' }),
    campaigns: z.array(id).optional().meta({ description: 'ids of the campaigns this item funds' }),
    channel: channelId.optional().meta({ description: 'The channel it is for' }),
    objectives: z.array(id).optional().meta({ description: 'ids of the objectives this item funds' }),
    tactics: z
      .array(id)
      .optional()
      .meta({ description: 'ids of the channel tactics this item funds (their objectives count as funded too)' }),
    notes: text.optional().meta({ description: 'A remark' }),
  })
  .superRefine(
    (item, ctx) => {
      // An amount needs its period; an item with no amount set needs none.
      if (isMapping(item) && item.cost !== undefined && item.per === undefined)
        ctx.addIssue({
          code: 'invalid_value',
          values: [...BUDGET_PERIODS],
          path: ['per'],
          input: undefined,
          message: 'required',
        });
    },
    { when: () => true },
  );

export const budget = z
  .strictObject({
    not_applicable: notApplicableReason.optional(),
    cap: money.optional().meta({ description: 'For one year, in plan.currency (left out: no cap set)' }),
    items: z
      .array(budgetItem)
      .optional()
      .meta({ description: 'What the strategy costs, item by item (required unless not_applicable)' }),
  })
  .superRefine(...requiredUnlessNotApplicable(['items']));

// ---------------------------------------------------------------- team and process (§10)

export const role = z.strictObject({
  id: id.meta({ description: 'A short lower-case id that tasks refer to' }),
  title: shortText.meta({ description: "The role's title" }),
  person: shortText.optional().meta({ description: 'Who holds it' }),
  share: fraction.optional().meta({ description: 'Share of their working time, 0.5 = half' }),
  backup: shortText.optional().meta({ description: 'Who steps in when they are away' }),
  responsibilities: textList.optional().meta({ description: 'What the role is responsible for' }),
});

export const TASK_KINDS = [
  'planning',
  'publishing',
  'community',
  'production',
  'reporting',
  'research',
  'other',
] as const;

export const task = z.strictObject({
  task: shortText.meta({ description: 'What is done' }),
  owner: shortText.optional().meta({ description: 'A role id or a person' }),
  cadence: cadence.meta({ description: 'How often: daily, weekly, biweekly, monthly, quarterly, yearly, ad-hoc' }),
  kind: z.enum(TASK_KINDS).optional().meta({
    description:
      'planning (planning the posts), publishing, community (answering), production, reporting, research, other',
  }),
  deliverable: text.optional().meta({ description: 'What it produces' }),
  channel: channelId.optional().meta({ description: 'The channel it is for' }),
});

export const team = z.strictObject({
  not_applicable: notApplicableReason.optional(),
  model: z.enum(['in-house', 'agency', 'hybrid']).optional().meta({ description: 'in-house, agency or hybrid' }),
  agency: shortText.optional().meta({ description: 'The agency, if any' }),
  roles: z.array(role).optional().meta({ description: 'Who does what' }),
  tasks: z.array(task).optional().meta({ description: 'The recurring work and who owns it' }),
  escalation: z
    .strictObject({
      routine: text.meta({ description: 'The routine for questions the community manager cannot answer' }),
      steps: z
        .array(
          z.strictObject({
            who: shortText.meta({ description: 'Who is asked' }),
            when: text.optional().meta({ description: 'In which case' }),
            within_hours: z
              .number()
              .min(0)
              .max(10_000)
              .optional()
              .meta({ description: 'How fast they answer, in hours' }),
          }),
        )
        .optional()
        .meta({ description: 'Who is asked, in order' }),
    })
    .optional()
    .meta({ description: 'What the community manager does with questions they cannot answer' }),
  advocacy: z
    .strictObject({
      description: text.optional().meta({ description: 'What staff do: share, post as staff reporters …' }),
      participants: text.optional().meta({ description: 'Who takes part, e.g. "20 staff reporters"' }),
      goals: z.array(id).optional().meta({ description: 'ids of the goals it serves' }),
      measures: textList.optional().meta({ description: 'How we will know it works' }),
    })
    .optional()
    .meta({ description: 'Staff participation: employee advocacy, staff reporters' }),
});

// ---------------------------------------------------------------- crisis handbook (§11)

export const severity = z.strictObject({
  level: z.enum(['green', 'yellow', 'red']).meta({ description: 'green, yellow or red' }),
  description: text.meta({ description: 'What a crisis of this level looks like' }),
  approver: shortText.meta({ description: 'Who approves what we say' }),
  backup: shortText.optional().meta({ description: 'Who approves when the approver cannot be reached' }),
  respond_within_hours: z.number().min(0).max(10_000).optional().meta({ description: 'How fast we answer, in hours' }),
  holding_statement: text.optional().meta({ description: 'Pre-approved first response' }),
});

export const crisis = z.strictObject({
  not_applicable: notApplicableReason.optional(),
  triggers: textList
    .optional()
    .meta({ description: 'What starts a crisis: e.g. a food safety complaint, a viral post' }),
  levels: z.array(severity).optional().meta({ description: 'Crisis levels, with who approves and how fast we answer' }),
  responders: z
    .array(
      z.strictObject({
        name: shortText.meta({ description: 'Who' }),
        role: shortText.optional().meta({ description: 'Their role in a crisis' }),
        contact: shortText.optional().meta({ description: 'How to reach them at any hour' }),
      }),
    )
    .optional()
    .meta({ description: 'Who is called in' }),
  channels: z.array(channelId).optional().meta({ description: 'Where we respond' }),
  steps: textList.optional().meta({ description: 'What we do, in order' }),
});

// ---------------------------------------------------------------- review (§12)

export const reviewMeeting = z.strictObject({
  cadence: cadence.meta({ description: 'How often it meets' }),
  purpose: text.optional().meta({ description: 'What it looks at' }),
  participants: textList.optional().meta({ description: 'Who takes part' }),
});

export const DECISION_STATUSES = ['open', 'done', 'dropped'] as const;

export const reviewLogEntry = z.strictObject({
  date: isoDate.meta({ description: 'The date of the review' }),
  notes: text.optional().meta({ description: 'What was found' }),
  decisions: z
    .array(
      z.strictObject({
        decision: shortText.meta({ description: 'What was decided' }),
        owner: shortText.optional().meta({ description: 'Who carries it out' }),
        due: isoDate.optional().meta({ description: 'By when' }),
        status: z.enum(DECISION_STATUSES).optional().meta({ description: 'open (default), done or dropped' }),
      }),
    )
    .optional()
    .meta({ description: 'What was decided at the review' }),
});

export const review = z
  .strictObject({
    not_applicable: notApplicableReason.optional(),
    cadence: cadence
      .optional()
      .meta({ description: 'The method asks for at least a monthly review (required unless meetings are given)' }),
    meetings: z
      .array(reviewMeeting)
      .optional()
      .meta({ description: 'Several review cadences: a weekly content check, a quarterly strategy review …' }),
    closed_days: z
      .array(isoDate)
      .optional()
      .meta({ description: "The organisation's own closed days (besides public holidays), when nothing is published" }),
    log: z.array(reviewLogEntry).optional().meta({ description: 'The review log: what each review decided' }),
    participants: textList.optional().meta({ description: 'Who takes part' }),
    first: isoDate.optional().meta({ description: 'Date of the first review session' }),
    weekday: weekday.optional().meta({
      description:
        'The weekday sessions fall on (default: the weekday of first); monthly and longer cadences meet on its nth occurrence in the month, n from the first session (the first Wednesday, the last Friday)',
    }),
    agenda: textList.optional().meta({ description: 'What the review goes through' }),
  })
  .superRefine(
    (r, ctx) => {
      if (isMapping(r) && r.not_applicable === undefined && r.cadence === undefined && !r.meetings?.length)
        ctx.addIssue({
          code: 'invalid_value',
          values: [...CADENCES],
          path: ['cadence'],
          input: undefined,
          message: 'required',
        });
    },
    { when: () => true },
  );

// ---------------------------------------------------------------- tools (POST: T)

export const tool = z.strictObject({
  name: shortText.meta({ description: 'The tool' }),
  purpose: z
    .enum(['scheduling', 'monitoring', 'analytics', 'crm', 'email', 'design', 'video', 'collaboration', 'ads', 'other'])
    .meta({ description: 'What it is used for' }),
  notes: text.optional().meta({ description: 'A remark' }),
});

// ---------------------------------------------------------------- initiatives, campaigns, partners

export const INITIATIVE_KINDS = ['programme', 'workstream', 'experiment', 'advocacy', 'partnership', 'other'] as const;

const action = z.strictObject({
  action: shortText.meta({ description: 'What is done' }),
  owner: shortText.optional().meta({ description: 'A role id or a person' }),
  due: isoDate.optional().meta({ description: 'By when' }),
  when: shortText.optional().meta({ description: 'When, in words: "2027-Q1", "spring"' }),
});

/** A programme or workstream that sits on no single channel: an advocacy programme, a website experiment. */
export const initiative = z.strictObject({
  id: id.meta({ description: 'A short lower-case id that budget items refer to' }),
  name: shortText.meta({ description: "The initiative's name" }),
  kind: z
    .enum(INITIATIVE_KINDS)
    .optional()
    .meta({ description: 'programme, workstream, experiment, advocacy, partnership or other' }),
  description: text.optional().meta({ description: 'What it is and why' }),
  goals: z.array(id).optional().meta({ description: 'ids of the goals it serves' }),
  objectives: z.array(id).optional().meta({ description: 'ids of the objectives it serves' }),
  channels: z.array(channelId).optional().meta({ description: 'ids of the channels it uses' }),
  owner: shortText.optional().meta({ description: 'A role id or a person' }),
  when: shortText.optional().meta({ description: 'When, in words as written: "2027-Q1", "from spring"' }),
  start: isoDate.optional().meta({ description: 'When it starts' }),
  end: isoDate.optional().meta({ description: 'When it ends' }),
  actions: z.array(action).optional().meta({ description: 'The actions, each with an owner and a due date' }),
  measures: textList.optional().meta({ description: 'How we will know it works' }),
});

export const CAMPAIGN_KINDS = ['campaign', 'event', 'fair', 'meetup', 'launch', 'other'] as const;

/** A recurring or undated campaign or event: a heritage month every year, an annual fair, a weekly meetup. */
export const campaign = z.strictObject({
  id: id.meta({ description: 'A short lower-case id that partners and budget items refer to' }),
  name: shortText.meta({ description: "The campaign's name" }),
  kind: z.enum(CAMPAIGN_KINDS).optional().meta({ description: 'campaign, event, fair, meetup, launch or other' }),
  description: text.optional().meta({ description: 'What it is' }),
  recurs: z.enum(RECURRENCES).optional().meta({ description: 'weekly, monthly or yearly, when it comes back' }),
  month: z.number().int().min(1).max(12).optional().meta({ description: 'Month of a yearly campaign, 1–12' }),
  date: isoDate.optional().meta({ description: 'When it starts, when a date is known' }),
  end: isoDate.optional().meta({ description: 'When it ends' }),
  when: shortText.optional().meta({ description: 'When, in words: "every September", "after the summer"' }),
  channels: z.array(channelId).optional().meta({ description: 'ids of the channels it runs on' }),
  goals: z.array(id).optional().meta({ description: 'ids of the goals it serves' }),
  objectives: z.array(id).optional().meta({ description: 'ids of the objectives it serves' }),
  partners: z.array(id).optional().meta({ description: 'ids of the partners taking part' }),
  owner: shortText.optional().meta({ description: 'A role id or a person' }),
});

export const PARTNER_KINDS = ['partner', 'influencer', 'ambassador', 'media', 'sponsor', 'other'] as const;

export const partner = z.strictObject({
  id: id.meta({ description: 'A short lower-case id that campaigns refer to' }),
  name: shortText.meta({ description: "The partner's name" }),
  kind: z
    .enum(PARTNER_KINDS)
    .optional()
    .meta({ description: 'partner, influencer, ambassador, media, sponsor or other' }),
  purpose: text.optional().meta({ description: 'What we work with them on' }),
  campaigns: z.array(id).optional().meta({ description: 'ids of the campaigns they take part in' }),
  channels: z.array(channelId).optional().meta({ description: 'ids of the channels concerned' }),
  url: shortText.optional().meta({ description: 'Their address' }),
  paid: z.boolean().optional().meta({ description: 'true: they are paid (the content is advertising)' }),
  disclosure: text.optional().meta({ description: 'How paid content is marked: "#ad", «annonse»' }),
});

// ---------------------------------------------------------------- policies

export const policies = z
  .strictObject({
    not_applicable: notApplicableReason.optional(),
    accessibility: z
      .strictObject({
        alt_text: z.boolean().optional().meta({ description: 'Every image has alternative text' }),
        captions: z.boolean().optional().meta({ description: 'Every video has captions' }),
        wcag: shortText.optional().meta({ description: 'The WCAG level followed, e.g. "2.1 AA"' }),
        notes: text.optional().meta({ description: 'A remark' }),
      })
      .optional()
      .meta({ description: 'Accessibility: alt text, captions, the WCAG level' }),
    language: z
      .strictObject({
        languages: textList.optional().meta({ description: 'The languages we publish in, e.g. [nb, nn, se]' }),
        shares: z
          .record(z.string().max(20), fraction)
          .optional()
          .meta({ description: 'A share of posts per language, e.g. { nn: 0.25 }' }),
        plain_language: z.boolean().optional().meta({ description: 'We write in plain language' }),
        notes: text.optional().meta({ description: 'A remark' }),
      })
      .optional()
      .meta({ description: 'Language: which languages, their shares, plain language' }),
    privacy: text.optional().meta({ description: 'Privacy: personal data, pictures of people, consent' }),
    licensing: text.optional().meta({ description: 'Licensing of what we publish and what we reuse' }),
    ai: text.optional().meta({ description: 'Use and disclosure of AI-generated content' }),
    moderation: text.optional().meta({ description: 'What we remove or hide, and how we answer' }),
    conduct: text.optional().meta({ description: 'Conduct: what staff may say, as staff and in private' }),
  })
  .meta({ description: 'Policies: accessibility, language, privacy, licensing, AI, moderation and conduct' });

// ---------------------------------------------------------------- the plan

export const planSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Editor hint: the JSON Schema of this file' }),
    smplan: z
      .literal(1, { error: 'this file is not a smplan plan of format version 1: add `smplan: 1` at the top' })
      .meta({ description: 'Format version of this file: 1' }),
    plan: planMeta.meta({
      description: 'The plan itself: title, organization, language, currency, time zone and period',
    }),
    situation: situation.optional().meta({ description: '§1 Situation analysis: where we stand, inside and out' }),
    goals: z
      .array(goal)
      .meta({ description: '§2 Business goals the strategy serves (at most 2 primary, 2 secondary)' }),
    objectives: listOrNotApplicable(objective)
      .optional()
      .meta({ description: '§2 SMART objectives: measurable targets with a deadline, each serving a goal' }),
    audience: audience.optional().meta({ description: '§3 The people: personas, where and when they are online' }),
    competitors: listOrNotApplicable(competitor)
      .optional()
      .meta({ description: '§4 Competitor research: the 3–5 main competitors (or peers) and their engagement' }),
    positioning: positioning
      .optional()
      .meta({ description: '§5 Positioning: how we want to be seen in the conversation' }),
    channels: listOrNotApplicable(channel)
      .optional()
      .meta({ description: '§6 Channels and tactics: the networks and owned channels we keep and what we do there' }),
    initiatives: listOrNotApplicable(initiative)
      .optional()
      .meta({ description: '§6 Initiatives: programmes and workstreams that sit on no single channel' }),
    campaigns: listOrNotApplicable(campaign)
      .optional()
      .meta({ description: '§7 Campaigns and events, recurring or undated' }),
    partners: listOrNotApplicable(partner)
      .optional()
      .meta({ description: '§6 Partners and influencers: who, what for, in which campaigns, how disclosed' }),
    content: content.optional().meta({ description: '§7 Content strategy and publishing plan' }),
    kpis: listOrNotApplicable(kpi)
      .optional()
      .meta({ description: '§8 KPIs: the numbers we follow, how and how often' }),
    budget: budget.optional().meta({ description: '§9 Budget and resources: yearly cost against a cap' }),
    team: team.optional().meta({ description: '§10 People and process: roles, tasks, escalation' }),
    crisis: crisis.optional().meta({ description: '§11 Crisis handbook: triggers, levels, responders, steps' }),
    review: review.optional().meta({ description: '§12 Monthly review: plan versus actual' }),
    tools: listOrNotApplicable(tool)
      .optional()
      .meta({ description: 'The tools used: scheduling, monitoring, analytics …' }),
    policies: policies.optional(),
    governance: governance.optional(),
  })
  .meta({ title: 'smplan plan', description: 'A social media strategy plan, format version 1' });

export type Plan = z.infer<typeof planSchema>;
export type PlanMeta = Plan['plan'];
export type Goal = z.infer<typeof goal>;
export type Objective = z.infer<typeof objective>;
export type Persona = z.infer<typeof persona>;
export type Competitor = z.infer<typeof competitor>;
export type Initiative = z.infer<typeof initiative>;
export type Campaign = z.infer<typeof campaign>;
export type Partner = z.infer<typeof partner>;
export type Policies = z.infer<typeof policies>;
export type Governance = z.infer<typeof governance>;
export type CompetitorChannel = z.infer<typeof competitorChannel>;
export type OwnChannelSample = NonNullable<Channel['current']>;
export type PostSample = z.infer<typeof postSample>;
export type SampleTotals = z.infer<typeof sampleTotals>;
export type Channel = z.infer<typeof channel>;
export type Content = z.infer<typeof content>;
export type Slot = z.infer<typeof slot>;
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
  'plan',
  'situation',
  'audience',
  'goals',
  'objectives',
  'competitors',
  'positioning',
  'channels',
  'initiatives',
  'partners',
  'content',
  'campaigns',
  'policies',
  'kpis',
  'budget',
  'team',
  'crisis',
  'review',
  'tools',
  'governance',
] as const;
export type SectionName = (typeof SECTION_ORDER)[number];

/** Sections a real strategy may add beyond the method's: the full interview leaves them to `--section`. */
export const OPTIONAL_SECTIONS = [
  'governance',
  'initiatives',
  'partners',
  'campaigns',
  'policies',
] as const satisfies readonly SectionName[];

/** The method's sections, in its order: what the full interview asks and what an empty plan lacks. */
export const METHOD_SECTIONS: readonly SectionName[] = SECTION_ORDER.filter(
  (name) => !(OPTIONAL_SECTIONS as readonly string[]).includes(name),
);
