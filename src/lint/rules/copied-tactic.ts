import { quote, sameText } from '../facts.js';
import { defineRule, type RuleReport } from '../rule.js';
import { listOf } from '../../plan/decisions.js';

/**
 * Method mistake 2, "make as the neighbour" (seeds 003, 004 §3): a competitor's tactic taken over
 * without checking it against our objectives. A tactic counts as adopted when it says so
 * (adopted_from) or repeats a competitor's better_at word for word.
 */
export const copiedTactic = defineRule({
  id: 'copied-tactic',
  severity: 'warning',
  method: '§4 Competitor research, §6 Channels and tactics (mistake 2: make as the neighbour)',
  description:
    "A tactic adopted from a competitor (tactics[].adopted_from, or an action that repeats a competitor's better_at) names the objectives it serves and says how we adapt it (adaptation): do better than them, not the same.",
  check(plan) {
    const borrowed = new Map<string, string>();
    for (const c of listOf(plan.competitors)) for (const b of c.better_at ?? []) borrowed.set(sameText(b), c.name);
    const reports: RuleReport[] = [];
    listOf(plan.channels).forEach((channel, i) =>
      channel.tactics?.forEach((t, j) => {
        const from = t.adopted_from ?? borrowed.get(sameText(t.action));
        if (from === undefined) return;
        const missing = [
          !t.objectives?.length && 'names no objective of ours',
          !t.adaptation?.trim() && 'says nothing of how we adapt it (adaptation)',
        ].filter((m): m is string => typeof m === 'string');
        if (!missing.length) return;
        reports.push({
          path: ['channels', i, 'tactics', j, t.adopted_from !== undefined ? 'adopted_from' : 'action'],
          message: `the tactic ${quote(t.action)} is taken from ${from} and ${missing.join(' and ')}: do better than them, not the same`,
        });
      }),
    );
    return reports;
  },
});
