/** The situation section: the internal analysis, PEST, SWOT and the audit of the channels in use. */
import {
  AUDIT_DECISIONS,
  PAGE_ROLES,
  channelAuditEntry,
  internal as internalSchema,
  pest as pestSchema,
  swot as swotSchema,
  type Plan,
} from '../../plan/schema.js';
import { withValue } from '../check.js';
import { addressWarning, emailWarning } from '../warnings.js';
import { type Ask, entries, checkedEntry, sameShape, compact, named } from './common.js';

type Situation = NonNullable<Plan['situation']>;
type Internal = NonNullable<Situation['internal']>;
type AuditEntry = NonNullable<Situation['channel_audit']>[number];
type PastActivity = NonNullable<Internal['history']>[number];
type PageRole = NonNullable<AuditEntry['admins']>[number];

/** A field that may be one text or a list of texts, offered as a list. */
function asList(value: string | string[] | undefined): string[] | undefined {
  return typeof value === 'string' ? [value] : value;
}

export const askSituation: Ask<'situation'> = async (ctx) => {
  const { ask, say, t } = ctx;
  const prev = ctx.previous ?? {};
  const situation: Situation = { ...prev };

  if (await ask.confirm(t('init.situation.internal'), prev.internal !== undefined)) {
    const p: Internal = prev.internal ?? {};
    const s = internalSchema.shape;
    const about = await ask.text(t('init.situation.about'), { default: p.about, optional: true });
    const offering = sameShape(
      p.offering,
      await ask.list(t('init.situation.offering'), { default: asList(p.offering) }),
    );
    const level = await ask.choose<'' | 'adequate' | 'limited'>(
      t('init.situation.resources'),
      [{ value: '', name: t('init.skip') }, ...named(ctx, ['adequate', 'limited'] as const, 'resources')],
      p.resources?.level ?? '',
    );
    const notes = level
      ? await ask.text(t('init.situation.resource_notes'), { default: p.resources?.notes, optional: true })
      : undefined;
    const reputation = await ask.text(t('init.situation.reputation'), { default: p.reputation, optional: true });
    const history = await entries<PastActivity>(ctx, { noun: 'activity', previous: p.history }, async (_i, h) =>
      compact({
        ...h,
        what: await ask.required(t('init.situation.what'), {
          schema: s.history.unwrap().element.shape.what,
          default: h?.what,
        }),
        where: await ask.text(t('init.situation.where'), { default: h?.where, optional: true }),
        result: await ask.text(t('init.situation.result'), { default: h?.result, optional: true }),
      }),
    );
    situation.internal = compact({
      ...p,
      about,
      offering,
      reputation,
      resources: level ? compact({ ...p.resources, level, notes }) : undefined,
      history: history.length ? history : undefined,
    });
  }

  say(`  ${t('init.situation.pest_why')}`);
  if (await ask.confirm(t('init.situation.pest'), prev.external?.pest !== undefined)) {
    const p = prev.external?.pest ?? {};
    const pest: Record<string, string | string[] | undefined> = {};
    // Object.keys types its keys as strings; these are the schema's own.
    for (const factor of Object.keys(pestSchema.shape) as (keyof typeof p)[]) {
      pest[factor] = sameShape(
        p[factor],
        await ask.list(t(`init.situation.pest.${factor}`), { default: asList(p[factor]) }),
      );
    }
    const landscape = await ask.text(t('init.situation.landscape'), {
      default: prev.external?.landscape,
      optional: true,
    });
    situation.external = compact({ ...prev.external, landscape, pest: compact({ ...p, ...pest }) });
  }

  say(`  ${t('init.situation.swot_why')}`);
  if (await ask.confirm(t('init.situation.swot'), prev.swot !== undefined)) {
    const p = prev.swot ?? {};
    const swot: Record<string, string[] | undefined> = {};
    // Object.keys types its keys as strings; these are the schema's own.
    for (const part of Object.keys(swotSchema.shape) as (keyof typeof p)[]) {
      swot[part] = await ask.list(t(`init.situation.swot.${part}`), { default: p[part] });
    }
    situation.swot = compact(swot);
  }

  say(`  ${t('init.situation.audit_why')}`);
  const s = channelAuditEntry.shape;
  const audit = await entries<AuditEntry>(
    ctx,
    { noun: 'profile', previous: prev.channel_audit },
    async (i, p, soFar, rest) =>
      checkedEntry(
        ctx,
        ['situation', 'channel_audit', i],
        (e) => withValue(ctx.plan, ['situation'], { ...situation, channel_audit: [...soFar, e, ...rest] }),
        async (b) => {
          const channel = (await ask.channel(t('init.audit.channel'), { default: b?.channel }))!;
          const handle = await ask.text(t('init.audit.handle'), {
            schema: s.handle,
            default: b?.handle,
            optional: true,
            warn: (v) => addressWarning(t, v),
          });
          const active = await ask.confirm(t('init.audit.active'), b?.active ?? true);
          const worked = await ask.text(t('init.audit.worked'), {
            schema: s.worked,
            default: b?.worked,
            optional: true,
          });
          const did_not_work = await ask.text(t('init.audit.did_not_work'), {
            schema: s.did_not_work,
            default: b?.did_not_work,
            optional: true,
          });
          const why =
            worked || did_not_work
              ? await ask.text(t('init.audit.why'), { schema: s.why, default: b?.why, optional: true })
              : b?.why;
          const decision = await ask.choose(
            t('init.audit.decision'),
            named(ctx, AUDIT_DECISIONS, 'decision'),
            b?.decision ?? (active ? 'keep' : 'close'),
          );
          const owner = await ask.text(t('init.audit.owner'), { schema: s.owner, default: b?.owner, optional: true });
          say(`  ${t('init.audit.roles_why')}`);
          const admins = await entries<PageRole>(
            ctx,
            { noun: 'page_role', params: { channel }, previous: b?.admins },
            async (_j, a) => {
              const name = await ask.required(t('init.audit.admin_name'), { default: a?.name });
              const role = await ask.choose(
                t('init.audit.admin_role', { name }),
                named(ctx, PAGE_ROLES, 'page_role'),
                a?.role ?? 'editor',
              );
              const left = await ask.confirm(t('init.audit.admin_left', { name }), a?.left ?? false);
              return compact({ ...a, name, role, left: left || undefined });
            },
          );
          const stays = admins.find((a) => !a.left)?.name;
          const login_holder = await ask.text(t('init.audit.login_holder'), {
            schema: s.login_holder,
            default: b ? b.login_holder : (owner ?? stays),
            optional: true,
          });
          const login_email = await ask.text(t('init.audit.login_email'), {
            schema: s.login_email,
            default: b?.login_email,
            optional: true,
            warn: (v) => emailWarning(t, v),
          });
          return compact({
            ...b,
            channel,
            handle,
            active,
            worked,
            did_not_work,
            why,
            decision,
            owner,
            login_holder,
            login_email,
            admins: admins.length ? admins : undefined,
          });
        },
        p,
      ),
  );
  situation.channel_audit = audit.length ? audit : undefined;
  const value = compact(situation);
  return Object.keys(value).length ? value : undefined;
};
