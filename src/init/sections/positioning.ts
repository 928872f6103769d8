/** The positioning section: the position the organisation takes against its competitors. */
import { positioning as positioningSchema } from '../../plan/schema.js';
import { type Ask, compact, skipOrDo } from './common.js';

export const askPositioning: Ask<'positioning'> = async (ctx) => {
  const { ask, t } = ctx;
  if (!(await skipOrDo(ctx, t('init.positioning.start')))) return ctx.previous;
  const prev = ctx.previous ?? {};
  const s = positioningSchema.shape;
  const statement = await ask.required(t('init.positioning.statement'), {
    schema: s.statement,
    default: prev.statement,
  });
  const voice = await ask.text(t('init.positioning.voice'), { default: prev.voice, optional: true });
  const brand_position = await ask.text(t('init.positioning.brand_position'), {
    default: prev.brand_position,
    optional: true,
  });
  const unique = await ask.text(t('init.positioning.unique'), { default: prev.unique, optional: true });
  const engaging = await ask.text(t('init.positioning.engaging'), { default: prev.engaging, optional: true });
  const realistic = await ask.text(t('init.positioning.realistic'), { default: prev.realistic, optional: true });
  return compact({ ...prev, statement, voice, brand_position, unique, engaging, realistic });
};
