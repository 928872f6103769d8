/** The partners section (optional): who the organisation works with, and whether it is paid. */
import { listOf } from '../../plan/decisions.js';
import { PARTNER_KINDS, partner as partnerSchema } from '../../plan/schema.js';
import { slugId, uniqueId } from '../system.js';
import { type Ask, entries, compact, named, notApplicable } from './common.js';

export const askPartners: Ask<'partners'> = async (ctx) => {
  const { ask, t } = ctx;
  const no = await notApplicable(ctx, 'partners');
  if (no) return no;
  const prev = listOf(ctx.previous);
  const s = partnerSchema.shape;
  const list = await entries(ctx, { noun: 'partner', previous: prev, min: 1 }, async (i, b, soFar) => {
    const name = await ask.required(t('init.partners.name', { n: i + 1 }), { schema: s.name, default: b?.name });
    const kind = await ask.choose(
      t('init.partners.kind'),
      named(ctx, PARTNER_KINDS, 'partner_kind'),
      b?.kind ?? 'partner',
    );
    const purpose = await ask.text(t('init.partners.purpose'), { default: b?.purpose, optional: true });
    const paid = await ask.confirm(t('init.partners.paid'), b?.paid ?? false);
    const disclosure = paid
      ? await ask.text(t('init.partners.disclosure'), { default: b?.disclosure, optional: true })
      : b?.disclosure;
    const id =
      b?.id ??
      uniqueId(
        slugId(name, 'partner'),
        soFar.map((x) => x.id),
      );
    return compact({ ...b, id, name, kind, purpose, paid, disclosure });
  });
  return list.length ? list : undefined;
};
