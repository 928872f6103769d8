/**
 * The view the chapter templates render: the plan as written plus everything computed
 * from it (milestones, engagement, budget priorities, the publishing calendar, tracking
 * status), which chapters exist, and which sections are still open points. Numbers come
 * from src/compute; nothing here re-derives a contract formula.
 */
import { DateTime } from 'luxon';
import { budgetPlan, type BudgetPlan } from '../compute/budget.js';
import { publishingCalendar, type PublishingCalendar } from '../compute/calendar.js';
import { daysBetween } from '../compute/dates.js';
import { contentMixCheck, type ContentMixCheck } from '../compute/content-mix.js';
import {
  type ChannelEngagement,
  competitorBenchmark,
  MAX_SAMPLE,
  MIN_SAMPLE,
  type CompetitorBenchmark,
} from '../compute/engagement.js';
import { kpiTargets, type ObjectiveTargets } from '../compute/kpi.js';
import { reviewSessions } from '../compute/review.js';
import type { SpendLine, TrackedObjective, TrackingResult } from '../compute/track.js';
import type { LoadedPlan } from '../plan/load.js';
import { CHAPTER_SLUGS as SECTION_CHAPTERS, hasSwot, missingParts, type OpenPoint } from '../plan/open-points.js';
import type { Channel, Competitor, Plan } from '../plan/schema.js';
import type { Formatter } from './format.js';
import { executiveSummary, type ExecutiveSummary, type ObjectiveStanding } from './summary.js';
import { listOf } from '../plan/decisions.js';

export type { OpenPoint } from '../plan/open-points.js';

/**
 * The document's chapters: one per section of the plan, in the method's order, then the appendix.
 * Two come only with the sections a real strategy adds: initiatives (with campaigns, partners and
 * staff advocacy) after content, governance (with policies) after review.
 */
const [BEFORE_INITIATIVES, AFTER_INITIATIVES] = [SECTION_CHAPTERS.slice(0, 7), SECTION_CHAPTERS.slice(7)] as const;
export const CHAPTER_SLUGS = [
  ...BEFORE_INITIATIVES,
  'initiatives',
  ...AFTER_INITIATIVES,
  'governance',
  'appendix',
] as const;
export type ChapterSlug = (typeof CHAPTER_SLUGS)[number];

export interface ChapterRef {
  slug: ChapterSlug;
  number: number;
  file: string;
  title: string;
}

export interface ChartRef {
  file: string;
  title: string;
}

export interface TrackingRow extends TrackedObjective {
  objective: ObjectiveTargets;
  /** Percentage points between expected and actual progress (positive = behind). */
  gap_points?: number;
  /** The actual before the latest one, and the change since it. */
  previous?: { date: string; value: number; change: number };
  /** The change since the last review session before the measurement date (the actual on or before it). */
  since_review?: { date: string; change: number };
  /** The actuals' note on the latest figure: why it moved (untrusted text, escaped where shown). */
  note?: string;
}

/** A budget item's spend to date against the plan, with the difference's sign for the table. */
export interface SpendRowView extends SpendLine {
  /** '+' over the plan, '−' under it, '' level. */
  sign: string;
  /** The difference without its sign. */
  magnitude: number;
}

export interface TrackingView {
  asOf?: string;
  rows: TrackingRow[];
  behind: TrackingRow[];
  /** Next review session after the tracking date, when the plan schedules them. */
  next_session?: string;
  /** The last review session on or before the tracking date. */
  last_session?: string;
  /** The review log's latest entry on or before the tracking date: decided last time. */
  decided?: NonNullable<NonNullable<Plan['review']>['log']>[number];
  /** Some row with a previous figure has a note: the changes table has a "why" column. */
  has_notes: boolean;
  /** Spend against budget, when the actuals give spend. */
  spend?: { asOf: string; items: SpendRowView[]; total: SpendRowView };
}

export interface SampleRow {
  name: string;
  own: boolean;
  figures: ChannelEngagement;
  /** Counted or read off roughly, and when (the plan's `source` and `as_of`). */
  source?: 'measured' | 'estimated';
  as_of?: string;
}

