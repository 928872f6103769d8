/** The competitors section: who else speaks to the audience, and on which channels. */
import { listOf } from '../../plan/decisions.js';
import {
  competitor as competitorSchema,
  competitorChannel,
  sampleTotals,
  type CompetitorChannel,
} from '../../plan/schema.js';
import type { PlanDraft } from '../check.js';
import { type Ask, entries, checkedEntry, compact, skipOrDo } from './common.js';

export const askCompetitors: Ask<'competitors'> = async (ctx) => {
  const { ask, say, t } = ctx;
  if (!(await skipOrDo(ctx, t('init.competitors.start')))) return ctx.previous;
  const s = competitorSchema.shape;
  const cs = competitorChannel.shape;
  const ts = sampleTotals.shape;
  const list = await entries(
    ctx,
    { noun: 'competitor', previous: listOf(ctx.previous), min: 1 },
    async (i, prev, soFar, rest) => {
      const path = ['competitors', i];
      const name = await ask.required(t('init.competitors.name', { n: i + 1 }), {
        schema: s.name,
        default: prev?.name,
      });
      const channels = await entries(
        ctx,
        { noun: 'network', params: { name }, previous: prev?.channels, min: 1 },
        async (j, pc, chSoFar, chRest) => {
          const chPath = [...path, 'channels', j];
          const placed = (c: CompetitorChannel): PlanDraft => ({
            ...ctx.plan,
            competitors: [...soFar, { name, channels: [...chSoFar, c, ...chRest] }, ...rest],
          });
          return checkedEntry(
            ctx,
            chPath,
            placed,
            async (b) => {
              const channel = (await ask.channel(t('init.competitors.channel', { n: j + 1, name }), {
                default: b?.channel,
              }))!;
              const followers = (await ask.number(t('init.competitors.followers', { name, channel }), {
                schema: cs.followers,
                default: b?.followers,
              }))!;
              const posts_per_week = await ask.number(t('init.competitors.posts_per_week'), {
                schema: cs.posts_per_week,
                default: b?.posts_per_week,
                optional: true,
              });
              const posting_times = await ask.list(t('init.competitors.posting_times'), {
                schema: cs.posting_times,
                default: b?.posting_times,
              });
              const content_types = await ask.list(t('init.competitors.content_types'), {
                schema: cs.content_types,
                default: b?.content_types,
              });
              const tone = await ask.text(t('init.competitors.tone'), {
                schema: cs.tone,
                default: b?.tone,
                optional: true,
              });
              const responses = await ask.text(t('init.competitors.responses'), {
                schema: cs.responses,
                default: b?.responses,
                optional: true,
              });
              say(`  ${t('init.competitors.engagement_why')}`);
              const how = await ask.choose(
                t('init.competitors.how'),
                [
                  { value: 'sample', name: t('init.competitors.how_sample') },
                  { value: 'csv', name: t('init.competitors.how_csv') },
                  // Posts listed one by one in the plan file: kept as they are.
                  ...(b?.posts?.length ? [{ value: 'posts', name: t('init.competitors.how_posts') }] : []),
                ],
                b?.posts_csv !== undefined ? 'csv' : b?.posts?.length && !b.sample ? 'posts' : 'sample',
              );
              // The earlier entry's fields, in its order; one source of engagement replaces the other.
              const fields = {
                ...b,
                channel,
                followers,
                posts_per_week,
                posting_times,
                content_types,
                tone,
                responses,
              };
              const base = compact({ ...fields, posts_csv: undefined, sample: undefined });
              if (how === 'posts') return base;
              if (how === 'csv') {
                const posts_csv = await ask.required(t('init.competitors.csv'), {
                  schema: cs.posts_csv,
                  default: b?.posts_csv,
                  check: (v) => ctx.errors(placed({ ...base, posts_csv: v }), [...chPath, 'posts_csv'], chPath),
                });
                return compact({ ...fields, posts_csv, sample: undefined });
              }
              const posts = (await ask.number(t('init.competitors.posts'), {
                schema: ts.posts,
                default: b?.sample?.posts,
              }))!;
              const likes = (await ask.number(t('init.competitors.likes', { posts: ask.show(posts) }), {
                schema: ts.likes,
                default: b?.sample?.likes,
              }))!;
              const comments = (await ask.number(t('init.competitors.comments'), {
                schema: ts.comments,
                default: b?.sample?.comments,
              }))!;
              const shares = (await ask.number(t('init.competitors.shares'), {
                schema: ts.shares,
                default: b?.sample?.shares,
              }))!;
              return compact({
                ...fields,
                posts_csv: undefined,
                sample: { ...b?.sample, posts, likes, comments, shares },
              });
            },
            pc,
          );
        },
      );
      const better_at = await ask.list(t('init.competitors.better_at', { name }), { default: prev?.better_at });
      const we_do_better = await ask.list(t('init.competitors.we_do_better', { name }), {
        default: prev?.we_do_better,
      });
      return compact({ ...prev, name, channels, better_at, we_do_better });
    },
  );
  return list;
};
