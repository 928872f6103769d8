import { quote } from '../facts.js';
import { defineRule, type RuleReport } from '../rule.js';
import { listOf } from '../../plan/decisions.js';

/** Clear responsibilities: work nobody owns is not done (method §10). */
export const owners = defineRule({
  id: 'owners',
  severity: 'warning',
  method: '§10 People and process',
  description:
    'Every channel (channels[].owner, or the owner of each of its accounts) and every team task (team.tasks[].owner) has an owner.',
  check(plan) {
    const reports: RuleReport[] = [];
    listOf(plan.channels).forEach((c, i) => {
      // A channel kept as several accounts is owned when each account names its owner.
      const accountsOwned = !!c.accounts?.length && c.accounts.every((a) => a.owner !== undefined);
      if (c.owner === undefined && !accountsOwned)
        reports.push({ path: ['channels', i, 'owner'], message: `channel ${c.id} has no owner: who runs it?` });
    });
    plan.team?.tasks?.forEach((t, i) => {
      if (t.owner === undefined)
        reports.push({
          path: ['team', 'tasks', i, 'owner'],
          message: `the task ${quote(t.task)} has no owner: who does it?`,
        });
    });
    return reports;
  },
});
