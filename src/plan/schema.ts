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

/** The brand's own spelling of a known network; other ids as written. */
export function channelName(id: string): string {
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

// ---------------------------------------------------------------- plan (meta)

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
  // Branding and status for the cover (issue 27, agreed in the format extension).
  prepared_for: shortText
    .optional()
    .meta({ description: 'Who the strategy is prepared for: the client or department' }),
  status: z
    .enum(['draft', 'proposed', 'adopted', 'retired'])
    .optional()
    .meta({ description: "The strategy's own status: draft, proposed, adopted or retired" }),
  adopted: isoDate
    .optional()
    .meta({ description: 'When the strategy was adopted (the cover shows it, not the render date)' }),
  approved_by: shortText.optional().meta({ description: 'Who adopted or approved the strategy' }),
  confidentiality: shortText.optional().meta({ description: 'A confidentiality line for the cover and page footer' }),
  logo: shortText.optional().meta({
    description:
      "The client's logo: an SVG or PNG file beside the plan (a relative path inside the plan folder, no URL)",
  }),
  accent: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour as #RRGGBB' })
    .optional()
    .meta({ description: "The client's accent colour as #RRGGBB (used where it contrasts enough with white)" }),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 country code such as NO' })
    .optional()
    .meta({
      description:
        'ISO 3166-1 alpha-2 country whose public holidays no review falls on (default from the locale: nb→NO, bg→BG, en-GB→GB)',
    }),
});

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
  priority: z.enum(PRIORITIES).meta({ description: 'primary or secondary (at most 2 of each)' }),
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

export const audience = z.strictObject({
  personas: z.array(persona).meta({ description: 'The personas: the people the strategy speaks to' }),
});

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

