import { describe, expect, it } from 'vitest';
import { expectFindings, lintChanged } from '../helpers.js';

describe('falling-target', () => {
  it('targets above their baselines: no finding', async () => {
    await expectFindings(() => {}, []);
  });

  it('a count whose target is a number below its baseline, with the change it would be', async () => {
    await expectFindings((p) => (p.objectives[0].target = 300), ['warning falling-target objectives[0].target']);
    const [f] = await lintChanged((p) => (p.objectives[0].target = 300));
    expect(f!.message).toMatch(
      /^followers would fall from 2,000 to 300 \(-85 %\): this objective goes down\..*target: "-85%"\)$/,
    );
  });

  it('a fall written as a change, said with lower_is_better, or of money or time is meant', async () => {
    await expectFindings((p) => (p.objectives[0].target = '-20%'), []);
    await expectFindings((p) => Object.assign(p.objectives[0], { target: 300, lower_is_better: true }), []);
    await expectFindings((p) => Object.assign(p.objectives[0], { target: 300, unit: 'hours' }), []);
    await expectFindings((p) => Object.assign(p.objectives[0], { target: 300, unit: 'NOK' }), []);
  });
});
