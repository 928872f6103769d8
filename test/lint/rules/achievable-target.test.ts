import { describe, expect, it } from 'vitest';
import { expectFindings, lintChanged } from '../helpers.js';

describe('achievable-target', () => {
  it('above +300 % or below -90 %', async () => {
    await expectFindings((p) => (p.objectives[0].target = 8000), []); // +300 % exactly
    await expectFindings((p) => (p.objectives[0].target = 8001), ['warning achievable-target objectives[0].target']);
    await expectFindings(
      (p) => (p.objectives[1].target = '+1000%'),
      ['warning achievable-target objectives[1].target'],
    );
    // A count falling to a tenth is also probably a typo (falling-target); written as a change it says so.
    await expectFindings((p) => (p.objectives[0].target = 200), ['warning falling-target objectives[0].target']); // -90 % exactly
    await expectFindings((p) => (p.objectives[0].target = '-90%'), []);
    // An objective that says lower is better (complaints, waiting) is meant to fall.
    await expectFindings((p) => {
      p.objectives[0].target = 200;
      p.objectives[0].lower_is_better = true;
    }, []);
    await expectFindings((p) => (p.objectives[0].target = '-91%'), ['warning achievable-target objectives[0].target']);
    const [f] = await lintChanged((p) => (p.objectives[1].target = '+1000%'));
    expect(f!.message).toMatch(/^\+1,000 % \(40 to 440\) is above the \+300 %/);
  });
});
