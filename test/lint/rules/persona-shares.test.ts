import { describe, expect, it } from 'vitest';
import { expectFindings, lintChanged } from '../helpers.js';

describe('persona-shares', () => {
  it('more than 100 % of online time', async () => {
    await expectFindings((p) => (p.audience.personas[0].channels[1].share = 0.404), []);
    await expectFindings(
      (p) => (p.audience.personas[0].channels[1].share = 0.5),
      ['warning persona-shares audience.personas[0].channels'],
    );
    const [f] = await lintChanged((p) => (p.audience.personas[0].channels[1].share = 0.5));
    expect(f!.message).toBe(
      "Busy parent's shares of online time add up to 110 %: they cannot spend more than 100 % of their time online",
    );
  });
});
