/**
 * The executive summary's figures: the plan's computations read for a decision maker. Where we
 * stand per channel, what the budget keeps and what its cut costs the plan, each objective's
 * red/amber/green standing with the actuals, the tactics behind a lagging objective and the
 * next review. Pure: the sentences come from the templates and the locale catalogues.
 */
import type { BudgetPlan } from '../compute/budget.js';
import { type CompetitorBenchmark, isLevel, type RankedEntry } from '../compute/engagement.js';
import type { ObjectiveTargets } from '../compute/kpi.js';
import { ON_TRACK_TOLERANCE, type TrackStatus } from '../compute/track.js';
import type { Plan } from '../plan/schema.js';
import { listOf } from '../plan/decisions.js';

/**
 * The contract's status in colour. Red: behind the curve. Amber: on track or ahead so far (the
 * status says so), but the actuals' trend ends short of the target (track's trend_short_of_target).
 * Green: on track or ahead, and so is the trend.
 */
export type Rag = 'red' | 'amber' | 'green' | 'none';

/** Where we stand on a channel, judged within the noise of the samples (compute/engagement's isLevel). */
export type ChannelPosition = 'lead' | 'level' | 'behind' | 'alone' | 'unmeasured';

export interface ChannelStanding {
  channel: string;
  /** Our rank by engagement per post, when we have figures on this channel. */
  rank?: number;
  /** Everyone ranked here, us included. */
  count: number;
  ownRate?: number;
  leader: { name: string; rate: number; estimated: boolean };
  /** When we lead: the one closest behind us. */
  runnerUp?: { name: string; rate: number; estimated: boolean };
  /**
   * Our rate minus the best other's (the leader's, or the runner-up's when we are first), in
   * percentage points as the document shows them (each rate rounded to two decimals first).
   */
  gap_points?: number;
  position: ChannelPosition;
  /** Competitors within the noise of our figure, best first. */
  levelWith: string[];
  /** Competitors measured here, and how many of them we beat beyond the noise. */
  rivals: number;
  beaten: number;
  /** The competitors we beat beyond the noise, best first. */
  aheadOf: string[];
  /** Our rate against the first comparable industry benchmark here (2 = twice it). */
  benchmarkRatio?: number;
  /** The plan closes this channel (channel audit decision close, and no channel of that name). */
  closed: boolean;
  /** The plan's response here: its tactics on the channel, by their action. */
  tactics: string[];
  /** For a closed channel, the audit's reason. */
  closedWhy?: string;
}

/** A cut budget line and what it funded. */
export interface ObjectiveCut {
  id: string;
  /** The cut items that funded it, in priority order, and their yearly sum. */
  items: string[];
  yearly: number;
  /** The kept items that still fund it. */
  kept: string[];
}

/** What the kept budget spends on an objective: the kept items that fund it and their yearly sum. */
export interface ObjectiveFunding {
  id: string;
  /** In priority order; empty when no kept item funds the objective. */
  items: string[];
  yearly: number;
  /** Cut items that named it (over the cap). */
  cut: string[];
}

/** A cut budget item and, as the plan links it, the objectives and tactics that lose it. */
export interface CutItem {
  name: string;
  yearly: number;
  /** Objective ids, in plan order. */
  objectives: string[];
  /** The tactics it names, by their action. */
  tactics: string[];
}

export interface ObjectiveStanding {
  id: string;
  status?: TrackStatus;
  rag: Rag;
  /** Names of the tactics that serve this objective (`tactics[].objectives`). */
  tactics: string[];
}

