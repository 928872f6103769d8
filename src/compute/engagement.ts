/**
 * Competitor engagement benchmark (contract "Engagement", method.md §4).
 *
 * Formulas, over the sampled posts (from `posts`, `sample` or `posts_csv`):
 *   engagement               = likes + comments + shares (the whole sample)
 *   engagement_rate          = engagement / followers
 *   engagement_rate_per_post = engagement_rate / posts
 *   applause_rate            = likes    / posts / followers   (likes per post per follower)
 *   conversation_rate        = comments / posts / followers
 *   amplification_rate       = shares   / posts / followers
 * so applause + conversation + amplification = engagement_rate_per_post.
 * Pure: no IO (posts_csv files arrive already read, as LoadedPlan.postsCsv).
 */
import type { PlanPath } from '../diagnostics.js';
import type { BENCHMARK_FORMULAS, CompetitorChannel, OwnChannelSample, Plan, PostSample } from '../plan/schema.js';
import { PlanComputeError } from './errors.js';
import { listOf } from '../plan/decisions.js';

/** The method samples the last 20–30 posts: fewer is noise, more mixes in old behaviour (method.md §4). */
export const MIN_SAMPLE = 20;
export const MAX_SAMPLE = 30;

export type EngagementSource = CompetitorChannel | OwnChannelSample;
export type SampleKind = 'posts' | 'sample' | 'posts_csv';

/** One channel's figures; the first keys are the contract's `competitors --json` channel shape. */
export interface ChannelEngagement {
  channel: string;
  followers: number;
  /** How many posts were sampled. */
  posts: number;
  engagement: number;
  engagement_rate: number;
  engagement_rate_per_post: number;
  likes: number;
  comments: number;
  shares: number;
  applause_rate: number;
  conversation_rate: number;
  amplification_rate: number;
  /** Posting frequency as written in the plan (posts per week), when given. */
  posts_per_week?: number;
  /** Where the sample came from. */
  source: SampleKind;
  /** The CSV file for source posts_csv. */
  posts_csv?: string;
}

export interface CompetitorEngagement {
  name: string;
  channels: ChannelEngagement[];
}

/** A published industry figure (situation.external.benchmarks). */
export interface IndustryBenchmark {
  channel: string;
  engagement_rate: number;
  formula: (typeof BENCHMARK_FORMULAS)[number];
  source: string;
  year: number;
  industry?: string;
  /**
   * Which of our figures it can stand beside: per-post-by-followers compares with
   * engagement_rate_per_post, sample-by-followers with engagement_rate; by-reach and
   * by-impressions with none (they are listed apart with their formula).
   */
  comparable_with: 'engagement_rate_per_post' | 'engagement_rate' | null;
}

/**
 * Within the noise of the samples (method.md §4): two rates per post whose difference is under
 * this share of the higher one read as level, not as a rank. 20–30-post samples vary by about a
 * tenth between draws; a shorter sample, or a figure read off roughly (estimated), twice that.
 */
export const LEVEL_BAND = 0.1;
export const LEVEL_BAND_WIDE = 0.2;

/** The band two samples are judged within: the wider one as soon as either is short or estimated. */
export function levelBand(
  a: { posts: number; estimated?: boolean },
  b: { posts: number; estimated?: boolean },
): number {
  return Math.min(a.posts, b.posts) < MIN_SAMPLE || a.estimated || b.estimated ? LEVEL_BAND_WIDE : LEVEL_BAND;
}

/** True when the two rates differ by less than the band of their samples (relative to the higher). */
export function isLevel(
  a: { engagement_rate_per_post: number; posts: number; estimated?: boolean },
  b: { engagement_rate_per_post: number; posts: number; estimated?: boolean },
): boolean {
  const high = Math.max(a.engagement_rate_per_post, b.engagement_rate_per_post);
  if (high <= 0) return true;
  return Math.abs(a.engagement_rate_per_post - b.engagement_rate_per_post) / high < levelBand(a, b);
}

/** One entry of a channel's ranking: best engagement rate per post first. */
export interface RankedEntry {
  rank: number;
  /** Competitor name, or the organisation's name for our own channel. */
  name: string;
  own: boolean;
  engagement_rate_per_post: number;
  engagement_rate: number;
  followers: number;
  /** Posts in the sample, and whether the plan says the figures were estimated rather than counted. */
  posts: number;
  estimated: boolean;
  /** Where its figures are: competitors[competitor].channels[index], or own[index] for us. */
  competitor?: number;
  index: number;
}

export interface ChannelRanking {
  channel: string;
  entries: RankedEntry[];
  /** Industry figures on this channel computed like ours. */
  benchmarks: IndustryBenchmark[];
}

export interface CompetitorBenchmark {
  competitors: CompetitorEngagement[];
  /** Our own channels that have `current` figures. */
  own: ChannelEngagement[];
  /** Per channel (in first-seen order): competitors and our own channel ranked. */
  ranking: ChannelRanking[];
  /** All industry benchmarks; `comparable_with: null` ones are listed apart. */
  benchmarks: IndustryBenchmark[];
}

