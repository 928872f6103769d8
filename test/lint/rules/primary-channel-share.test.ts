import { describe, expect, it } from 'vitest';
import { expectOne } from '../helpers.js';

describe('primary-channel-share (seed 002 §5: 40 % / 20 %)', () => {
  it("a primary channel with less of the personas' time than a secondary one, at its role", async () => {
    const message = await expectOne(
      (p) => {
        p.audience.personas[0].channels = [
          { channel: 'instagram', share: 0.2 },
          { channel: 'facebook', share: 0.4 },
        ];
      },
      'primary-channel-share',
      'channels[0].role',
      'primary',
    );
    expect(message).toBe(
      "instagram is primary but carries 20 % of the personas' online time, less than the secondary facebook (40 %): swap their roles or check the shares",
    );
  });
});