export interface ExecutiveSummary {
  /** The problem's first sentence. */
  problem?: string;
  standings: ChannelStanding[];
  /** The objectives the cut budget lines fund (compute/budget's objectives_losing_funding). */
  cutObjectives: string[];
  /** Per objective losing funding: which cut items funded it. */
  cuts: ObjectiveCut[];
  /** Per objective, in plan order: which kept items fund it (none without a budget). */
  funding: ObjectiveFunding[];
  /** Over the cap: each cut item with what loses it, in priority order. */
  cutItems: CutItem[];
  /** Objectives that a cut leaves with no kept item at all, in plan order. */
  unfundedByCut: string[];
  /** Items with a cost that name no objective or tactic (the plan has not linked them yet). */
  unlinked: { name: string; yearly: number }[];
  /** Some item names an objective or a tactic. */
  anyLinked: boolean;
  /** Where we stand strongest against the field (strongestChannel's rule). */
  bestChannel?: ChannelStanding;
  objectives: ObjectiveStanding[];
  /** Objectives behind the curve, with their tactics, in plan order. */
  lagging: ObjectiveStanding[];
  /** Objectives on track so far whose trend ends short of the target (amber), in plan order. */
  trendShort: ObjectiveStanding[];
  counts: Record<Rag, number>;
  /** On track or ahead today, whatever the trend (green and amber): the contract's status. */
  onTrack: number;
  nextReview?: string;
  /** Objectives whose actuals' trend ends short of the target at the deadline (red or amber), in plan order. */
  forecastShort: string[];
  /** The plan's first 90 days: dated activations and special dates, in date order. */
  firstDays: FirstStep[];
  /** The largest kept budget item, with its share of the kept total and the objectives it names. */
  largestItem?: { name: string; yearly: number; share: number; objectives: string[] };
  /** Channels (other than the strongest) where we are level with the best competitor, and where we trail beyond the noise. */
  levelChannels: string[];
  behindChannels: string[];
  /** Sections the plan marks as deliberately not applicable, with the reason (to confirm with the client). */
  notApplicable: { section: string; reason: string }[];
}

/** One dated step of the first 90 days, with who carries it where the plan says. */
export interface FirstStep {
  date: string;
  name: string;
  kind: 'activation' | 'special';
  /** The channel(s) it runs on. */
  channels: string[];
  /** The channel owners (an activation's channel, a special date's channels). */
  owners: string[];
}

/** How far ahead the summary's first steps reach from the start of the plan. */
export const FIRST_DAYS = 90;
const MAX_STEPS = 5;

interface TrackedFigures {
  id: string;
  status: TrackStatus;
  trend_short_of_target?: boolean;
  /** Where the actuals' trend lands at the deadline, as a share of the way to target. */
  forecast_progress?: number | null;
}

/**
 * The plan's dated activations, campaigns and special dates within FIRST_DAYS of its start (with
 * actuals, the FIRST_DAYS after the measurement date: the next steps), in date order, at most `max`
 * (the page holds no more). A public holiday counts when the plan acts on it (a note or channels);
 * a special date that is an activation's own event on the same day is shown once, as the activation.
 */
export function firstSteps(plan: Plan, from: string = plan.plan.start, max = MAX_STEPS): FirstStep[] {
  const start = Date.parse(from);
  // From the start the start day is the first step; from a measurement date the steps come after it.
  const after = from !== plan.plan.start;
  const within = (date: string | undefined): date is string => {
    if (!date) return false;
    const days = (Date.parse(date) - start) / 86_400_000;
    return (after ? days > 0 : days >= 0) && days < FIRST_DAYS;
  };
  const channels = listOf(plan.channels);
  const ownerOf = (id: string) => channels.find((c) => c.id === id)?.owner;
  const ownersOf = (on: string[]) => [...new Set(on.flatMap((id) => ownerOf(id) ?? []))];
  const steps: FirstStep[] = [];
  for (const c of channels)
    for (const a of c.activations ?? [])
      if (within(a.date)) {
        const owner = c.owner;
        steps.push({ date: a.date, name: a.name, kind: 'activation', channels: [c.id], owners: owner ? [owner] : [] });
      }
  for (const c of listOf(plan.campaigns)) {
    if (!within(c.date)) continue;
    const on = c.channels ?? [];
    const owners = c.owner ? [c.owner] : ownersOf(on);
    steps.push({ date: c.date, name: c.name, kind: 'activation', channels: on, owners });
  }
  for (const d of plan.content?.special_dates ?? []) {
    // A bare public holiday is the calendar's backdrop; one the plan posts on or notes is a step.
    const acted = !!d.note?.trim() || !!d.channels?.length;
    const date = d.date;
    if (!within(date) || (d.kind === 'holiday' && !acted)) continue;
    if (steps.some((s) => s.kind === 'activation' && sameEvent(s, { date, name: d.name }))) continue;
    const on = d.channels ?? [];
    steps.push({ date, name: d.name, kind: 'special', channels: on, owners: ownersOf(on) });
  }
  return steps.sort((a, b) => a.date.localeCompare(b.date)).slice(0, max);
}

