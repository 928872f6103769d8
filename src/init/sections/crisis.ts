/** The crisis section: the severity levels and who does what at each. */
import { severity as severitySchema } from '../../plan/schema.js';
import { type Ask, entries, compact, skipOrDo, named } from './common.js';

const LEVELS = ['green', 'yellow', 'red'] as const;

export const askCrisis: Ask<'crisis'> = async (ctx) => {
  const { ask, t } = ctx;
  if (!(await skipOrDo(ctx, t('init.crisis.start')))) return ctx.previous;
  const prev = ctx.previous ?? {};
  const triggers = await ask.list(t('init.crisis.triggers'), { default: prev.triggers });
  const s = severitySchema.shape;
  const roles = ctx.plan.team?.roles ?? [];
  const people = roles.map((r) => r.person ?? r.title);
  const levels = await entries(ctx, { noun: 'level', previous: prev.levels, min: 1 }, async (i, b, soFar) => {
    const level = await ask.choose(
      t('init.crisis.level', { n: i + 1 }),
      named(ctx, LEVELS, 'level'),
      b?.level ?? LEVELS.find((l) => !soFar.some((x) => x.level === l)) ?? 'red',
    );
    const description = await ask.required(t('init.crisis.description', { level: t(`level.${level}`).toLowerCase() }), {
      schema: s.description,
      default: b?.description,
    });
    const approver = await ask.required(t('init.crisis.approver'), {
      schema: s.approver,
      default: b?.approver ?? people[0],
    });
    const backup = await ask.text(t('init.crisis.backup', { approver }), {
      schema: s.backup,
      default: b
        ? b.backup
        : (roles.find((r) => (r.person ?? r.title) === approver)?.backup ?? people.find((p) => p !== approver)),
      optional: true,
    });
    const respond_within_hours = await ask.number(t('init.crisis.hours'), {
      schema: s.respond_within_hours,
      default: b?.respond_within_hours,
      optional: true,
    });
    ctx.say(`  ${t('init.crisis.holding_why')}`);
    const holding_statement = await ask.text(t('init.crisis.holding'), {
      schema: s.holding_statement,
      default: b ? b.holding_statement : ctx.d('init.default.holding_statement'),
      optional: true,
    });
    return compact({ ...b, level, description, approver, backup, respond_within_hours, holding_statement });
  });
  const names = await ask.list(t('init.crisis.responders'), {
    default: ctx.previous ? prev.responders?.map((r) => r.name) : people.length ? people : undefined,
  });
  const responders = names?.map((name) => prev.responders?.find((r) => r.name === name) ?? { name });
  return compact({ ...prev, triggers, levels, responders });
};
