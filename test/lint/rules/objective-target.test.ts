import { describe, it } from 'vitest';
import { expectFindings } from '../helpers.js';

describe('objective-target', () => {
  it('a relative target of a zero baseline, a decrease below -100 %', async () => {
    await expectFindings(
      (p) => Object.assign(p.objectives[2], { baseline: 0, target: '+50%' }),
      ['error objective-target objectives[2].target'],
    );
    await expectFindings((p) => (p.objectives[2].target = '-150%'), ['error objective-target objectives[2].target']);
    await expectFindings((p) => (p.objectives[2].target = '-100%'), ['warning achievable-target objectives[2].target']);
  });
});
