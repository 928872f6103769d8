import { contentMixCheck, MAX_PROMOTIONAL_80_20, THIRDS_TOLERANCE } from '../../compute/content-mix.js';
import { formatPercent } from '../../wording.js';
import { defineRule } from '../rule.js';

export const contentMix = defineRule({
  id: 'content-mix',
  severity: 'warning',
  method: '§7 Content strategy and publishing plan (type of content)',
  description: `The pillars follow content.mix_rule, from the shares of pillars by kind: 80-20 means promotional pillars take at most ${MAX_PROMOTIONAL_80_20 * 100} %; thirds means promotional, value and conversation each take a third (within ${THIRDS_TOLERANCE * 100} points).`,
  check(plan) {
    const mix = contentMixCheck(plan.content);
    if (!mix) return [];
    const path = ['content', 'mix_rule'];
    if (!mix.checkable) {
      return [
        {
          path,
          message: `the ${mix.rule} mix cannot be checked: give the content pillars a kind (value, promotional, conversation, curated) and a share`,
        },
      ];
    }
    if (!mix.off.length) return [];
    if (mix.rule === '80-20') {
      return [
        {
          path,
          message: `promotional pillars take ${formatPercent(mix.shares.promotional, 0)} of posts: the 80-20 rule allows at most ${MAX_PROMOTIONAL_80_20 * 100} %`,
        },
      ];
    }
    return [
      {
        path,
        message: `the thirds rule wants about 33 % each; ${mix.off.map((k) => `${k.kind} is ${formatPercent(k.share, 0)}`).join(', ')}`,
      },
    ];
  },
});
