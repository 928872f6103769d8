import { describe, expect, it } from 'vitest';
import { expectOne } from '../helpers.js';

describe('channel-purpose (seeds 004 §3, 003 step 1)', () => {
  it('a channel that does not say what it is for, at the channel', async () => {
    const message = await expectOne(
      (p) => delete p.channels[1].purpose,
      'channel-purpose',
      'channels[1]',
      'id: facebook',
    );
    expect(message).toBe(
      'channel facebook does not say what it is for: add a purpose (why we are there, what it should do)',
    );
  });
});
