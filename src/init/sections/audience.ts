/** The audience section: the target groups and their personas, with where and when they are online. */
import { KNOWN_CHANNELS, onlineTime, persona as personaSchema } from '../../plan/schema.js';
import { slugId, uniqueId } from '../system.js';
import { parseOnlineTime, showOnlineTime } from '../words.js';
import { type Ask, entries, checkedEntry, compact, skipOrDo, knownChannels } from './common.js';

export const askAudience: Ask<'audience'> = async (ctx) => {
  const { ask, t } = ctx;
  const prevPersonas = ctx.previous?.personas;
  if (!(await skipOrDo(ctx, t('init.audience.start')))) return ctx.previous;
  const s = personaSchema.shape;
  const personas = await entries(
    ctx,
    { noun: 'persona', previous: prevPersonas, min: 1 },
    async (i, prev, soFar, rest) =>
      checkedEntry(
        ctx,
        ['audience', 'personas', i],
        (p) => ({ ...ctx.plan, audience: { personas: [...soFar, p, ...rest] } }),
        async (b) => {
          const name = await ask.required(t('init.audience.name', { n: i + 1 }), {
            schema: s.name,
            default: b?.name,
          });
          const id = await ask.required(t('init.short_id'), {
            schema: s.id,
            default:
              b?.id ??
              uniqueId(
                slugId(name, 'persona'),
                soFar.map((p) => p.id),
              ),
            check: (v) =>
              ctx.errors(
                { ...ctx.plan, audience: { personas: [...soFar, { id: v, name }, ...rest] } },
                ['audience', 'personas', i, 'id'],
                ['audience', 'personas', i],
              ),
          });
          const ageText = await ask.text(t('init.audience.age'), {
            schema: s.age,
            default: b?.age !== undefined ? String(b.age) : undefined,
            optional: true,
          });
          const age = ageText !== undefined && /^\d+$/.test(ageText) ? Number(ageText) : ageText;
          const occupation = await ask.text(t('init.audience.occupation'), { default: b?.occupation, optional: true });
          const income = await ask.text(t('init.audience.income'), { default: b?.income, optional: true });
          const pains = await ask.list(t('init.audience.pains'), { default: b?.pains });
          const obstacles = await ask.list(t('init.audience.obstacles'), { default: b?.obstacles });
          const motivations = await ask.list(t('init.audience.motivations'), { default: b?.motivations });
          const interests = await ask.list(t('init.audience.interests'), { default: b?.interests });
          const likes = await ask.list(t('init.audience.likes'), { default: b?.likes });
          const dislikes = await ask.list(t('init.audience.dislikes'), { default: b?.dislikes });
          const objections = await ask.list(t('init.audience.objections'), { default: b?.objections });
          const known = [...new Set([...(b?.channels ?? []).map((c) => c.channel), ...knownChannels(ctx.plan)])];
          ctx.say(`  ${t('init.audience.shares_why')}`);
          const used = await ask.chooseMany(
            t('init.audience.networks'),
            [...new Set([...known, ...KNOWN_CHANNELS])].map((c) => ({
              value: c,
              checked: (b?.channels ?? []).some((x) => x.channel === c),
            })),
          );
          const channels: { channel: string; share: number }[] = [];
          for (const [k, channel] of used.entries()) {
            const had = b?.channels?.find((c) => c.channel === channel)?.share;
            const left = Math.max(0, 1 - channels.reduce((sum, c) => sum + c.share, 0));
            const share = (await ask.percent(t('init.audience.share', { channel }), {
              schema: s.channels.unwrap().element.shape.share,
              default: had ?? Math.floor((left * 100) / (used.length - k)) / 100,
              check: (v) =>
                v > left + 1e-9
                  ? `the shares would add up to more than 100 % (${Math.round(left * 100)} % is left)`
                  : undefined,
            }))!;
            channels.push({ channel, share });
          }
          ctx.say(`  ${t('init.audience.online_why')}`);
          const spans = await ask.list(t('init.audience.online', { example: t('init.audience.online_example') }), {
            default: b?.online_times?.map((w) => showOnlineTime(w, ctx.lang)),
            check: (items) => {
              const bad = items.find((w) => !onlineTime.safeParse(parseOnlineTime(w) ?? {}).success);
              return bad === undefined ? undefined : t('init.audience.online_wrong', { bad });
            },
          });
          // A window as it was (with its note) when its text is unchanged.
          const online_times = spans?.map((w) => {
            const read = parseOnlineTime(w)!;
            const same = b?.online_times?.find((x) => showOnlineTime(x, ctx.lang) === showOnlineTime(read, ctx.lang));
            return same ?? read;
          });
          return compact({
            ...b,
            id,
            name,
            age,
            occupation,
            income,
            pains,
            obstacles,
            motivations,
            interests,
            likes,
            dislikes,
            objections,
            channels: channels.length ? channels : undefined,
            online_times,
          });
        },
        prev,
      ),
  );
  return { personas };
};