export interface QuarterProgress {
  date: string;
  /** The smallest and largest share of the way to target among the objectives still running. */
  low: number;
  high: number;
  /** True when low and high round to the same whole per cent. */
  even: boolean;
}

export type ExecutiveObjective = ObjectiveStanding & { objective: ObjectiveTargets; tracked?: TrackingRow };

export interface RenderContext {
  /** The plan as read (schema/plan.schema.json). */
  plan: Plan;
  /** The chapters of this document, in order (optional ones only when the plan has their parts). */
  chapters: ChapterRef[];
  /** Every open point; `open[key]` is true for each, for the templates' conditions. */
  openPoints: (OpenPoint & { chapterRef: ChapterRef })[];
  /** Open point key -> true, for `{{#if open.budget}}`. */
  open: Record<string, boolean>;
  /**
   * The parts the plan answers with a decision instead (`open[key]` is true for them too, so the
   * chapter prints the decision where it would print "not decided yet"): key -> the reason, and
   * whether the part is stated not to apply or an open point silenced with a reason.
   */
  decisions: Record<string, { reason: string; kind: 'not_applicable' | 'silenced' }>;
  /** Each objective with its baseline, target, milestones (computed curve) and KPI chart. */
  objectives: (ObjectiveTargets & { statement?: string; why?: string; tool?: string; chart: ChartRef })[];
  /**
   * Each special date's kind as the document names it (special_kind.*): a holiday is a public
   * holiday (helligdag) or one that is only observed (merkedag: Mother's Day, Lucia).
   */
  specialDateKinds: (string | undefined)[];
  /** The milestone curve most objectives follow, said once above the list, and the objectives that follow the other. */
  objectiveCurves: { main: ObjectiveTargets['curve']; other?: ObjectiveTargets['curve']; others: string[] };
  /** Engagement rate per post of the competitors and our own channels, from their samples. */
  engagement?: CompetitorBenchmark;
  /** `left` and `used_share` only when the plan sets a cap. */
  budget?: BudgetPlan & { left?: number; used_share?: number };
  /** The publishing calendar: each slot's posts in a window of weeks, with the special dates and activations in it. */
  calendar?: PublishingCalendar;
  /** The calendar's first two weeks: the weekly plan made concrete without repeating it for months. */
  calendarPreview: PublishingCalendar['events'];
  /** The sum of the pillar shares, when any pillar has one. */
  pillarShareSum?: number;
  /** True when the pillar shares do not add up to 100 %. */
  pillarShareOff: boolean;
  /** The pillars' mix against the rule the plan names. */
  mix?: ContentMixCheck;
  /** id -> name, so tables show a pillar's or persona's name rather than its id. */
  pillarNames: Record<string, string>;
  /** id -> name, for personas, goals, objectives, KPIs, roles, partners and campaigns alike. */
  personaNames: Record<string, string>;
  /** A persona as a table row names it, where its card already gave the full title: "Dave" for "Dave, owner of …". */
  personaShortNames: Record<string, string>;
  goalNames: Record<string, string>;
  objectiveNames: Record<string, string>;
  kpiNames: Record<string, string>;
  roleNames: Record<string, string>;
  partnerNames: Record<string, string>;
  /** Channels that are not social networks, or give an address, recipients or a frequency in words. */
  ownedChannels: Channel[];
  /** Every account the plan keeps on a network, with its channel. */
  channelAccounts: (NonNullable<Channel['accounts']>[number] & { channel: string })[];
  campaignNames: Record<string, string>;
  /** Per goal, in plan order, how many weekly slots serve it (goals no slot names are left out). */
  slotGoals: { id: string; statement: string; slots: number }[];
  /** Which optional columns of the publishing plan hold anything (empty ones are left out). */
  slotColumns: { pillar: boolean; format: boolean; persona: boolean; paid: boolean; note: boolean };
  /** The goals table's optional columns, shown when any goal fills them. */
  goalColumns: { departments: boolean; ties_to: boolean };
  /** Each channel's activations, dated ones in date order, then undated ones as written. */
  activationsByChannel: Record<string, NonNullable<Channel['activations']>>;
  /** Some audited profile records who holds its login. */
  auditAccess: boolean;
  /** Competitors with notes beyond their figures, for the profiles section. */
  competitorProfiles: Competitor[];
  /** The dates of the review meetings in the plan period (holidays and closed days skipped). */
  reviewSessions: string[];
  /** Plan versus actual, when rendered with --actuals: the review chapter's rows. */
  tracking?: TrackingView;
  /** The charts by name (swot, engagement, pillars, budget), for `{{chart charts.budget}}`. */
  charts: Record<string, ChartRef | undefined>;
  /** The appendix's sample table: every measured channel, competitors then us, with where the figure came from. */
  samples: SampleRow[];
  /** When the samples were taken (earliest and latest as_of), which were estimated, whether any says measured. */
  sampleDates: { first?: string; last?: string; estimated: { name: string; channel: string }[]; measured: boolean };
  /** Some engagement sample has fewer than 20 or more than 30 posts (marked as indicative). */
  indicativeSamples: boolean;
  /** The appendix chapter, when there is one (milestone tables and samples are printed there). */
  appendix?: ChapterRef;
  /** The KPI chapter's table: each objective's milestone at the plan's quarter ends. */
  glance: {
    quarters: string[];
    rows: { objective: RenderContext['objectives'][number]; values: (number | undefined)[] }[];
    /** Per quarter end with objectives still running: how far they should be (share of baseline → target). */
    progress: QuarterProgress[];
  };
  /** The executive summary: every objective with its standing, the competition per channel, the budget's cost. */
  executive: Omit<ExecutiveSummary, 'objectives' | 'lagging' | 'trendShort'> & {
    objectives: ExecutiveObjective[];
    lagging: ExecutiveObjective[];
    trendShort: ExecutiveObjective[];
  };
  /** The README's facts: goals and channels by priority, the first deadline. */
  summary: {
    primaryGoals: string[];
    secondaryGoals: string[];
    firstDeadline?: string;
    primaryChannels: string[];
    secondaryChannels: string[];
    objectiveChannels: string[];
  };
}

