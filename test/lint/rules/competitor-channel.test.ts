import { describe, expect, it } from 'vitest';
import { expectFindings, lintChanged } from '../helpers.js';

describe('competitor-channel', () => {
  it('the networks of the complete plan are known: no finding', async () => {
    await expectFindings(() => {}, []);
  });

  it('a near miss of a known network, with its did-you-mean and whether we are there', async () => {
    await expectFindings(
      (p) => (p.competitors[2].channels[0].channel = 'tiktokk'),
      ['warning competitor-channel competitors[2].channels[0].channel'],
    );
    const [f] = await lintChanged((p) => (p.competitors[2].channels[0].channel = 'tiktokk'));
    expect(f!.message).toBe(
      '`tiktokk` is not a network smplan knows: did you mean `tiktok`? (we are not on tiktok ourselves)',
    );
    // A near miss of one of our own channels says nothing of our absence.
    const [own] = await lintChanged((p) => (p.competitors[2].channels[0].channel = 'facebok'));
    expect(own!.message).toBe('`facebok` is not a network smplan knows: did you mean `facebook`?');
  });

  it("an id that is nobody's near miss is a network of its own", async () => {
    await expectFindings((p) => (p.competitors[2].channels[0].channel = 'vk'), []);
  });
});
