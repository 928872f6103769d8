import { sameText } from '../facts.js';
import { defineRule, type RuleReport } from '../rule.js';

/** A login holder written as not known, in the plan's languages. */
const UNKNOWN =
  /^(\?+|-+|–|n\/a|none|nobody|unknown|not known|ingen|ukjent|vet ikke|никой|неизвестно|неясно)(?=$|[\s;,.:(])/i;

/** Seed 004 §3: list the usernames, passwords and the e-mail each account is tied to. */
export const loginHolder = defineRule({
  id: 'login-holder',
  severity: 'warning',
  method: '§1 Situation analysis (channel audit; seed 004 §3: who holds each login)',
  description:
    'Every audited profile we keep, prioritise or take over has a known login holder (channel_audit[].login_holder, not "unknown"), and the login holder is not someone listed as having left.',
  check(plan) {
    const reports: RuleReport[] = [];
    plan.situation?.channel_audit?.forEach((entry, i) => {
      if (entry.decision === 'close') return;
      const holder = entry.login_holder?.trim();
      if (!holder || UNKNOWN.test(holder)) {
        reports.push({
          path: holder ? ['situation', 'channel_audit', i, 'login_holder'] : ['situation', 'channel_audit', i],
          message: `nobody known holds the login of ${entry.channel}${entry.handle ? ` (${entry.handle})` : ''}: find out who does, and which e-mail it is tied to`,
        });
        return;
      }
      const left = entry.admins?.find((a) => a.left && sameText(holder).includes(sameText(a.name)));
      if (left) {
        reports.push({
          path: ['situation', 'channel_audit', i, 'login_holder'],
          message: `the login of ${entry.channel} is held by ${left.name}, who has left: move it to someone who is staying`,
        });
      }
    });
    return reports;
  },
});
