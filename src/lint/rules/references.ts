import type { PlanPath } from '../../diagnostics.js';
import { defineRule, type RuleReport } from '../rule.js';
import { listOf } from '../../plan/decisions.js';

/** Ids that other sections point at must exist (a broken reference cannot be computed: an error). */
export const references = defineRule({
  id: 'references',
  severity: 'error',
  method: '§2 Objectives, §6 Channels and tactics',
  description:
    'Every id an entry refers to (goal, objective, persona, pillar, KPI, tactic, and the competitor a tactic is adopted from) exists in the plan; once the plan has a channels section, every channel named by an objective, slot, KPI, budget item, task, reserve item or special date is listed there.',
  check(plan) {
    const reports: RuleReport[] = [];
    const ids = {
      goal: new Set(plan.goals.map((g) => g.id)),
      objective: new Set(listOf(plan.objectives).map((o) => o.id)),
      persona: new Set((plan.audience?.personas ?? []).map((p) => p.id)),
      channel: Array.isArray(plan.channels) ? new Set(plan.channels.map((c) => c.id)) : undefined,
      pillar: new Set((plan.content?.pillars ?? []).map((p) => p.id)),
      kpi: new Set(listOf(plan.kpis).map((k) => k.id)),
      tactic: new Set(
        listOf(plan.channels).flatMap((c) => (c.tactics ?? []).flatMap((t) => (t.id === undefined ? [] : [t.id]))),
      ),
      competitor: new Set(listOf(plan.competitors).map((c) => c.name)),
    };
    const check = (kind: keyof typeof ids, value: string | undefined, path: PlanPath) => {
      const known = ids[kind];
      if (value === undefined || known === undefined || known.has(value)) return;
      const list = [...known];
      const section =
        kind === 'channel'
          ? 'channels'
          : kind === 'kpi'
            ? 'kpis'
            : kind === 'persona'
              ? 'audience.personas'
              : kind === 'pillar'
                ? 'content.pillars'
                : kind === 'tactic'
                  ? 'channels[].tactics'
                  : `${kind}s`;
      reports.push({
        path,
        message: `${kind} \`${value}\` is not defined in ${section}${list.length ? ` (defined: ${list.join(', ')})` : ' (none defined)'}`,
      });
    };

    listOf(plan.objectives).forEach((o, i) => {
      check('goal', o.goal, ['objectives', i, 'goal']);
      check('channel', o.channel, ['objectives', i, 'channel']);
    });
    listOf(plan.channels).forEach((c, i) => {
      c.personas?.forEach((p, j) => check('persona', p, ['channels', i, 'personas', j]));
      c.goals?.forEach((g, j) => check('goal', g, ['channels', i, 'goals', j]));
      c.kpis?.forEach((k, j) => check('kpi', k, ['channels', i, 'kpis', j]));
      c.tactics?.forEach((t, j) => {
        t.objectives?.forEach((o, k) => check('objective', o, ['channels', i, 'tactics', j, 'objectives', k]));
        check('competitor', t.adopted_from, ['channels', i, 'tactics', j, 'adopted_from']);
      });
    });
    listOf(plan.content?.slots).forEach((s, i) => {
      check('channel', s.channel, ['content', 'slots', i, 'channel']);
      check('pillar', s.pillar, ['content', 'slots', i, 'pillar']);
      check('persona', s.persona, ['content', 'slots', i, 'persona']);
      check('goal', s.goal, ['content', 'slots', i, 'goal']);
    });
    plan.content?.reserve?.forEach((r, i) => {
      check('pillar', r.pillar, ['content', 'reserve', i, 'pillar']);
      check('channel', r.channel, ['content', 'reserve', i, 'channel']);
    });
    plan.content?.special_dates?.forEach((d, i) =>
      d.channels?.forEach((c, j) => check('channel', c, ['content', 'special_dates', i, 'channels', j])),
    );
    listOf(plan.kpis).forEach((k, i) => {
      check('objective', k.objective, ['kpis', i, 'objective']);
      check('channel', k.channel, ['kpis', i, 'channel']);
    });
    plan.budget?.items?.forEach((item, i) => {
      check('channel', item.channel, ['budget', 'items', i, 'channel']);
      item.objectives?.forEach((o, j) => check('objective', o, ['budget', 'items', i, 'objectives', j]));
      item.tactics?.forEach((t, j) => check('tactic', t, ['budget', 'items', i, 'tactics', j]));
    });
    plan.team?.tasks?.forEach((t, i) => check('channel', t.channel, ['team', 'tasks', i, 'channel']));
    return reports;
  },
});