/** Words of five letters or more: the key words two names of one event share ("InstallerSHOW", "Trades"). */
const keyWords = (name: string) =>
  new Set((name.toLocaleLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 5));

/** Two dated entries are one event: the same day, and their names share a key word. */
export function sameEvent(a: { date: string; name: string }, b: { date: string; name: string }): boolean {
  if (a.date !== b.date) return false;
  const words = keyWords(a.name);
  return [...keyWords(b.name)].some((w) => words.has(w));
}

/**
 * Sections the plan marks `not_applicable: "reason"` (the agreed format extension). Read
 * defensively: until the schema carries the field, no plan has one and the list is empty.
 */
export function notApplicableSections(plan: Plan): { section: string; reason: string }[] {
  return Object.entries(plan as unknown as Record<string, unknown>).flatMap(([section, value]) => {
    const reason =
      value && typeof value === 'object' ? (value as { not_applicable?: unknown }).not_applicable : undefined;
    return typeof reason === 'string' && reason.trim() ? [{ section, reason: reason.trim() }] : [];
  });
}

/** A problem statement up to this many characters is summarised whole: its first sentence is often context. */
export const SHORT_PROBLEM = 400;

/** The first sentence of a text: up to the first full stop, question or exclamation mark followed by a space. */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const m = /^(.+?[.!?])\s+\p{Lu}/u.exec(flat);
  return m ? m[1]! : flat;
}

export function ragOf(tracked: TrackedFigures | undefined): Rag {
  if (!tracked || tracked.status === 'no-data') return 'none';
  if (tracked.status === 'behind') return 'red';
  return tracked.trend_short_of_target ? 'amber' : 'green';
}