/** How much of the publishing calendar the content chapter lists. */
const PREVIEW_DAYS = 14;

export function buildContext(
  loaded: LoadedPlan,
  titles: Record<ChapterSlug, string>,
  fmt: Formatter,
  chartTitle: (key: string, params?: Record<string, string | number>) => string,
  tracking?: TrackingResult,
  closed?: ReadonlySet<string>,
  /** Open points silenced by an inline disable with a reason (key -> reason). */
  silenced: Record<string, string> = {},
  /** The public holidays of the plan's country (compute/holidays.ts), for the special dates' kinds. */
  publicHolidays?: ReadonlySet<string>,
): RenderContext {
  const plan = loaded.plan;
  // The appendix holds the monthly milestones and the competitors' samples: without either it is left out.
  const hasAppendix =
    !!listOf(plan.objectives).length ||
    !!listOf(plan.competitors).length ||
    !!listOf(plan.channels).some((c) => c.current);
  const hasInitiatives = [plan.initiatives, plan.campaigns, plan.partners, plan.team?.advocacy].some(
    (s) => s !== undefined,
  );
  const hasGovernance = plan.governance !== undefined || plan.policies !== undefined;
  const slugs = CHAPTER_SLUGS.filter(
    (slug) =>
      (slug !== 'appendix' || hasAppendix) &&
      (slug !== 'initiatives' || hasInitiatives) &&
      (slug !== 'governance' || hasGovernance),
  );
  const chapters: ChapterRef[] = slugs.map((slug, i) => {
    const number = i + 1;
    return { slug, number, file: `${String(number).padStart(2, '0')}-${slug}.md`, title: titles[slug] };
  });
  const bySlug = new Map(chapters.map((c) => [c.slug, c]));
  const appendix = bySlug.get('appendix');

  const missing = missingParts(plan);
  const decisions = Object.create(null) as RenderContext['decisions'];
  for (const p of missing) {
    if (p.decision !== undefined) decisions[p.key] = { reason: p.decision, kind: 'not_applicable' };
    else if (Object.hasOwn(silenced, p.key)) decisions[p.key] = { reason: silenced[p.key]!, kind: 'silenced' };
  }
  const openPoints = missing
    .filter((p) => !Object.hasOwn(decisions, p.key))
    .map(({ decision: _, ...p }) => ({ ...p, chapterRef: bySlug.get(p.chapter)! }));
  const open: Record<string, boolean> = Object.create(null) as Record<string, boolean>;
  for (const p of missing) open[p.key] = true;

  const goalsById = new Map(plan.goals.map((g) => [g.id, g]));
  const written = new Map(listOf(plan.objectives).map((o) => [o.id, o]));
  const objectives = kpiTargets(plan).map((t) => {
    const o = written.get(t.id);
    return {
      ...t,
      statement: goalsById.get(t.goal)?.statement,
      why: o?.why,
      tool: o?.tool,
      chart: {
        file: `charts/kpi-${t.id}.svg`,
        title: chartTitle('chart.kpi.title', {
          metric: fmt.capitalise(t.metric),
          target: fmt.measure(t.target, t.unit),
        }),
      },
    };
  });

  const engagement =
    listOf(plan.competitors).length || listOf(plan.channels).some((c) => c.current)
      ? competitorBenchmark(plan, loaded.postsCsv)
      : undefined;

  let budget: RenderContext['budget'];
  if (plan.budget && plan.budget.not_applicable === undefined) {
    const computed = budgetPlan(plan.budget, plan);
    const cap = computed.cap;
    budget = {
      ...computed,
      ...(cap === undefined
        ? {}
        : { left: Math.max(0, cap - computed.total), used_share: cap > 0 ? computed.total / cap : 0 }),
    };
  }

  const calendar = listOf(plan.content?.slots).length ? publishingCalendar(plan) : undefined;
  const pillars = plan.content?.pillars;
  // Pillars without shares (a real strategy may name its themes only) have no sum to check.
  const pillarShareSum =
    pillars?.length && pillars.every((p) => p.share !== undefined)
      ? pillars.reduce((s, p) => s + (p.share ?? 0), 0)
      : undefined;

  const sessions = reviewSessions(plan, closed);

  const charts: Record<string, ChartRef | undefined> = {
    swot: hasSwot(plan) ? { file: 'charts/swot.svg', title: chartTitle('chart.swot.title') } : undefined,
    engagement:
      engagement && (engagement.competitors.length || engagement.own.length)
        ? { file: 'charts/competitor-engagement.svg', title: chartTitle('chart.engagement.title') }
        : undefined,
    pillars:
      pillarShareSum !== undefined
        ? { file: 'charts/content-mix.svg', title: chartTitle('chart.pillars.title') }
        : undefined,
    budget:
      budget?.by_category.length && budget.cap !== undefined
        ? { file: 'charts/budget-by-category.svg', title: chartTitle('chart.budget.title') }
        : undefined,
  };
  for (const o of objectives) charts[`kpi-${o.id}`] = o.chart;

  const channels = listOf(plan.channels);
  const summary = {
    primaryGoals: plan.goals.filter((g) => g.priority === 'primary').map((g) => g.statement),
    secondaryGoals: plan.goals.filter((g) => g.priority === 'secondary').map((g) => g.statement),
    firstDeadline: objectives.map((o) => o.deadline).sort()[0],
    primaryChannels: channels.filter((c) => c.role === 'primary').map((c) => c.id),
    secondaryChannels: channels.filter((c) => c.role === 'secondary').map((c) => c.id),
    objectiveChannels: [...new Set(objectives.flatMap((o) => (o.channel ? [o.channel] : [])))],
  };

  const samples = sampleRows(plan, engagement);
  const trackingRows = tracking ? trackingView(tracking, objectives, sessions, plan.review?.log) : undefined;
  const executive = executiveSummary(
    plan,
    objectives,
    engagement,
    budget,
    trackingRows?.rows,
    trackingRows?.next_session ?? sessions[0],
    trackingRows?.asOf,
  );
  const objectiveById = new Map(objectives.map((o) => [o.id, o]));
  const trackedById = new Map((trackingRows?.rows ?? []).map((r) => [r.id, r]));
  const withObjective = (s: ObjectiveStanding): ExecutiveObjective => {
    const tracked = trackedById.get(s.id);
    return { ...s, objective: objectiveById.get(s.id)!, ...(tracked ? { tracked } : {}) };
  };

  return {
    plan: listedPlan(plan),
    chapters,
    openPoints,
    open,
    decisions,
    objectives,
    objectiveCurves: objectiveCurves(objectives),
    specialDateKinds: listOf(plan.content?.special_dates).map((d) =>
      d.kind !== 'holiday' || !publicHolidays
        ? d.kind
        : d.date && publicHolidays.has(d.date)
          ? 'holiday_public'
          : 'holiday_observance',
    ),
    engagement,
    budget,
    calendar,
    pillarShareSum,
    pillarShareOff: pillarShareSum !== undefined && Math.abs(pillarShareSum - 1) > 0.005,
    mix: contentMixCheck(plan.content),
    slotGoals: plan.goals.flatMap((g) => {
      const slots = listOf(plan.content?.slots).filter((x) => x.goal === g.id).length;
      return slots ? [{ id: g.id, statement: g.statement, slots }] : [];
    }),
    goalColumns: {
      departments: plan.goals.some((g) => (g.departments?.length ?? 0) > 0),
      ties_to: plan.goals.some((g) => !!g.ties_to),
    },
    slotColumns: {
      pillar: !!listOf(plan.content?.slots).some((x) => x.pillar),
      format: !!listOf(plan.content?.slots).some((x) => x.format),
      persona: !!listOf(plan.content?.slots).some((x) => x.persona),
      paid: !!listOf(plan.content?.slots).some((x) => x.paid !== undefined),
      note: !!listOf(plan.content?.slots).some((x) => x.note),
    },
    activationsByChannel: Object.assign(
      Object.create(null) as RenderContext['activationsByChannel'],
      Object.fromEntries(
        channels.map((c) => [
          c.id,
          [...(c.activations ?? [])].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999')),
        ]),
      ),
    ),
    auditAccess: !!plan.situation?.channel_audit?.some((a) => a.login_holder || a.login_email),
    competitorProfiles: listOf(plan.competitors).filter(
      (c) =>
        c.url ||
        c.notes ||
        c.better_at?.length ||
        c.we_do_better?.length ||
        c.channels.some(
          (ch) => ch.posting_times?.length || ch.content_types?.length || ch.tone || ch.responses || ch.notes,
        ),
    ),
    pillarNames: names((pillars ?? []).map((p) => [p.id, p.name])),
    goalNames: names(plan.goals.map((g) => [g.id, g.statement])),
    objectiveNames: names(listOf(plan.objectives).map((o) => [o.id, o.metric])),
    roleNames: names((plan.team?.roles ?? []).map((r) => [r.id, r.person ? `${r.title} (${r.person})` : r.title])),
    kpiNames: names(listOf(plan.kpis).map((k) => [k.id, k.name])),
    partnerNames: names(listOf(plan.partners).map((p) => [p.id, p.name])),
    ownedChannels: channels.filter(
      (c) => (c.kind !== undefined && c.kind !== 'network') || c.url || c.recipients !== undefined || c.frequency,
    ),
    channelAccounts: channels.flatMap((c) => (c.accounts ?? []).map((a) => ({ ...a, channel: c.id }))),
    campaignNames: names(listOf(plan.campaigns).map((c) => [c.id, c.name])),
    calendarPreview: calendar ? calendar.events.filter((e) => daysBetween(calendar.from, e.date) < PREVIEW_DAYS) : [],
    personaNames: names((plan.audience?.personas ?? []).map((p) => [p.id, p.name])),
    personaShortNames: names((plan.audience?.personas ?? []).map((p) => [p.id, shortPersonaName(p.name)])),
    reviewSessions: sessions,
    tracking: trackingRows,
    appendix,
    samples,
    sampleDates: sampleDates(samples),
    indicativeSamples: [...(engagement?.competitors.flatMap((c) => c.channels) ?? []), ...(engagement?.own ?? [])].some(
      (c) => c.posts < MIN_SAMPLE || c.posts > MAX_SAMPLE,
    ),
    glance: glance(plan, objectives),
    charts,
    executive: {
      ...executive,
      objectives: executive.objectives.map(withObjective),
      lagging: executive.lagging.map(withObjective),
      trendShort: executive.trendShort.map(withObjective),
    },
    summary,
  };
}

