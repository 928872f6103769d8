import { describe, expect, it } from 'vitest';
import { expectFindings, lintChanged } from '../helpers.js';

describe('pillar-shares', () => {
  it('not 100 % within half a percent', async () => {
    await expectFindings((p) => (p.content.pillars[0].share = 0.504), []);
    await expectFindings((p) => (p.content.pillars[0].share = 0.49), ['warning pillar-shares content.pillars']);
    const [f] = await lintChanged((p) => (p.content.pillars[0].share = 0.6));
    expect(f!.message).toBe("the pillars' shares add up to 110.0 %, not 100 %");
  });
});
