import { describe, it } from 'vitest';
import { expectFindings } from '../helpers.js';

describe('channel-personas', () => {
  it('a channel no persona uses', async () => {
    await expectFindings(
      (p) => p.channels.push({ id: 'x', role: 'secondary', purpose: 'News', owner: 'Ola' }),
      ['warning channel-personas channels[2].id'],
    );
    // personas[].channels or channels[].personas: either says who is there.
    await expectFindings((p) => delete p.channels[1].personas, []);
    await expectFindings((p) => p.audience.personas[0].channels.pop(), []);
    await expectFindings(
      (p) => {
        p.audience.personas[0].channels.pop();
        delete p.channels[1].personas;
      },
      ['warning channel-personas channels[1].id'],
    );
  });
});