export function executiveSummary(
  plan: Plan,
  objectives: ObjectiveTargets[],
  engagement: CompetitorBenchmark | undefined,
  budget: BudgetPlan | undefined,
  tracked: TrackedFigures[] | undefined,
  nextReview: string | undefined,
  asOf?: string,
): ExecutiveSummary {
  const standings = channelStandings(plan, engagement);
  const bestChannel = strongestChannel(standings);

  const tacticsFor = (id: string) =>
    listOf(plan.channels).flatMap((c) =>
      (c.tactics ?? []).filter((t) => t.objectives?.includes(id)).map((t) => t.action),
    );
  const tacticActions = new Map(
    listOf(plan.channels).flatMap((c) => (c.tactics ?? []).flatMap((t) => (t.id ? [[t.id, t.action] as const] : []))),
  );
  const trackedById = new Map((tracked ?? []).map((t) => [t.id, t]));
  const standingsOfObjectives: ObjectiveStanding[] = objectives.map((o) => {
    const t = trackedById.get(o.id);
    const s: ObjectiveStanding = { id: o.id, rag: ragOf(t), tactics: tacticsFor(o.id) };
    if (t) s.status = t.status;
    return s;
  });
  const counts: Record<Rag, number> = { red: 0, amber: 0, green: 0, none: 0 };
  for (const s of standingsOfObjectives) counts[s.rag]++;

  const kept = budget?.kept ?? [];
  const keptTotal = kept.reduce((sum, l) => sum + l.yearly, 0);
  const largest = [...kept].sort((a, b) => b.yearly - a.yearly)[0];
  const summary: ExecutiveSummary = {
    forecastShort: standingsOfObjectives
      .filter((o) => {
        const t = trackedById.get(o.id);
        const short =
          t?.forecast_progress !== undefined &&
          t.forecast_progress !== null &&
          t.forecast_progress < 1 - ON_TRACK_TOLERANCE;
        return !!t && (t.trend_short_of_target || (t.status === 'behind' && short));
      })
      .map((o) => o.id),
    firstDays: firstSteps(plan, asOf ?? plan.plan.start),
    levelChannels: standings
      .filter((c) => c.position === 'level' && c.channel !== bestChannel?.channel)
      .map((c) => c.channel),
    behindChannels: standings.filter((c) => c.position === 'behind').map((c) => c.channel),
    notApplicable: notApplicableSections(plan),
    standings,
    cutObjectives: budget?.objectives_losing_funding ?? [],
    cuts: cutsByObjective(budget),
    funding: fundingByObjective(budget, objectives),
    cutItems: (budget?.cut ?? []).map((l) => ({
      name: l.name,
      yearly: l.yearly,
      objectives: l.objectives,
      tactics: l.tactics.map((id) => tacticActions.get(id) ?? id),
    })),
    unfundedByCut: cutsByObjective(budget)
      .filter((c) => !c.kept.length)
      .map((c) => c.id),
    unlinked: (budget?.unlinked ?? []).map((l) => ({ name: l.name, yearly: l.yearly })),
    anyLinked: !!budget && [...budget.kept, ...budget.cut].some((l) => l.linked),
    objectives: standingsOfObjectives,
    lagging: standingsOfObjectives.filter((s) => s.rag === 'red'),
    trendShort: standingsOfObjectives.filter((s) => s.rag === 'amber'),
    counts,
    onTrack: counts.green + counts.amber,
  };
  if (bestChannel) summary.bestChannel = bestChannel;
  if (largest && keptTotal > 0)
    summary.largestItem = {
      name: largest.name,
      yearly: largest.yearly,
      share: largest.yearly / keptTotal,
      objectives: largest.objectives,
    };
  // The author's own summary; else the problem as written when short, its first sentence only when long.
  const problem = plan.plan.summary?.trim() || plan.plan.problem?.trim();
  if (problem)
    summary.problem = plan.plan.summary?.trim() || problem.length <= SHORT_PROBLEM ? problem : firstSentence(problem);
  if (nextReview !== undefined) summary.nextReview = nextReview;
  return summary;
}

/** A rate as the document shows it: a percentage with two decimals, here in percentage points. */
const shownPoints = (rate: number) => Math.round(rate * 10000) / 100;

