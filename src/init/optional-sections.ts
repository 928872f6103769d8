/**
 * The questions of the sections a real strategy may add beyond the method's (governance,
 * initiatives, partners, campaigns, policies), asked with `smplan init --section NAME`. Each may
 * instead be stated not to apply, with the reason: a decision the document prints.
 */
import {
  CADENCES,
  CAMPAIGN_KINDS,
  INITIATIVE_KINDS,
  PARTNER_KINDS,
  RECURRENCES,
  campaign as campaignSchema,
  governance as governanceSchema,
  initiative as initiativeSchema,
  isoDate,
  partner as partnerSchema,
  type Campaign,
  type Goal,
  type Governance,
  type Initiative,
  type OPTIONAL_SECTIONS,
  type Partner,
  type Policies,
} from '../plan/schema.js';
import { compact, entries, named, type SectionContext } from './sections.js';
import { slugId, uniqueId } from './system.js';

type Ask = (ctx: SectionContext) => Promise<unknown>;

/** Does the section apply? No: its reason, kept as `not_applicable`. Undefined: go on and ask it. */
async function notApplicable(ctx: SectionContext, name: string): Promise<{ not_applicable: string } | undefined> {
  const prev = ctx.previous as { not_applicable?: string } | undefined;
  const stated = typeof prev?.not_applicable === 'string';
  if (await ctx.ask.confirm(ctx.t(`init.${name}.applies`), !stated)) return undefined;
  const reason = await ctx.ask.required(ctx.t('init.not_applicable.reason'), {
    default: stated ? prev!.not_applicable : undefined,
  });
  return { not_applicable: reason };
}

function goalIds(ctx: SectionContext): string[] {
  return ((ctx.plan.goals as Goal[] | undefined) ?? []).map((g) => g.id);
}

async function pickGoals(ctx: SectionContext, previous: string[] | undefined): Promise<string[] | undefined> {
  const goals = goalIds(ctx);
  if (!goals.length) return previous;
  const picked = await ctx.ask.chooseMany(
    ctx.t('init.optional.goals'),
    goals.map((g) => ({ value: g, checked: previous?.includes(g) ?? false })),
  );
  return picked.length ? picked : undefined;
}

const askGovernance: Ask = async (ctx) => {
  const { ask, t } = ctx;
  const no = await notApplicable(ctx, 'governance');
  if (no) return no;
  const prev = (ctx.previous ?? {}) as Governance;
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

const askInitiatives: Ask = async (ctx) => {
  const { ask, t } = ctx;
  const no = await notApplicable(ctx, 'initiatives');
  if (no) return no;
  const prev = Array.isArray(ctx.previous) ? (ctx.previous as Initiative[]) : [];
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

const askPartners: Ask = async (ctx) => {
  const { ask, t } = ctx;
  const no = await notApplicable(ctx, 'partners');
  if (no) return no;
  const prev = Array.isArray(ctx.previous) ? (ctx.previous as Partner[]) : [];
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

const askCampaigns: Ask = async (ctx) => {
  const { ask, t } = ctx;
  const no = await notApplicable(ctx, 'campaigns');
  if (no) return no;
  const prev = Array.isArray(ctx.previous) ? (ctx.previous as Campaign[]) : [];
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

const askPolicies: Ask = async (ctx) => {
  const { ask, t } = ctx;
  const no = await notApplicable(ctx, 'policies');
  if (no) return no;
  const prev = (ctx.previous ?? {}) as Policies;
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

export const OPTIONAL_ASKERS: Record<(typeof OPTIONAL_SECTIONS)[number], Ask> = {
  governance: askGovernance,
  initiatives: askInitiatives,
  partners: askPartners,
  campaigns: askCampaigns,
  policies: askPolicies,
};