/** Quarter ends inside the plan's period (four at most, evenly spread), and each objective's milestone there. */
function objectiveCurves(objectives: RenderContext['objectives']): RenderContext['objectiveCurves'] {
  const compound = objectives.filter((o) => o.curve === 'compound').map((o) => o.id);
  const linear = objectives.filter((o) => o.curve !== 'compound').map((o) => o.id);
  if (!compound.length) return { main: 'linear', others: [] };
  if (!linear.length) return { main: 'compound', others: [] };
  return compound.length > linear.length
    ? { main: 'compound', other: 'linear', others: linear }
    : { main: 'linear', other: 'compound', others: compound };
}

function glance(plan: Plan, objectives: RenderContext['objectives']): RenderContext['glance'] {
  const ends: string[] = [];
  let at = DateTime.fromISO(plan.plan.start, { zone: 'utc' }).startOf('quarter').endOf('quarter');
  while (at.toISODate()! <= plan.plan.end && ends.length < 40) {
    ends.push(at.toISODate()!);
    at = at.plus({ days: 1 }).endOf('quarter');
  }
  const step = Math.max(1, Math.ceil(ends.length / 4));
  const quarters = ends.filter((_, i) => (ends.length - 1 - i) % step === 0).slice(-4);
  const rows = objectives.map((objective) => ({
    objective,
    values: quarters.map((q) => objective.milestones.find((m) => m.date === q)?.value),
  }));
  const progress = quarters.flatMap((date, i): QuarterProgress[] => {
    const shares = rows.flatMap(({ objective: o, values }) => {
      const v = values[i];
      const span = o.target - o.baseline;
      return v === undefined || span === 0 || o.deadline <= date ? [] : [(v - o.baseline) / span];
    });
    if (!shares.length) return [];
    const low = Math.min(...shares);
    const high = Math.max(...shares);
    return [{ date, low, high, even: Math.round(low * 100) === Math.round(high * 100) }];
  });
  return { quarters, rows, progress };
}

