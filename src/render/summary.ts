/**
 * The executive summary's figures: the plan's computations read for a decision maker. Where we
 * stand per channel, what the budget keeps and what its cut costs the plan, each objective's
 * red/amber/green standing with the actuals, the tactics behind a lagging objective and the
 * next review. Pure: the sentences come from the templates and the locale catalogues.
 */
import type { BudgetPlan } from '../compute/budget.js';
import { type CompetitorBenchmark, isLevel, type RankedEntry } from '../compute/engagement.js';
import type { ObjectiveTargets } from '../compute/kpi.js';
import type { TrackStatus } from '../compute/track.js';
import type { Plan } from '../plan/schema.js';

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
}

interface TrackedFigures {
  id: string;
  status: TrackStatus;
  trend_short_of_target?: boolean;
}

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
): ExecutiveSummary {
  const standings = channelStandings(plan, engagement);
  const bestChannel = strongestChannel(standings);

  const tacticsFor = (id: string) =>
    (plan.channels ?? []).flatMap((c) =>
      (c.tactics ?? []).filter((t) => t.objectives?.includes(id)).map((t) => t.action),
    );
  const tacticActions = new Map(
    (plan.channels ?? []).flatMap((c) => (c.tactics ?? []).flatMap((t) => (t.id ? [[t.id, t.action] as const] : []))),
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

  const summary: ExecutiveSummary = {
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
  const problem = plan.plan.problem?.trim();
  if (problem) summary.problem = firstSentence(problem);
  if (nextReview !== undefined) summary.nextReview = nextReview;
  return summary;
}

/** A rate as the document shows it: a percentage with two decimals, here in percentage points. */
const shownPoints = (rate: number) => Math.round(rate * 10000) / 100;

/** Each ranked channel read as a strategist would: lead, level or behind within the noise of the samples. */
export function channelStandings(plan: Plan, engagement: CompetitorBenchmark | undefined): ChannelStanding[] {
  const planned = new Set((plan.channels ?? []).map((c) => c.id));
  const audit = plan.situation?.channel_audit ?? [];
  return (engagement?.ranking ?? []).flatMap((r) => {
    const leader = r.entries[0];
    if (!leader) return [];
    const own = r.entries.find((e) => e.own);
    const rivals = r.entries.filter((e) => !e.own);
    const closing = audit.find((a) => a.channel === r.channel && a.decision === 'close');
    const closed = !!closing && !planned.has(r.channel);
    const channel = plan.channels?.find((c) => c.id === r.channel);
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
