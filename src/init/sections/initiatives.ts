/** The initiatives section (optional): the projects the strategy starts. */
import { listOf } from '../../plan/decisions.js';
import { INITIATIVE_KINDS, initiative as initiativeSchema } from '../../plan/schema.js';
import { slugId, uniqueId } from '../system.js';
import { type Ask, entries, compact, named, notApplicable, pickGoals } from './common.js';

export const askInitiatives: Ask<'initiatives'> = async (ctx) => {
  const { ask, t } = ctx;
  const no = await notApplicable(ctx, 'initiatives');
  if (no) return no;
  const prev = listOf(ctx.previous);
  const s = initiativeSchema.shape;
  const list = await entries(ctx, { noun: 'initiative', previous: prev, min: 1 }, async (i, b, soFar) => {
    const name = await ask.required(t('init.initiatives.name', { n: i + 1 }), { schema: s.name, default: b?.name });
    const kind = await ask.choose(
      t('init.initiatives.kind'),
      named(ctx, INITIATIVE_KINDS, 'initiative_kind'),
      b?.kind ?? 'programme',
    );
    const description = await ask.text(t('init.initiatives.description'), { default: b?.description, optional: true });
    const owner = await ask.text(t('init.initiatives.owner'), { default: b?.owner, optional: true });
    const when = await ask.text(t('init.initiatives.when'), { schema: s.when, default: b?.when, optional: true });
    const goals = await pickGoals(ctx, b?.goals);
    const measures = await ask.list(t('init.initiatives.measures'), { default: b?.measures });
    const id =
      b?.id ??
      uniqueId(
        slugId(name, 'initiative'),
        soFar.map((x) => x.id),
      );
    return compact({ ...b, id, name, kind, description, owner, when, goals, measures });
  });
  return list.length ? list : undefined;
};
