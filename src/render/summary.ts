/**
 * The executive summary's figures: the plan's computations read for a decision maker. Where we
 * stand per channel, what the budget keeps and what its cut costs the plan, each objective's
 * red/amber/green standing with the actuals, the tactics behind a lagging objective and the
 * next review. Pure: the sentences come from the templates and the locale catalogues.
 */
import type { BudgetPlan } from '../compute/budget.js';
import type { CompetitorBenchmark } from '../compute/engagement.js';
import type { ObjectiveTargets } from '../compute/kpi.js';
import type { TrackStatus } from '../compute/track.js';
import type { Plan } from '../plan/schema.js';
import { listOf } from '../plan/decisions.js';

/**
 * The contract's status in colour. Red: behind the curve. Amber: on track or ahead so far (the
 * status says so), but the actuals' trend ends short of the target (track's trend_short_of_target).
 * Green: on track or ahead, and so is the trend.
 */
export type Rag = 'red' | 'amber' | 'green' | 'none';

export interface ChannelStanding {
  channel: string;
  /** Our rank by engagement per post, when we have figures on this channel. */
  rank?: number;
  /** Everyone ranked here, us included. */
  count: number;
  ownRate?: number;
  leader: { name: string; rate: number };
  /** When we lead: the one closest behind us. */
  runnerUp?: { name: string; rate: number };
  /** Our rate minus the best other's (the leader's, or the runner-up's when we lead), in percentage points: below 0 we trail. */
  gap_points?: number;
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
  /** Where we stand strongest against the field: our rate against the best other's, highest first. */
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
): ExecutiveSummary {
  const standings: ChannelStanding[] = (engagement?.ranking ?? []).flatMap((r) => {
    const leader = r.entries[0];
    if (!leader) return [];
    const own = r.entries.find((e) => e.own);
    const standing: ChannelStanding = {
      channel: r.channel,
      count: r.entries.length,
      leader: { name: leader.name, rate: leader.engagement_rate_per_post },
    };
    if (own) {
      standing.rank = own.rank;
      standing.ownRate = own.engagement_rate_per_post;
      const next = r.entries[1];
      if (own.rank === 1 && next) standing.runnerUp = { name: next.name, rate: next.engagement_rate_per_post };
      const rival = own.rank === 1 ? next : leader;
      if (rival) standing.gap_points = (own.engagement_rate_per_post - rival.engagement_rate_per_post) * 100;
    }
    return [standing];
  });
  const bestChannel = standings
    .filter((s) => s.gap_points !== undefined)
    .sort((a, b) => relativeGap(b) - relativeGap(a) || a.rank! - b.rank!)[0];

  const tacticsFor = (id: string) =>
    listOf(plan.channels).flatMap((c) =>
      (c.tactics ?? []).filter((t) => t.objectives?.includes(id)).map((t) => t.action),
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
    objectives: standingsOfObjectives,
    lagging: standingsOfObjectives.filter((s) => s.rag === 'red'),
    trendShort: standingsOfObjectives.filter((s) => s.rag === 'amber'),
    counts,
    onTrack: counts.green + counts.amber,
  };
  if (bestChannel) summary.bestChannel = bestChannel;
  // The author's own summary; else the problem as written when short, its first sentence only when long.
  const problem = plan.plan.summary?.trim() || plan.plan.problem?.trim();
  if (problem)
    summary.problem = plan.plan.summary?.trim() || problem.length <= SHORT_PROBLEM ? problem : firstSentence(problem);
  if (nextReview !== undefined) summary.nextReview = nextReview;
  return summary;
}

/** Our rate against the best other's, as a share of theirs (+0.05 = 5 % ahead). */
function relativeGap(s: ChannelStanding): number {
  const rival = s.runnerUp ?? s.leader;
  return rival.rate > 0 ? s.gap_points! / 100 / rival.rate : s.gap_points!;
}

/** The kept budget read by objective: every objective with the kept items that fund it. */
export function fundingByObjective(budget: BudgetPlan | undefined, objectives: { id: string }[]): ObjectiveFunding[] {
  if (!budget?.kept.length) return [];
  return objectives.map(({ id }) => {
    const lines = budget.kept.filter((l) => l.objectives.includes(id));
    return { id, items: lines.map((l) => l.name), yearly: lines.reduce((s, l) => s + l.yearly, 0) };
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