function trackingView(
  tracking: TrackingResult,
  objectives: ObjectiveTargets[],
  sessions: string[],
  log: NonNullable<Plan['review']>['log'],
): TrackingView {
  const byId = new Map(objectives.map((o) => [o.id, o]));
  const asOf = tracking.asOf;
  const lastSession = asOf === undefined ? undefined : sessions.filter((s) => daysBetween(s, asOf) >= 0).at(-1);
  const rows: TrackingRow[] = [];
  for (const t of tracking.objectives) {
    const objective = byId.get(t.id);
    if (!objective) continue;
    const row: TrackingRow = { ...t, objective };
    if (t.progress !== null && t.expected_progress !== null) {
      row.gap_points = (t.expected_progress - t.progress) * 100;
    }
    // What changed: against the figure before, and against the figure the last review saw.
    const series = (Object.hasOwn(tracking.actuals, t.id) ? tracking.actuals[t.id]! : []).filter(
      (v) => t.date !== null && v.date <= t.date,
    );
    const latest = series.at(-1);
    const before = series.at(-2);
    if (latest && before)
      row.previous = { date: before.date, value: before.value, change: latest.value - before.value };
    const seen = lastSession === undefined ? undefined : series.filter((v) => v.date <= lastSession).at(-1);
    if (latest && seen && seen !== latest) row.since_review = { date: lastSession!, change: latest.value - seen.value };
    if (latest?.note !== undefined) row.note = latest.note;
    rows.push(row);
  }
  const view: TrackingView = {
    rows,
    behind: rows.filter((r) => r.status === 'behind'),
    has_notes: rows.some((r) => r.previous && r.note !== undefined),
  };
  if (tracking.spend) {
    const signed = <T extends { difference: number }>(line: T) => ({
      ...line,
      sign: line.difference > 0 ? '+' : line.difference < 0 ? '\u2212' : '',
      magnitude: Math.abs(line.difference),
    });
    view.spend = {
      asOf: tracking.spend.asOf,
      items: tracking.spend.items.map(signed),
      total: signed({ id: '', name: '', latest: tracking.spend.asOf, ...tracking.spend.total }),
    };
  }
  if (asOf !== undefined) {
    view.asOf = asOf;
    const next = sessions.find((s) => daysBetween(asOf, s) > 0);
    if (next !== undefined) view.next_session = next;
    if (lastSession !== undefined) view.last_session = lastSession;
  }
  const decided = [...(log ?? [])]
    .filter((entry) => asOf === undefined || entry.date <= asOf)
    .sort((a, b) => a.date.localeCompare(b.date))
    .at(-1);
  if (decided) view.decided = decided;
  return view;
}

