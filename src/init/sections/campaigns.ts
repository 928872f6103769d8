/** The campaigns section (optional): campaigns and recurring events, with their goals. */
import { listOf } from '../../plan/decisions.js';
import { CAMPAIGN_KINDS, RECURRENCES, campaign as campaignSchema, isoDate } from '../../plan/schema.js';
import { slugId, uniqueId } from '../system.js';
import { type Ask, entries, compact, named, notApplicable, pickGoals } from './common.js';

export const askCampaigns: Ask<'campaigns'> = async (ctx) => {
  const { ask, t } = ctx;
  const no = await notApplicable(ctx, 'campaigns');
  if (no) return no;
  const prev = listOf(ctx.previous);
  const s = campaignSchema.shape;
  const once = 'once' as const;
  const list = await entries(ctx, { noun: 'campaign', previous: prev, min: 1 }, async (i, b, soFar) => {
    const name = await ask.required(t('init.campaigns.name', { n: i + 1 }), { schema: s.name, default: b?.name });
    const kind = await ask.choose(
      t('init.campaigns.kind'),
      named(ctx, CAMPAIGN_KINDS, 'campaign_kind'),
      b?.kind ?? 'campaign',
    );
    const recurring = await ask.choose(
      t('init.campaigns.recurs'),
      [{ value: once, name: t('init.campaigns.once') }, ...named(ctx, RECURRENCES, 'recurs')],
      b?.recurs ?? once,
    );
    const recurs = recurring === once ? undefined : recurring;
    const when = await ask.text(t('init.campaigns.when'), { schema: s.when, default: b?.when, optional: true });
    const date = await ask.text(t('init.campaigns.date'), { schema: isoDate, default: b?.date, optional: true });
    const goals = await pickGoals(ctx, b?.goals);
    const id =
      b?.id ??
      uniqueId(
        slugId(name, 'campaign'),
        soFar.map((x) => x.id),
      );
    return compact({ ...b, id, name, kind, recurs, when, date, goals });
  });
  return list.length ? list : undefined;
};
