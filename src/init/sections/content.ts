/** The content section: pillars, the posting plan (slots), special dates and reserve posts. */
import {
  WEEKDAYS,
  content as contentSchema,
  pillar as pillarSchema,
  slot as slotSchema,
  type Content,
  type Persona,
} from '../../plan/schema.js';
import { schemaError, type PlanDraft } from '../check.js';
import { slugId, uniqueId } from '../system.js';
import { DAY_NAMES } from '../words.js';
import { listOf } from '../../plan/decisions.js';
import { slotPersonaWarning } from '../warnings.js';
import {
  type Ask,
  entries,
  checkedEntry,
  stillNotApplicable,
  compact,
  skipOrDo,
  metaOf,
  knownChannels,
  named,
} from './common.js';

type Slot = import('../../plan/schema.js').Slot;
type SpecialDate = NonNullable<Content['special_dates']>[number];
type ReserveItem = NonNullable<Content['reserve']>[number];

/** The weekday and time a slot for `persona` defaults to: the start of their first window online. */
function whenOnline(
  persona: Persona | undefined,
  fallbackDay: Slot['weekday'],
): { weekday: Slot['weekday']; time: string } {
  const w = persona?.online_times?.[0];
  if (!w) return { weekday: fallbackDay, time: '09:00' };
  const days = w.days?.length ? w.days : WEEKDAYS;
  return { weekday: days.includes(fallbackDay) ? fallbackDay : days[0]!, time: w.from };
}

