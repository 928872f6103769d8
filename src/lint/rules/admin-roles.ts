import { defineRule, type RuleReport } from '../rule.js';

/** Channel audit (method §1): not everyone an administrator; people who left are removed. */
export const adminRoles = defineRule({
  id: 'admin-roles',
  severity: 'warning',
  method: '§1 Situation analysis (channel audit)',
  description:
    'In the channel audit, not everyone is an administrator (two or more people, all with role admin) and nobody who has left the organisation still holds a page role.',
  check(plan) {
    const reports: RuleReport[] = [];
    plan.situation?.channel_audit?.forEach((entry, i) => {
      const admins = entry.admins ?? [];
      if (admins.length >= 2 && admins.every((a) => a.role === 'admin')) {
        reports.push({
          path: ['situation', 'channel_audit', i, 'admins'],
          message: `all ${admins.length} people on ${entry.channel} are administrators: give editors, moderators or analysts the role they need`,
          anchor: 'key',
        });
      }
      admins.forEach((a, j) => {
        if (a.left) {
          reports.push({
            path: ['situation', 'channel_audit', i, 'admins', j, 'left'],
            message: `${a.name} has left but still holds the ${a.role} role on ${entry.channel}: remove them`,
          });
        }
      });
    });
    return reports;
  },
});
