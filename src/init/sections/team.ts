/** The team section: the roles and the recurring tasks each holds. */
import { CADENCES, TASK_KINDS, role as roleSchema, task as taskSchema } from '../../plan/schema.js';
import { plansThePosts } from '../../lint/rules/planning-cadence.js';
import { slugId, uniqueId } from '../system.js';
import { type Ask, entries, unlessUnset, compact, skipOrDo, named } from './common.js';

/** The kind a task's wording suggests (en, nb, bg), offered as the default. */
function kindOf(task: string): (typeof TASK_KINDS)[number] {
  const text = task.toLowerCase();
  if (plansThePosts({ task, cadence: 'weekly' })) return 'planning';
  if (/answer|comment|reply|moderat|svar|kommentar|отговор|коментар/.test(text)) return 'community';
  if (/publish|publiser|публику/.test(text)) return 'publishing';
  if (/report|rapport|отчет/.test(text)) return 'reporting';
  if (/film|photo|video|design|foto|снима|видео/.test(text)) return 'production';
  return 'other';
}

export const askTeam: Ask<'team'> = async (ctx) => {
  const { ask, say, t, d } = ctx;
  if (!(await skipOrDo(ctx, t('init.team.start')))) return ctx.previous;
  const prev = ctx.previous ?? {};
  const model = await ask.choose(
    t('init.team.model'),
    named(ctx, ['in-house', 'agency', 'hybrid'] as const, 'model'),
    prev.model ?? 'in-house',
  );
  const rs = roleSchema.shape;
  const roles = await entries(ctx, { noun: 'role', previous: prev.roles, min: 1 }, async (i, b, soFar, rest) => {
    const title = await ask.required(t('init.team.role', { n: i + 1 }), {
      schema: rs.title,
      default: b?.title ?? (i === 0 ? d('init.default.community_manager') : undefined),
    });
    const id = await ask.required(t('init.short_id'), {
      schema: rs.id,
      default:
        b?.id ??
        uniqueId(
          slugId(title, 'role'),
          soFar.map((r) => r.id),
        ),
      check: (v) =>
        ctx.errors(
          { ...ctx.plan, team: { model, roles: [...soFar, { id: v, title }, ...rest] } },
          ['team', 'roles', i, 'id'],
          ['team', 'roles', i],
        ),
    });
    const person = await ask.text(t('init.team.person'), { schema: rs.person, default: b?.person, optional: true });
    const backup = await ask.text(t('init.team.backup'), { schema: rs.backup, default: b?.backup, optional: true });
    return compact({ ...b, id, title, person, backup });
  });
  const ts = taskSchema.shape;
  say(`  ${t('init.team.tasks_why')}`);
  const tasks = await entries(ctx, { noun: 'task', previous: prev.tasks, min: 1 }, async (i, b, soFar) => {
    const planned = soFar.some((x) => x.kind === 'planning');
    const task = await ask.required(t('init.team.task', { n: i + 1 }), {
      schema: ts.task,
      default: b?.task ?? (planned ? undefined : d('init.default.planning_task')),
    });
    const kind = await ask.choose(t('init.team.kind'), named(ctx, TASK_KINDS, 'task_kind'), b?.kind ?? kindOf(task));
    const owner = await ask.choose(
      t('init.team.owner'),
      roles.map((r) => ({ value: r.id, name: r.person ? `${r.title} (${r.person})` : r.title })),
      b?.owner ?? roles[0]!.id,
    );
    const cadence = await ask.choose(t('init.team.cadence'), named(ctx, CADENCES, 'cadence'), b?.cadence ?? 'weekly');
    return compact({ ...b, task, kind: unlessUnset(b, b?.kind, kind, kindOf(task)), owner, cadence });
  });
  say(`  ${t('init.team.escalation_why')}`);
  const routine = await ask.text(t('init.team.escalation'), {
    default: prev.escalation?.routine,
    optional: true,
  });
  const escalation = routine ? compact({ ...prev.escalation, routine }) : prev.escalation;
  return compact({ ...prev, model, roles, tasks: tasks.length ? tasks : undefined, escalation });
};
