import { describe, expect, it } from 'vitest';
import { channelEngagement, competitorBenchmark, sampleTotals } from '../../src/compute/engagement.js';
import { PlanComputeError } from '../../src/compute/errors.js';
import type { PostSample } from '../../src/plan/schema.js';
import { planWith } from './helpers.js';

const noCsv = new Map<string, PostSample[]>();

describe('channelEngagement', () => {
  it('sums the sampled posts and divides by followers (hand-worked)', () => {
    const e = channelEngagement(
      'instagram',
      {
        followers: 1000,
        posts: [
          { likes: 10, comments: 2, shares: 1 },
          { likes: 20, comments: 3, shares: 4 },
        ],
      },
      noCsv,
    );
    // 40 actions over 2 posts and 1000 followers.
    expect(e).toMatchObject({
      channel: 'instagram',
      followers: 1000,
      posts: 2,
      engagement: 40,
      engagement_rate: 0.04,
      engagement_rate_per_post: 0.02,
      applause_rate: 0.015, // 30 likes / 2 posts / 1000
      conversation_rate: 0.0025,
      amplification_rate: 0.0025,
      source: 'posts',
    });
  });
  it('takes totals from sample', () => {
    const e = channelEngagement(
      'tiktok',
      { followers: 21000, posts_per_week: 4, sample: { posts: 24, likes: 18400, comments: 630, shares: 1150 } },
      noCsv,
    );
    expect(e.engagement).toBe(20180);
    expect(e.engagement_rate).toBeCloseTo(0.960952380952381, 15);
    expect(e.engagement_rate_per_post).toBeCloseTo(0.04003968253968254, 15);
    expect(e.posts_per_week).toBe(4);
  });
  it('reads posts_csv from the posts the loader read', () => {
    const csv = new Map([
      [
        'data/x.csv',
        [
          { likes: 5, comments: 0, shares: 0 },
          { likes: 1, comments: 1, shares: 1 },
        ],
      ],
    ]);
    const e = channelEngagement('x', { followers: 100, posts_csv: 'data/x.csv' }, csv);
    expect(e).toMatchObject({
      posts: 2,
      engagement: 8,
      engagement_rate: 0.08,
      source: 'posts_csv',
      posts_csv: 'data/x.csv',
    });
  });
  it('refuses no source, two sources, or an unread CSV, naming where', () => {
    expect(() => channelEngagement('x', { followers: 100 }, noCsv, ['competitors', 0, 'channels', 1])).toThrow(
      /no engagement sample/,
    );
    expect(() =>
      sampleTotals(
        {
          followers: 1,
          posts: [{ likes: 1, comments: 0, shares: 0 }],
          sample: { posts: 1, likes: 1, comments: 0, shares: 0 },
        },
        noCsv,
      ),
    ).toThrow(/exactly one/);
    try {
      channelEngagement('x', { followers: 100, posts_csv: 'gone.csv' }, noCsv, ['channels', 2, 'current']);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(PlanComputeError);
      expect((err as PlanComputeError).path).toEqual(['channels', 2, 'current', 'posts_csv']);
    }
  });
  it('refuses zero followers rather than dividing by zero', () => {
    expect(() =>
      channelEngagement('x', { followers: 0, sample: { posts: 3, likes: 1, comments: 1, shares: 1 } }, noCsv),
    ).toThrow(PlanComputeError);
  });
});

describe('competitorBenchmark', () => {
  const plan = planWith({
    situation: {
      external: {
        benchmarks: [
          { channel: 'instagram', engagement_rate: 0.004, formula: 'per-post-by-followers', source: 'A', year: 2026 },
          { channel: 'instagram', engagement_rate: 0.02, formula: 'by-reach', source: 'B', year: 2026 },
          { channel: 'facebook', engagement_rate: 0.05, formula: 'sample-by-followers', source: 'C', year: 2025 },
        ],
      },
    },
    competitors: [
      {
        name: 'Low',
        channels: [{ channel: 'instagram', followers: 1000, sample: { posts: 10, likes: 50, comments: 0, shares: 0 } }],
      },
      {
        name: 'High',
        channels: [
          { channel: 'instagram', followers: 1000, sample: { posts: 10, likes: 300, comments: 0, shares: 0 } },
          { channel: 'facebook', followers: 500, sample: { posts: 5, likes: 10, comments: 0, shares: 0 } },
        ],
      },
    ],
    channels: [
      {
        id: 'instagram',
        role: 'primary',
        current: { followers: 100, sample: { posts: 10, likes: 10, comments: 5, shares: 5 } },
      },
    ],
  });
  const result = competitorBenchmark(plan, noCsv);

  it('lists competitors in plan order with the contract keys', () => {
    expect(result.competitors.map((c) => [c.name, c.channels.map((ch) => ch.channel)])).toEqual([
      ['Low', ['instagram']],
      ['High', ['instagram', 'facebook']],
    ]);
    expect(result.own.map((o) => [o.channel, o.engagement])).toEqual([['instagram', 20]]);
  });
  it('ranks each channel by engagement rate per post, our own channel among them', () => {
    const ig = result.ranking.find((r) => r.channel === 'instagram')!;
    // per post: High 300/10/1000 = 0.03, us 20/10/100 = 0.02, Low 50/10/1000 = 0.005
    expect(ig.entries.map((e) => [e.rank, e.name, e.own])).toEqual([
      [1, 'High', false],
      [2, 'Test AS', true],
      [3, 'Low', false],
    ]);
    expect(ig.entries[0]).toMatchObject({ competitor: 1, index: 0 });
    expect(ig.entries[1]).toMatchObject({ index: 0 });
    expect(ig.entries[1]!.competitor).toBeUndefined();
  });
  it('puts industry figures beside only when computed like ours', () => {
    const ig = result.ranking.find((r) => r.channel === 'instagram')!;
    expect(ig.benchmarks.map((b) => [b.source, b.comparable_with])).toEqual([['A', 'engagement_rate_per_post']]);
    const fb = result.ranking.find((r) => r.channel === 'facebook')!;
    expect(fb.benchmarks.map((b) => [b.source, b.comparable_with])).toEqual([['C', 'engagement_rate']]);
    expect(result.benchmarks.filter((b) => b.comparable_with === null).map((b) => b.source)).toEqual(['B']);
  });
  it('is empty for a plan without competitors', () => {
    expect(competitorBenchmark(planWith(), noCsv)).toEqual({ competitors: [], own: [], ranking: [], benchmarks: [] });
  });
});
