import { defineRule, type RuleReport } from '../rule.js';

/** A contingency plan: what triggers a crisis, who responds, how (method §11). */
export const crisisHandbook = defineRule({
  id: 'crisis-handbook',
  severity: 'warning',
  method: '§11 Crisis handbook',
  description:
    'The crisis handbook has triggers, severity levels and responders; every level has a backup approver and a pre-approved holding statement.',
  check(plan) {
    const crisis = plan.crisis;
    // A plan with no handbook at all has an open point for it (open-point).
    // None at all is an open point (open-point); one stated not to apply is a decision.
    if (!crisis || crisis.not_applicable !== undefined) return [];
    const reports: RuleReport[] = [];
    const parts = [
      ['triggers', crisis.triggers, 'what starts a crisis?'],
      ['levels', crisis.levels, 'how serious is it, and who approves what we say?'],
      ['responders', crisis.responders, 'who responds?'],
    ] as const;
    for (const [key, list, question] of parts) {
      if (!list?.length)
        reports.push({ path: ['crisis', key], message: `the crisis handbook has no ${key}: ${question}` });
    }
    crisis.levels?.forEach((level, i) => {
      const missing = [
        level.backup === undefined && ['backup approver', `who approves when ${level.approver} cannot be reached`],
        level.holding_statement === undefined && ['holding statement', 'what do we say first'],
      ].filter((m): m is string[] => Boolean(m));
      if (missing.length) {
        reports.push({
          path: ['crisis', 'levels', i],
          message: `crisis level ${level.level} has no ${missing.map((m) => m[0]).join(' and no ')}: ${missing.map((m) => m[1]).join(', and ')}?`,
        });
      }
    });
    return reports;
  },
});
