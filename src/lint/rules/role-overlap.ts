import type { Plan } from '../../plan/schema.js';
import type { PlanPath } from '../../diagnostics.js';
import { quote, sameText } from '../facts.js';
import { defineRule, type RuleReport } from '../rule.js';
import { listOf } from '../../plan/decisions.js';

/** "cm, designer", "Kari og Ola", "cm / hr": the parts of an owner that name several. */
const SEPARATOR = /\s+(?:and|og|и)\s+|\s*[,;/&+]\s*/i;

/** The roles an owner names, by role id, title or person. */
function rolesNamed(plan: Plan, owner: string): string[] {
  const roles = plan.team?.roles ?? [];
  const found = new Set<string>();
  for (const part of owner.split(SEPARATOR).map(sameText).filter(Boolean)) {
    const role = roles.find((r) =>
      [r.id, r.title, r.person].some((name) => name !== undefined && sameText(name) === part),
    );
    if (role) found.add(role.id);
  }
  return [...found];
}

/** Seeds 001 §4 and 002 §8: who does what, so that no two people do the work of one. */
export const roleOverlap = defineRule({
  id: 'role-overlap',
  severity: 'warning',
  method: '§10 People and process (seeds 001 §4, 002 §8: overlapping effort)',
  description:
    'Nobody duplicates work: a task or a channel has one owner (not several roles in one owner), the same task is not listed twice with different owners, and the same responsibility is not on two roles.',
  check(plan) {
    const reports: RuleReport[] = [];
    const several = (owner: string | undefined, path: PlanPath, what: string) => {
      if (owner === undefined) return;
      const roles = rolesNamed(plan, owner);
      if (roles.length >= 2)
        reports.push({
          path,
          message: `${what} is owned by ${roles.length} roles (${roles.join(', ')}): give it one owner`,
        });
    };
    listOf(plan.channels).forEach((c, i) => several(c.owner, ['channels', i, 'owner'], `channel ${c.id}`));

    const tasks = new Map<string, { owner: string | undefined; index: number }>();
    plan.team?.tasks?.forEach((t, i) => {
      several(t.owner, ['team', 'tasks', i, 'owner'], `the task ${quote(t.task)}`);
      const key = `${sameText(t.task)}\u0000${t.channel ?? ''}`;
      const earlier = tasks.get(key);
      if (!earlier) tasks.set(key, { owner: t.owner, index: i });
      else if ((earlier.owner ?? '') !== (t.owner ?? '')) {
        reports.push({
          path: ['team', 'tasks', i, 'task'],
          message: `the task ${quote(t.task)} is also at team.tasks[${earlier.index}] with another owner: one owner does it`,
        });
      }
    });

    const duties = new Map<string, string>();
    plan.team?.roles?.forEach((r, i) =>
      r.responsibilities?.forEach((duty, j) => {
        const key = sameText(duty);
        if (!key) return;
        const earlier = duties.get(key);
        if (earlier === undefined) duties.set(key, r.id);
        else if (earlier !== r.id) {
          reports.push({
            path: ['team', 'roles', i, 'responsibilities', j],
            message: `the responsibility ${quote(duty)} is on both ${earlier} and ${r.id}: give it to one of them`,
          });
        }
      }),
    );
    return reports;
  },
});
