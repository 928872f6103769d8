import { PILLAR_KINDS } from '../../plan/schema.js';
import { formatPercent } from '../../wording.js';
import { defineRule, type RuleReport } from '../rule.js';

/** 80-20: at most a fifth of posts promote. */
export const MAX_PROMOTIONAL_80_20 = 0.2;
/** thirds: each of promotional, value and conversation within five points of a third. */
export const THIRDS_TOLERANCE = 0.05;

export const contentMix = defineRule({
  id: 'content-mix',
  severity: 'warning',
  method: '§7 Content strategy and publishing plan (type of content)',
  description: `The pillars follow content.mix_rule, from the shares of pillars by kind: 80-20 means promotional pillars take at most ${MAX_PROMOTIONAL_80_20 * 100} %; thirds means promotional, value and conversation each take a third (within ${THIRDS_TOLERANCE * 100} points).`,
  check(plan) {
    const rule = plan.content?.mix_rule;
    if (!rule) return [];
    const pillars = plan.content?.pillars ?? [];
    if (!pillars.some((p) => p.kind !== undefined)) {
      return [
        {
          path: ['content', 'mix_rule'],
          message: `the ${rule} mix cannot be checked: give the content pillars a kind (value, promotional, conversation, curated) and a share`,
        },
      ];
    }
    const share = Object.fromEntries(
      PILLAR_KINDS.map((k) => [k, pillars.filter((p) => p.kind === k).reduce((s, p) => s + p.share, 0)]),
    );
    const reports: RuleReport[] = [];
    if (rule === '80-20' && share.promotional! > MAX_PROMOTIONAL_80_20 + 1e-9) {
      reports.push({
        path: ['content', 'mix_rule'],
        message: `promotional pillars take ${formatPercent(share.promotional!, 0)} of posts: the 80-20 rule allows at most ${MAX_PROMOTIONAL_80_20 * 100} %`,
      });
    }
    if (rule === 'thirds') {
      const off = (['promotional', 'value', 'conversation'] as const).filter(
        (k) => Math.abs(share[k]! - 1 / 3) > THIRDS_TOLERANCE,
      );
      if (off.length) {
        reports.push({
          path: ['content', 'mix_rule'],
          message: `the thirds rule wants about 33 % each; ${off.map((k) => `${k} is ${formatPercent(share[k]!, 0)}`).join(', ')}`,
        });
      }
    }
    return reports;
  },
});