export const askContent: Ask<'content'> = async (ctx) => {
  const { ask, say, t } = ctx;
  if (!(await skipOrDo(ctx, t('init.content.start')))) return ctx.previous;
  const prev = ctx.previous ?? {};
  const content: Content = { ...prev };
  say(`  ${t('init.content.pillars_why')}`);
  const ps = pillarSchema.shape;
  const pillars = await entries(ctx, { noun: 'pillar', previous: prev.pillars }, async (i, b, soFar, rest) => {
    const name = await ask.required(t('init.content.pillar', { n: i + 1 }), { schema: ps.name, default: b?.name });
    const id = await ask.required(t('init.short_id'), {
      schema: ps.id,
      default:
        b?.id ??
        uniqueId(
          slugId(name, 'pillar'),
          soFar.map((p) => p.id),
        ),
      check: (v) =>
        ctx.errors(
          { ...ctx.plan, content: { ...content, pillars: [...soFar, { id: v, name, share: 0 }, ...rest] } },
          ['content', 'pillars', i, 'id'],
          ['content', 'pillars', i],
        ),
    });
    const left = 1 - soFar.reduce((sum, p) => sum + (p.share ?? 0), 0);
    // A pillar written without a share may stay so.
    const share = await ask.percent(t('init.content.share'), {
      schema: ps.share,
      default: b ? b.share : Math.max(0, Math.round(left * 100) / 100),
      optional: b !== undefined && b.share === undefined,
    });
    return compact({ ...b, id, name, share });
  });
  content.pillars = pillars.length ? pillars : undefined;

  say(`  ${t('init.content.slots_why')}`);
  // "No fixed slots" (with its reason) is a decision, asked again as such.
  const slotsDecided = await stillNotApplicable(ctx, prev.slots);
  const channels = knownChannels(ctx.plan);
  const personas = ctx.plan.audience?.personas ?? [];
  const goals = listOf(ctx.plan.goals);
  const chosen = listOf(ctx.plan.channels);
  const ss = slotSchema.shape;
  const slots = slotsDecided
    ? []
    : await entries(ctx, { noun: 'slot', previous: listOf(prev.slots) }, async (i, b, soFar, rest) => {
        const path = ['content', 'slots', i];
        const placed = (s: Slot): PlanDraft => ({
          ...ctx.plan,
          content: { ...content, slots: [...soFar, s, ...rest] },
        });
        return checkedEntry(
          ctx,
          path,
          placed,
          async (p) => {
            const channel = (await ask.channel(t('init.content.slot_channel', { n: i + 1 }), {
              default: p?.channel ?? channels[i % Math.max(1, channels.length)],
              offer: channels,
              check: (v) =>
                ctx.errors(placed({ channel: v, weekday: 'mon', time: '09:00' }), [...path, 'channel'], path),
            }))!;
            // A persona reached on this channel is suggested: the slot is for them.
            const here = chosen.find((c) => c.id === channel)?.personas;
            const onChannel = personas.filter(
              (x) => here?.includes(x.id) ?? (x.channels ?? []).some((c) => c.channel === channel),
            );
            const persona = personas.length
              ? await ask.choose(
                  t('init.content.slot_persona'),
                  [
                    ...personas.map((x) => ({ value: x.id, name: x.name })),
                    { value: '', name: t('init.content.slot_any_persona') },
                  ],
                  // An earlier slot for all personas stays so.
                  p ? (p.persona ?? '') : (onChannel[0]?.id ?? ''),
                  undefined,
                  (v) => slotPersonaWarning(t, ctx.plan, v, channel),
                )
              : '';
            const when = whenOnline(
              personas.find((x) => x.id === persona),
              WEEKDAYS[i % 5]!,
            );
            const weekday = await ask.choose(
              t('init.content.weekday'),
              WEEKDAYS.map((w, k) => ({ value: w, name: DAY_NAMES[ctx.lang][k] })),
              p?.weekday ?? when.weekday,
            );
            const time = (await ask.time(t('init.content.time', { timezone: metaOf(ctx).timezone }), {
              default: p?.time ?? when.time,
              check: (v) => schemaError(ss.time, v, t),
            }))!;
            const pillar = pillars.length
              ? await ask.choose(
                  t('init.content.slot_pillar'),
                  [{ value: '', name: t('init.content.any') }, ...pillars.map((x) => ({ value: x.id, name: x.name }))],
                  p?.pillar ?? '',
                )
              : undefined;
            const goal = goals.length
              ? await ask.choose(
                  t('init.content.slot_goal'),
                  [
                    ...goals.map((g) => ({ value: g.id, name: `${g.id}: ${g.statement}` })),
                    { value: '', name: t('init.skip') },
                  ],
                  p ? (p.goal ?? '') : goals[0]!.id,
                )
              : undefined;
            return compact({
              ...p,
              channel,
              weekday,
              time,
              pillar: pillar || undefined,
              persona: persona || undefined,
              goal: goal || undefined,
            });
          },
          b,
        );
      });
  content.slots = slotsDecided ?? (slots.length ? slots : undefined);

  say(`  ${t('init.content.special_why')}`);
  const meta = metaOf(ctx);
  const sd = await entries<SpecialDate>(ctx, { noun: 'special_date', previous: prev.special_dates }, async (_i, b) => {
    const name = await ask.required(t('init.content.special_name'), { default: b?.name });
    // An earlier entry without a date (a yearly event written by when) may stay so.
    const date = await ask.date(t('init.content.special_date'), {
      default: b?.date,
      optional: b !== undefined && b.date === undefined,
      check: (v) =>
        v < meta.start || v > meta.end
          ? t('init.content.special_outside', { start: meta.start, end: meta.end })
          : undefined,
    });
    const kind = await ask.choose(
      t('init.content.special_kind'),
      named(ctx, ['holiday', 'event', 'campaign', 'launch', 'other'] as const, 'special_kind'),
      b?.kind ?? 'event',
    );
    return compact({ ...b, date, name, kind });
  });
  content.special_dates = sd.length ? sd : undefined;
  const reserve = await entries<ReserveItem>(ctx, { noun: 'reserve', previous: prev.reserve }, async (_i, b) =>
    compact({ ...b, title: await ask.required(t('init.content.reserve_title'), { default: b?.title }) }),
  );
  content.reserve = reserve.length ? reserve : undefined;

  const people = (ctx.plan.team?.roles ?? []).map((r) => r.person ?? r.title);
  if (await ask.confirm(t('init.content.approval'), prev.approval?.required !== false)) {
    const approver = await ask.required(t('init.content.approval_role'), {
      default: prev.approval?.steps?.[0]?.role ?? ctx.d('init.default.approver'),
    });
    const who = await ask.text(t('init.content.approval_who'), {
      default: prev.approval?.steps?.[0] ? prev.approval.steps[0].who : people[0],
      optional: true,
    });
    const max_hours = await ask.number(t('init.content.approval_hours'), {
      schema: contentSchema.shape.approval.unwrap().shape.max_hours,
      default: prev.approval?.steps ? prev.approval.max_hours : 24,
      optional: true,
    });
    content.approval = compact({
      ...prev.approval,
      required: undefined,
      may_publish_alone: undefined,
      steps: [compact({ role: approver, who }), ...(prev.approval?.steps?.slice(1) ?? [])],
      max_hours,
    });
  } else {
    // "No approval" is a decision too: recorded, with who may then publish alone.
    // Those who publish today (owners of publishing tasks), else every role, else the channels' owners.
    const team = ctx.plan.team;
    const publishers = listOf(team?.tasks).flatMap((k) => (k.kind === 'publishing' && k.owner ? [k.owner] : []));
    const roles = publishers.length ? [...new Set(publishers)] : listOf(team?.roles).map((r) => r.id);
    const owners = listOf(ctx.plan.channels).flatMap((c) => (c.owner ? [c.owner] : []));
    const may_publish_alone = await ask.list(t('init.content.may_publish_alone'), {
      default: prev.approval?.may_publish_alone ?? (roles.length ? roles : [...new Set(owners)]),
      check: (items) => (items.length ? undefined : t('init.content.may_publish_alone_needed')),
    });
    content.approval = { required: false, may_publish_alone };
  }
  content.horizon_weeks = await ask.number(t('init.content.horizon'), {
    schema: contentSchema.shape.horizon_weeks,
    default: prev.horizon_weeks ?? 8,
  });
  return compact(content);
};