export const competitor = z.strictObject({
  name: shortText.meta({ description: "The competitor's name" }),
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

export const positioning = z.strictObject({
  statement: text.meta({ description: 'How we want to be seen in the conversation, in a sentence or two' }),
  brand_position: text.optional().meta({ description: 'The global brand position it must fit' }),
  voice: text.optional().meta({ description: 'How we sound in conversation' }),
  unique: text.optional().meta({ description: 'What makes it unique' }),
  engaging: text.optional().meta({ description: 'Why people will want to engage with it' }),
  realistic: text.optional().meta({ description: 'Why we can live up to it' }),
});

// ---------------------------------------------------------------- channels and tactics (§6)

const tactic = z.strictObject({
  id: id.optional().meta({ description: 'An id, so budget items can name the tactic they fund' }),
  action: shortText.meta({ description: 'What we do' }),
  objectives: z.array(id).optional().meta({ description: 'ids of the objectives this tactic serves' }),
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

export const channel = z.strictObject({
  id: channelId.meta({ description: 'The channel id' }),
  role: z.enum(PRIORITIES).meta({ description: 'primary or secondary network' }),
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
  posts_per_week: z.number().min(0).max(1000).optional().meta({ description: 'How often we post here' }),
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
  share: fraction.meta({ description: 'Share of all posts, 0.3 = 30 %; shares sum to 1' }),
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

const specialDate = z.strictObject({
  date: isoDate.meta({ description: 'The date (YYYY-MM-DD)' }),
  name: shortText.meta({ description: 'What happens' }),
  channels: z.array(channelId).optional().meta({ description: 'Channels concerned (default all)' }),
  kind: z
    .enum(['holiday', 'event', 'campaign', 'launch', 'other'])
    .optional()
    .meta({ description: 'holiday, event, campaign, launch or other' }),
  note: text.optional().meta({ description: 'A remark' }),
});

const reserveItem = z.strictObject({
  title: shortText.meta({ description: 'What the post is' }),
  pillar: id.optional().meta({ description: 'id of its content pillar' }),
  format: shortText.optional().meta({ description: 'Its format' }),
  channel: channelId.optional().meta({ description: 'Where it would go' }),
});

export const content = z.strictObject({
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
  slots: z.array(slot).optional().meta({ description: 'The recurring publishing plan: weekday and local time' }),
  special_dates: z
    .array(specialDate)
    .optional()
    .meta({ description: 'Holidays, events and campaigns in the calendar' }),
  reserve: z.array(reserveItem).optional().meta({ description: 'Content in hand for quiet weeks' }),
  approval: z
    .strictObject({
      steps: z
        .array(
          z.strictObject({
            role: shortText.meta({ description: 'The role that approves' }),
            who: shortText.optional().meta({ description: 'The person in that role' }),
          }),
        )
        .min(1)
        .meta({ description: 'The approval steps, in order' }),
      max_hours: z.number().min(0).max(1000).optional().meta({ description: 'How long approval may take' }),
    })
    .optional()
    .meta({ description: 'Who approves a post before it is published' }),
});

// ---------------------------------------------------------------- KPIs (§8)

export const kpi = z.strictObject({
  id: id.meta({ description: 'A short lower-case id that channels refer to' }),
  name: shortText.meta({ description: 'What is measured' }),
  objective: id.optional().meta({ description: 'id of the objective this KPI measures' }),
  channel: channelId.optional().meta({ description: 'The channel (absent = all)' }),
  frequency: cadence.optional().meta({ description: 'How often it is looked at' }),
  tool: shortText.optional().meta({ description: 'The tool that measures it' }),
  definition: text.optional().meta({ description: 'How it is computed' }),
});

// ---------------------------------------------------------------- budget (§9)

export const budgetItem = z.strictObject({
  name: shortText.meta({ description: 'What is paid for' }),
  category: z.enum(BUDGET_CATEGORIES).meta({ description: 'advertising, tool, service, staff or other' }),
  cost: money.meta({ description: 'The amount per period, in plan.currency' }),
  per: z.enum(BUDGET_PERIODS).meta({ description: 'month, year or once' }),
  roi: z.enum(ROI_TIME_FRAMES).meta({ description: 'Time to return: short, medium, long' }),
  channel: channelId.optional().meta({ description: 'The channel it is for' }),
  objectives: z.array(id).optional().meta({ description: 'ids of the objectives this item funds' }),
  tactics: z
    .array(id)
    .optional()
    .meta({ description: 'ids of the channel tactics this item funds (their objectives count as funded too)' }),
  notes: text.optional().meta({ description: 'A remark' }),
});

export const budget = z.strictObject({
  cap: money.meta({ description: 'For one year, in plan.currency' }),
  items: z.array(budgetItem).meta({ description: 'What the strategy costs, item by item' }),
});

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

export const review = z.strictObject({
  cadence: cadence.meta({ description: 'The method asks for at least a monthly review' }),
  participants: textList.optional().meta({ description: 'Who takes part' }),
  first: isoDate.optional().meta({ description: 'Date of the first review session' }),
  weekday: weekday.optional().meta({
    description:
      'The weekday sessions fall on (default: the weekday of first); monthly and longer cadences meet on its nth occurrence in the month, n from the first session (the first Wednesday, the last Friday)',
  }),
  agenda: textList.optional().meta({ description: 'What the review goes through' }),
  // Closed days and the review log (issue 27, agreed in the format extension).
  closed_days: z
    .array(isoDate)
    .optional()
    .meta({ description: "The plan's own closed days: no review session falls on them (besides public holidays)" }),
  log: z
    .array(
      z.strictObject({
        date: isoDate.meta({ description: 'When the review was held' }),
        decisions: z
          .array(
            z.strictObject({
              decision: shortText.meta({ description: 'What was decided' }),
              owner: shortText.optional().meta({ description: 'Who does it' }),
              due: isoDate.optional().meta({ description: 'By when' }),
              status: z.enum(['open', 'done', 'dropped']).optional().meta({ description: 'open, done or dropped' }),
            }),
          )
          .meta({ description: 'What was decided at this review' }),
      }),
    )
    .optional()
    .meta({ description: 'The review log: what each review decided, shown at the next one as decided last time' }),
});

// ---------------------------------------------------------------- tools (POST: T)

export const tool = z.strictObject({
  name: shortText.meta({ description: 'The tool' }),
  purpose: z
    .enum(['scheduling', 'monitoring', 'analytics', 'crm', 'email', 'design', 'video', 'collaboration', 'ads', 'other'])
    .meta({ description: 'What it is used for' }),
  notes: text.optional().meta({ description: 'A remark' }),
});

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
    objectives: z
      .array(objective)
      .optional()
      .meta({ description: '§2 SMART objectives: measurable targets with a deadline, each serving a goal' }),
    audience: audience.optional().meta({ description: '§3 The people: personas, where and when they are online' }),
    competitors: z
      .array(competitor)
      .optional()
      .meta({ description: '§4 Competitor research: the 3–5 main competitors and their engagement' }),
    positioning: positioning
      .optional()
      .meta({ description: '§5 Positioning: how we want to be seen in the conversation' }),
    channels: z
      .array(channel)
      .optional()
      .meta({ description: '§6 Channels and tactics: primary and secondary networks and what we do there' }),
    content: content.optional().meta({ description: '§7 Content strategy and publishing plan' }),
    kpis: z.array(kpi).optional().meta({ description: '§8 KPIs: the numbers we follow, how and how often' }),
    budget: budget.optional().meta({ description: '§9 Budget and resources: yearly cost against a cap' }),
    team: team.optional().meta({ description: '§10 People and process: roles, tasks, escalation' }),
    crisis: crisis.optional().meta({ description: '§11 Crisis handbook: triggers, levels, responders, steps' }),
    review: review.optional().meta({ description: '§12 Monthly review: plan versus actual' }),
    tools: z.array(tool).optional().meta({ description: 'The tools used: scheduling, monitoring, analytics …' }),
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
  'plan',
  'situation',
  'audience',
  'goals',
  'objectives',
  'competitors',
  'positioning',
  'channels',
  'content',
  'kpis',
  'budget',
  'team',
  'crisis',
  'review',
  'tools',
] as const;
export type SectionName = (typeof SECTION_ORDER)[number];
