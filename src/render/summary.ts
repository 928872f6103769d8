/**
 * The executive summary's figures: the plan's computations read for a decision maker. Where we
 * stand per channel, what the budget keeps and what its cut costs the plan, each objective's
 * red/amber/green standing with the actuals, the tactics behind a lagging objective and the
 * next review. Pure: the sentences come from the templates and the locale catalogues.
 */
import type { BudgetPlan } from '../compute/budget.js';
import type { CompetitorBenchmark } from '../compute/engagement.js';
import type { ObjectiveTargets } from '../compute/kpi.js';
import { ON_TRACK_TOLERANCE, type TrackStatus } from '../compute/track.js';
import type { Plan } from '../plan/schema.js';

/** Red: behind the curve. Amber: on the curve, but the actuals' trend misses the target. Green: on track or ahead. */
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
  /** The cut budget lines' objectives: those on the cut lines' channels. */
  cutObjectives: string[];
  objectives: ObjectiveStanding[];
  /** Objectives behind the curve, with their tactics, in plan order. */
  lagging: ObjectiveStanding[];
  counts: Record<Rag, number>;
  nextReview?: string;
}

interface TrackedFigures {
  id: string;
  status: TrackStatus;
  forecast?: number | null;
}

/** The first sentence of a text: up to the first full stop, question or exclamation mark followed by a space. */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const m = /^(.+?[.!?])\s+\p{Lu}/u.exec(flat);
  return m ? m[1]! : flat;
}

export function ragOf(tracked: TrackedFigures | undefined, objective: ObjectiveTargets): Rag {
  if (!tracked || tracked.status === 'no-data') return 'none';
  if (tracked.status === 'behind') return 'red';
  const span = objective.target - objective.baseline;
  if (typeof tracked.forecast === 'number' && span !== 0) {
    const reached = (tracked.forecast - objective.baseline) / span;
    if (reached < 1 - ON_TRACK_TOLERANCE) return 'amber';
  }
  return 'green';
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
    }
    return [standing];
  });

  const cutChannels = new Set((budget?.cut ?? []).flatMap((l) => (l.channel ? [l.channel] : [])));
  const cutObjectives = objectives.filter((o) => o.channel && cutChannels.has(o.channel)).map((o) => o.id);

  const tacticsFor = (id: string) =>
    (plan.channels ?? []).flatMap((c) =>
      (c.tactics ?? []).filter((t) => t.objectives?.includes(id)).map((t) => t.action),
    );
  const trackedById = new Map((tracked ?? []).map((t) => [t.id, t]));
  const standingsOfObjectives: ObjectiveStanding[] = objectives.map((o) => {
    const t = trackedById.get(o.id);
    const s: ObjectiveStanding = { id: o.id, rag: ragOf(t, o), tactics: tacticsFor(o.id) };
    if (t) s.status = t.status;
    return s;
  });
  const counts: Record<Rag, number> = { red: 0, amber: 0, green: 0, none: 0 };
  for (const s of standingsOfObjectives) counts[s.rag]++;

  const summary: ExecutiveSummary = {
    standings,
    cutObjectives,
    objectives: standingsOfObjectives,
    lagging: standingsOfObjectives.filter((s) => s.rag === 'red'),
    counts,
  };
  const problem = plan.plan.problem?.trim();
  if (problem) summary.problem = firstSentence(problem);
  if (nextReview !== undefined) summary.nextReview = nextReview;
  return summary;
}
