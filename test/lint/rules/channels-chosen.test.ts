import { describe, it } from 'vitest';
import { expectFindings } from '../helpers.js';

describe('channels-chosen', () => {
  it('objectives and slots name channels while there is no channels section', async () => {
    await expectFindings(
      (p) => {
        delete p.channels;
        p.content.slots.push(
          { channel: 'tiktok', weekday: 'fri', time: '18:00' },
          { channel: 'instagram', weekday: 'fri', time: '18:00' },
        );
      },
      [
        'warning open-point channels',
        'warning channels-chosen objectives[0].channel',
        'warning channels-chosen content.slots[1].channel',
      ],
    );
  });
});