/** The sampled likes, comments and shares of a channel, and how many posts they cover. */
export function sampleTotals(
  source: EngagementSource,
  postsCsv: ReadonlyMap<string, readonly PostSample[]>,
  where: PlanPath = [],
): { posts: number; likes: number; comments: number; shares: number; source: SampleKind } {
  const given = (['posts', 'sample', 'posts_csv'] as const).filter((k) => source[k] !== undefined);
  if (given.length !== 1) {
    throw new PlanComputeError(
      given.length === 0
        ? 'no engagement sample: give posts, sample or posts_csv'
        : `give exactly one of posts, sample or posts_csv (found ${given.join(', ')})`,
      where,
    );
  }
  const kind = given[0]!;
  if (kind === 'sample') {
    const s = source.sample!;
    return { posts: s.posts, likes: s.likes, comments: s.comments, shares: s.shares, source: kind };
  }
  let posts: readonly PostSample[] | undefined;
  if (kind === 'posts') posts = source.posts;
  else {
    posts = postsCsv.get(source.posts_csv!);
    if (!posts) throw new PlanComputeError(`${source.posts_csv}: the posts CSV was not read`, [...where, 'posts_csv']);
  }
  const sum = { posts: posts!.length, likes: 0, comments: 0, shares: 0, source: kind };
  for (const p of posts!) {
    sum.likes += p.likes;
    sum.comments += p.comments;
    sum.shares += p.shares;
  }
  return sum;
}

/** Engagement of one channel (a competitor's, or our own `channels[].current`). */
export function channelEngagement(
  channel: string,
  source: EngagementSource,
  postsCsv: ReadonlyMap<string, readonly PostSample[]>,
  where: PlanPath = [],
): ChannelEngagement {
  const t = sampleTotals(source, postsCsv, where);
  // The schema requires followers >= 1 and sample.posts >= 1; a CSV or list has at least one row.
  if (!(source.followers > 0))
    throw new PlanComputeError('followers must be more than 0: the engagement rate divides by it', [
      ...where,
      'followers',
    ]);
  if (!(t.posts > 0))
    throw new PlanComputeError('the sample has no posts: the per-post rate divides by their number', where);
  const engagement = t.likes + t.comments + t.shares;
  const perPost = (n: number) => n / t.posts / source.followers;
  const engagementRate = engagement / source.followers;
  const result: ChannelEngagement = {
    channel,
    followers: source.followers,
    posts: t.posts,
    engagement,
    engagement_rate: engagementRate,
    engagement_rate_per_post: engagementRate / t.posts,
    likes: t.likes,
    comments: t.comments,
    shares: t.shares,
    applause_rate: perPost(t.likes),
    conversation_rate: perPost(t.comments),
    amplification_rate: perPost(t.shares),
    source: t.source,
  };
  if (source.posts_per_week !== undefined) result.posts_per_week = source.posts_per_week;
  if (t.source === 'posts_csv') result.posts_csv = source.posts_csv!;
  return result;
}

function comparableWith(formula: IndustryBenchmark['formula']): IndustryBenchmark['comparable_with'] {
  if (formula === 'per-post-by-followers') return 'engagement_rate_per_post';
  if (formula === 'sample-by-followers') return 'engagement_rate';
  return null;
}

/** Every competitor channel and our own channels, ranked per channel, with industry figures. */
export function competitorBenchmark(
  plan: Plan,
  postsCsv: ReadonlyMap<string, readonly PostSample[]>,
): CompetitorBenchmark {
  const competitors: CompetitorEngagement[] = listOf(plan.competitors).map((c, ci) => ({
    name: c.name,
    channels: c.channels.map((ch, chi) =>
      channelEngagement(ch.channel, ch, postsCsv, ['competitors', ci, 'channels', chi]),
    ),
  }));
  const own: ChannelEngagement[] = [];
  listOf(plan.channels).forEach((ch, i) => {
    if (ch.current) own.push(channelEngagement(ch.id, ch.current, postsCsv, ['channels', i, 'current']));
  });
  const benchmarks: IndustryBenchmark[] = (plan.situation?.external?.benchmarks ?? []).map((b) => {
    const out: IndustryBenchmark = {
      channel: b.channel,
      engagement_rate: b.engagement_rate,
      formula: b.formula,
      source: b.source,
      year: b.year,
      comparable_with: comparableWith(b.formula),
    };
    if (b.industry !== undefined) out.industry = b.industry;
    return out;
  });

  const byChannel = new Map<string, Omit<RankedEntry, 'rank'>[]>();
  const add = (e: Omit<RankedEntry, 'rank'>, channel: string) => {
    if (!byChannel.has(channel)) byChannel.set(channel, []);
    byChannel.get(channel)!.push(e);
  };
  competitors.forEach((c, ci) =>
    c.channels.forEach((ch, i) =>
      add(
        {
          ...rankable(c.name, false, ch, listOf(plan.competitors)[ci]?.channels[i]?.source === 'estimated'),
          competitor: ci,
          index: i,
        },
        ch.channel,
      ),
    ),
  );
  const current = listOf(plan.channels).flatMap((c) => (c.current ? [c.current] : []));
  own.forEach((ch, i) =>
    add({ ...rankable(plan.plan.organization, true, ch, current[i]?.source === 'estimated'), index: i }, ch.channel),
  );
  const ranking: ChannelRanking[] = [...byChannel].map(([channel, entries]) => ({
    channel,
    // Stable sort: equal rates keep plan order (competitors first, then us).
    entries: [...entries]
      .sort((a, b) => b.engagement_rate_per_post - a.engagement_rate_per_post)
      .map((e, i) => ({ rank: i + 1, ...e })),
    benchmarks: benchmarks.filter((b) => b.channel === channel && b.comparable_with !== null),
  }));
  return { competitors, own, ranking, benchmarks };
}

function rankable(
  name: string,
  own: boolean,
  ch: ChannelEngagement,
  estimated: boolean,
): Omit<RankedEntry, 'rank' | 'index'> {
  return {
    name,
    own,
    engagement_rate_per_post: ch.engagement_rate_per_post,
    engagement_rate: ch.engagement_rate,
    followers: ch.followers,
    posts: ch.posts,
    estimated,
  };
}
