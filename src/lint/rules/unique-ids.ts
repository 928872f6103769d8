import type { PlanPath } from '../../diagnostics.js';
import { defineRule, type RuleReport } from '../rule.js';
import { listOf } from '../../plan/decisions.js';

/** Two entries with one id make every reference to it ambiguous: the plan cannot be read (an error). */
export const uniqueIds = defineRule({
  id: 'unique-ids',
  severity: 'error',
  method: '§2 Objectives, §3 People, §6 Channels and tactics, §7 Content, §8 KPIs',
  description:
    'Ids are unique within their section: goals, objectives, personas, channels, channel tactics (across all channels), content pillars, KPIs, team roles and budget items; a competitor is listed once and names each of its channels once.',
  check(plan) {
    const reports: RuleReport[] = [];
    const unique = (
      what: string,
      entries: readonly { value: string; path: PlanPath }[],
      normalise = (v: string) => v,
    ) => {
      const first = new Map<string, PlanPath>();
      for (const { value, path } of entries) {
        const key = normalise(value);
        const earlier = first.get(key);
        if (earlier) reports.push({ path, message: `${what} \`${value}\` is already defined at ${pathText(earlier)}` });
        else first.set(key, path);
      }
    };
    const ids = (section: PlanPath, list: readonly { id: string }[] | undefined) =>
      (list ?? []).map((e, i) => ({ value: e.id, path: [...section, i, 'id'] }));

    unique('goal id', ids(['goals'], plan.goals));
    unique('objective id', ids(['objectives'], listOf(plan.objectives)));
    unique('persona id', ids(['audience', 'personas'], plan.audience?.personas));
    unique('channel', ids(['channels'], listOf(plan.channels)));
    unique('pillar id', ids(['content', 'pillars'], plan.content?.pillars));
    unique('KPI id', ids(['kpis'], listOf(plan.kpis)));
    unique('role id', ids(['team', 'roles'], plan.team?.roles));
    unique(
      'tactic id',
      listOf(plan.channels).flatMap((c, i) =>
        (c.tactics ?? []).flatMap((t, j) =>
          t.id === undefined ? [] : [{ value: t.id, path: ['channels', i, 'tactics', j, 'id'] }],
        ),
      ),
    );
    unique(
      'budget item id',
      listOf(plan.budget?.items).flatMap((item, i) =>
        item.id === undefined ? [] : [{ value: item.id, path: ['budget', 'items', i, 'id'] }],
      ),
    );
    unique(
      'competitor',
      listOf(plan.competitors).map((c, i) => ({ value: c.name, path: ['competitors', i, 'name'] })),
      (name) => name.trim().toLowerCase(),
    );
    listOf(plan.competitors).forEach((c, ci) =>
      unique(
        `${c.name}'s channel`,
        c.channels.map((ch, chi) => ({ value: ch.channel, path: ['competitors', ci, 'channels', chi, 'channel'] })),
      ),
    );
    return reports;
  },
});

function pathText(path: PlanPath): string {
  // The entry, not its id key: "goals[0]".
  return path
    .slice(0, -1)
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p))
    .join('');
}
