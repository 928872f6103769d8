/** The governance section (optional): scope, owner and when the strategy is revised. */
import { CADENCES, governance as governanceSchema, isoDate } from '../../plan/schema.js';
import { type Ask, compact, named, notApplicable } from './common.js';

export const askGovernance: Ask<'governance'> = async (ctx) => {
  const { ask, t } = ctx;
  const no = await notApplicable(ctx, 'governance');
  if (no) return no;
  const prev = ctx.previous ?? {};
  const s = governanceSchema.shape;
  const scope = await ask.text(t('init.governance.scope'), { schema: s.scope, default: prev.scope, optional: true });
  const out_of_scope = await ask.list(t('init.governance.out_of_scope'), { default: prev.out_of_scope });
  const owner = await ask.text(t('init.governance.owner'), { default: prev.owner, optional: true });
  const cadence = await ask.choose(
    t('init.governance.revision'),
    named(ctx, CADENCES, 'cadence'),
    prev.revision?.cadence ?? 'yearly',
  );
  const next = await ask.text(t('init.governance.next'), {
    schema: isoDate,
    default: prev.revision?.next,
    optional: true,
  });
  const { not_applicable: _, ...kept } = prev;
  return compact({ ...kept, scope, out_of_scope, owner, revision: compact({ ...prev.revision, cadence, next }) });
};
