/** The policies section (optional): accessibility, language, privacy, AI and moderation. */
import { type Ask, compact, notApplicable } from './common.js';

export const askPolicies: Ask<'policies'> = async (ctx) => {
  const { ask, t } = ctx;
  const no = await notApplicable(ctx, 'policies');
  if (no) return no;
  const prev = ctx.previous ?? {};
  // On a redo, a yes/no left unstated and answered with its default (yes) stays unstated.
  const stated = (was: boolean | undefined, now: boolean) =>
    ctx.previous !== undefined && was === undefined && now ? undefined : now;
  const alt_text = stated(
    prev.accessibility?.alt_text,
    await ask.confirm(t('init.policies.alt_text'), prev.accessibility?.alt_text ?? true),
  );
  const captions = stated(
    prev.accessibility?.captions,
    await ask.confirm(t('init.policies.captions'), prev.accessibility?.captions ?? true),
  );
  const wcag = await ask.text(t('init.policies.wcag'), { default: prev.accessibility?.wcag, optional: true });
  const languages = await ask.list(t('init.policies.languages'), { default: prev.language?.languages });
  const plain_language = stated(
    prev.language?.plain_language,
    await ask.confirm(t('init.policies.plain_language'), prev.language?.plain_language ?? true),
  );
  const privacy = await ask.text(t('init.policies.privacy'), { default: prev.privacy, optional: true });
  const ai = await ask.text(t('init.policies.ai'), { default: prev.ai, optional: true });
  const moderation = await ask.text(t('init.policies.moderation'), { default: prev.moderation, optional: true });
  const { not_applicable: _, ...kept } = prev;
  return compact({
    ...kept,
    accessibility: filled(compact({ ...prev.accessibility, alt_text, captions, wcag })),
    language: filled(compact({ ...prev.language, languages, plain_language })),
    privacy,
    ai,
    moderation,
  });
};

/** A part of a section with nothing stated is left out. */
function filled<T extends object>(o: T): T | undefined {
  return Object.keys(o).length ? o : undefined;
}
