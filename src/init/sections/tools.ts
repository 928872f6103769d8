/** The tools section: the tools the team uses and what for. */
import { listOf } from '../../plan/decisions.js';
import { tool as toolSchema } from '../../plan/schema.js';
import { type Ask, entries, compact, skipOrDo, named } from './common.js';

const TOOL_PURPOSES = toolSchema.shape.purpose.options;

export const askTools: Ask<'tools'> = async (ctx) => {
  const { ask, t } = ctx;
  if (!(await skipOrDo(ctx, t('init.tools.start')))) return ctx.previous;
  const s = toolSchema.shape;
  return entries(
    ctx,
    {
      noun: 'tool',
      previous: listOf(ctx.previous),
      min: 1,
    },
    async (i, b) => {
      const name = await ask.required(t('init.tools.name', { n: i + 1 }), { schema: s.name, default: b?.name });
      const purpose = await ask.choose(
        t('init.tools.purpose'),
        named(ctx, TOOL_PURPOSES, 'tool_purpose'),
        b?.purpose ?? 'scheduling',
      );
      return compact({ ...b, name, purpose });
    },
  );
};