/** Each ranked channel read as a strategist would: lead, level or behind within the noise of the samples. */
export function channelStandings(plan: Plan, engagement: CompetitorBenchmark | undefined): ChannelStanding[] {
  const planned = new Set(listOf(plan.channels).map((c) => c.id));
  const audit = plan.situation?.channel_audit ?? [];
  return (engagement?.ranking ?? []).flatMap((r) => {
    const leader = r.entries[0];
    if (!leader) return [];
    const own = r.entries.find((e) => e.own);
    const rivals = r.entries.filter((e) => !e.own);
    const closing = audit.find((a) => a.channel === r.channel && a.decision === 'close');
    const closed = !!closing && !planned.has(r.channel);
    const channel = listOf(plan.channels).find((c) => c.id === r.channel);
    const figure = (e: RankedEntry) => ({ name: e.name, rate: e.engagement_rate_per_post, estimated: e.estimated });
    const standing: ChannelStanding = {
      channel: r.channel,
      count: r.entries.length,
      leader: figure(leader),
      position: 'unmeasured',
      levelWith: [],
      rivals: rivals.length,
      beaten: 0,
      aheadOf: [],
      closed,
      tactics: (channel?.tactics ?? []).map((t) => t.action),
    };
    if (closed && closing?.why) standing.closedWhy = closing.why;
    if (!own) return [standing];
    standing.rank = own.rank;
    standing.ownRate = own.engagement_rate_per_post;
    const benchmark = r.benchmarks.find((b) => b.comparable_with === 'engagement_rate_per_post');
    if (benchmark && benchmark.engagement_rate > 0)
      standing.benchmarkRatio = own.engagement_rate_per_post / benchmark.engagement_rate;
    if (!rivals.length) {
      standing.position = 'alone';
      return [standing];
    }
    standing.levelWith = rivals.filter((e) => isLevel(own, e)).map((e) => e.name);
    standing.aheadOf = rivals
      .filter((e) => e.engagement_rate_per_post < own.engagement_rate_per_post && !isLevel(own, e))
      .map((e) => e.name);
    standing.beaten = standing.aheadOf.length;
    const ahead = rivals.filter((e) => e.engagement_rate_per_post > own.engagement_rate_per_post && !isLevel(own, e));
    standing.position = ahead.length ? 'behind' : standing.levelWith.length ? 'level' : 'lead';
    const next = r.entries.find((e) => !e.own);
    if (own.rank === 1 && next) standing.runnerUp = figure(next);
    const rival = own.rank === 1 ? next : leader;
    if (rival)
      standing.gap_points =
        Math.round((shownPoints(own.engagement_rate_per_post) - shownPoints(rival.engagement_rate_per_post)) * 100) /
        100;
    return [standing];
  });
}

/**
 * The strongest channel by a rule a strategist would accept: the largest share of the competitors
 * there that we beat beyond the noise, then our rate against the industry benchmark, then against
 * the best competitor. A channel the plan closes, or where we beat no one, is not a candidate.
 */
export function strongestChannel(standings: ChannelStanding[]): ChannelStanding | undefined {
  const share = (s: ChannelStanding) => (s.rivals ? s.beaten / s.rivals : 0);
  const vsBest = (s: ChannelStanding) => {
    const rival = s.runnerUp ?? s.leader;
    return rival.rate > 0 ? (s.ownRate ?? 0) / rival.rate : 0;
  };
  return standings
    .filter((s) => !s.closed && s.ownRate !== undefined && s.beaten > 0)
    .sort(
      (a, b) =>
        share(b) - share(a) ||
        (b.benchmarkRatio ?? 0) - (a.benchmarkRatio ?? 0) ||
        vsBest(b) - vsBest(a) ||
        a.rank! - b.rank!,
    )[0];
}

/** The kept budget read by objective: every objective with the kept items that fund it. */
export function fundingByObjective(budget: BudgetPlan | undefined, objectives: { id: string }[]): ObjectiveFunding[] {
  if (!budget?.kept.length) return [];
  return objectives.map(({ id }) => {
    const lines = budget.kept.filter((l) => l.objectives.includes(id));
    return {
      id,
      items: lines.map((l) => l.name),
      yearly: lines.reduce((s, l) => s + l.yearly, 0),
      cut: budget.cut.filter((l) => l.objectives.includes(id)).map((l) => l.name),
    };
  });
}

/** The budget cut read by objective: each objective losing funding with the cut items that funded it. */
export function cutsByObjective(budget: BudgetPlan | undefined): ObjectiveCut[] {
  return (budget?.objectives_losing_funding ?? []).map((id) => {
    const lines = budget!.cut.filter((l) => l.objectives.includes(id));
    return {
      id,
      items: lines.map((l) => l.name),
      yearly: lines.reduce((s, l) => s + l.yearly, 0),
      kept: budget!.kept.filter((l) => l.objectives.includes(id)).map((l) => l.name),
    };
  });
}