function sampleRows(plan: Plan, engagement: CompetitorBenchmark | undefined): SampleRow[] {
  if (!engagement) return [];
  const row = (
    name: string,
    own: boolean,
    figures: ChannelEngagement,
    from: { source?: 'measured' | 'estimated'; as_of?: string } | undefined,
  ): SampleRow => ({
    name,
    own,
    figures,
    ...(from?.source ? { source: from.source } : {}),
    ...(from?.as_of ? { as_of: from.as_of } : {}),
  });
  const current = listOf(plan.channels).flatMap((c) => (c.current ? [c.current] : []));
  return [
    ...engagement.competitors.flatMap((c, ci) =>
      c.channels.map((figures, chi) => row(c.name, false, figures, listOf(plan.competitors)[ci]?.channels[chi])),
    ),
    ...engagement.own.map((figures, i) => row(plan.plan.organization, true, figures, current[i])),
  ];
}

function sampleDates(samples: SampleRow[]): RenderContext['sampleDates'] {
  const dates = samples.flatMap((s) => (s.as_of ? [s.as_of] : [])).sort();
  const out: RenderContext['sampleDates'] = {
    estimated: samples
      .filter((s) => s.source === 'estimated')
      .map((s) => ({ name: s.name, channel: s.figures.channel })),
    measured: samples.some((s) => s.source === 'measured'),
  };
  if (dates.length) {
    out.first = dates[0]!;
    out.last = dates[dates.length - 1]!;
  }
  return out;
}

/**
 * The plan as the templates read it: a list stated not to apply is an empty list there (its
 * reason is in `decisions`), so no template walks the keys of `{ not_applicable }`.
 */
function listedPlan(plan: Plan): Plan {
  const out: Plan = { ...plan };
  for (const key of [
    'objectives',
    'competitors',
    'channels',
    'kpis',
    'tools',
    'initiatives',
    'campaigns',
    'partners',
  ] as const) {
    if (out[key] !== undefined && !Array.isArray(out[key])) (out as Record<string, unknown>)[key] = [];
  }
  if (out.content?.slots !== undefined && !Array.isArray(out.content.slots))
    out.content = { ...out.content, slots: [] };
  return out;
}

/** A persona's name before its apposition ("Dave, owner of a firm" -> "Dave"), or the whole name. */
function shortPersonaName(name: string): string {
  const head = name.split(',')[0]!.trim();
  return head || name;
}

/** An id -> name table whose unknown ids fall back to the id itself (no prototype keys). */
function names(pairs: [string, string][]): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  for (const [id, name] of pairs) out[id] = name;
  return out;
}
