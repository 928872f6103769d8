/** The channels section: the channels chosen, each with its purpose and tactics. */
import { KNOWN_CHANNELS, channel as channelSchema, type Channel } from '../../plan/schema.js';
import { listOf } from '../../plan/decisions.js';
import { type Ask, entries, unlessUnset, inOrder, compact, skipOrDo, knownChannels, named } from './common.js';

type Tactic = NonNullable<Channel['tactics']>[number];

export const askChannels: Ask<'channels'> = async (ctx) => {
  const { ask, say, t } = ctx;
  if (!(await skipOrDo(ctx, t('init.channels.start')))) return ctx.previous;
  const prev = listOf(ctx.previous);
  const used = knownChannels({ ...ctx.plan, channels: undefined });
  const personas = ctx.plan.audience?.personas ?? [];
  const objectives = listOf(ctx.plan.objectives);
  const rivals = listOf(ctx.plan.competitors).filter((c) => c.better_at?.length);
  const offer = [...new Set([...prev.map((c) => c.id), ...used, ...KNOWN_CHANNELS])];
  const preset = prev.length ? prev.map((c) => c.id) : used;
  const picked = await ask.chooseMany(
    t('init.channels.pick'),
    offer.map((c) => ({ value: c, checked: preset.includes(c) })),
    async (list) => {
      if (list.length === 0) return t('init.channels.none');
      return ctx.errors(
        // Channels kept hold their tactics (which a budget item may name) while the list is checked.
        { ...ctx.plan, channels: list.map((id) => prev.find((c) => c.id === id) ?? { id, role: 'primary' }) },
        ['channels'],
        ['channels'],
      );
    },
  );
  // The channel most of the personas' time goes to is offered as primary (seed 002: 40 % beats 20 %).
  const weight = (id: string) =>
    personas.reduce((sum, p) => sum + (listOf(p.channels).find((c) => c.channel === id)?.share ?? 0), 0);
  const ranked = [...picked].sort((a, b) => weight(b) - weight(a));
  const s = channelSchema.shape;
  const out: Channel[] = [];
  for (const [i, id] of picked.entries()) {
    const b = prev.find((c) => c.id === id);
    const role = await ask.choose(
      t('init.channels.role', { channel: id }),
      named(ctx, ['primary', 'secondary'] as const, 'priority'),
      b?.role ?? (ranked.indexOf(id) < 2 ? 'primary' : 'secondary'),
    );
    const purpose = await ask.text(t('init.channels.purpose', { channel: id }), {
      schema: s.purpose,
      default: b?.purpose,
      optional: true,
    });
    const reached = personas.length
      ? await ask.chooseMany(
          t('init.channels.personas', { channel: id }),
          personas.map((p) => ({
            value: p.id,
            name: p.name,
            checked: b ? (b.personas?.includes(p.id) ?? false) : listOf(p.channels).some((c) => c.channel === id),
          })),
        )
      : undefined;
    const editorial_line = await ask.text(t('init.channels.editorial_line', { channel: id }), {
      schema: s.editorial_line,
      default: b?.editorial_line,
      optional: true,
    });
    say(`  ${t('init.channels.tactics_why')}`);
    const tactics = await entries<Tactic>(
      ctx,
      { noun: 'tactic', params: { channel: id }, previous: b?.tactics },
      async (_j, tb) => {
        const action = await ask.required(t('init.channels.tactic_action'), { default: tb?.action });
        const serves = objectives.length
          ? await ask.chooseMany(
              t('init.channels.tactic_objectives'),
              objectives.map((o) => ({
                value: o.id,
                name: `${o.id}: ${o.metric}`,
                checked: tb ? (tb.objectives?.includes(o.id) ?? false) : o.channel === id,
              })),
              // An earlier tactic that served none is not made to now (lint says so, as a warning).
              (v) => (v.length || (tb && !tb.objectives) ? undefined : t('init.channels.tactic_objectives_none')),
            )
          : undefined;
        const paid = await ask.confirm(t('init.channels.tactic_paid'), tb?.paid ?? false);
        const adopted_from = rivals.length
          ? await ask.choose(
              t('init.channels.tactic_adopted'),
              [{ value: '', name: t('init.channels.tactic_own') }, ...rivals.map((c) => ({ value: c.name }))],
              tb?.adopted_from ?? '',
            )
          : undefined;
        const adaptation = adopted_from
          ? await ask.required(t('init.channels.tactic_adaptation', { name: adopted_from }), {
              default: tb?.adaptation,
            })
          : undefined;
        return compact({
          ...tb,
          action,
          objectives: serves?.length ? inOrder(tb?.objectives, serves) : undefined,
          paid: unlessUnset(tb, tb?.paid, paid, false),
          adopted_from: adopted_from || undefined,
          adaptation,
        });
      },
    );
    const owner = await ask.text(t('init.channels.owner', { channel: id }), {
      schema: s.owner,
      default: b?.owner,
      optional: true,
    });
    const posts_per_week = await ask.number(t('init.channels.posts_per_week', { channel: id }), {
      schema: s.posts_per_week,
      // A range written by hand is kept as it is when the question is left at its default.
      default: typeof b?.posts_per_week === 'number' ? b.posts_per_week : undefined,
      optional: true,
    });
    const channel = compact({
      ...b,
      id,
      role,
      purpose,
      personas: reached?.length ? inOrder(b?.personas, reached) : undefined,
      editorial_line,
      tactics: tactics.length ? tactics : undefined,
      owner,
      posts_per_week: posts_per_week ?? (typeof b?.posts_per_week === 'number' ? undefined : b?.posts_per_week),
    });
    out.push(channel);
    await ctx.notes({ ...ctx.plan, channels: [...out] }, ['channels', i]);
  }
  return out;
};
