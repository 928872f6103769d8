import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/diagnostics.js';
import { lintChanged, summarise } from '../helpers.js';

const slot = { channel: 'instagram', weekday: 'tue', time: '07:30', pillar: 'teach' };
/** This rule's findings only: a change may also draw other rules' advice. */
const own = (findings: Finding[]) => findings.filter((f) => f.rule === 'slot-persona-channel');

describe('slot-persona-channel', () => {
  it("a slot for a persona on a channel they do not use is a warning naming the persona's channels; on theirs, or for all, it is fine", async () => {
    expect(await lintChanged((p) => (p.content.slots = [{ ...slot, persona: 'busy-parent' }]))).toEqual([]);
    expect(await lintChanged((p) => (p.content.slots = [slot]))).toEqual([]);
    const findings = own(
      await lintChanged((p) => {
        p.channels.push({ id: 'tiktok', role: 'secondary' });
        p.content.slots = [{ ...slot, channel: 'tiktok', persona: 'busy-parent' }];
      }),
    );
    expect(summarise(findings)).toEqual(['warning slot-persona-channel content.slots[0].persona']);
    expect(findings[0]!.message).toBe(
      "the tiktok slot is for Busy parent, who does not use tiktok (Busy parent: instagram, facebook): post where your people are, or choose the channel's personas",
    );
  });

  it("the channel's personas count as using it; a persona with no channels of their own is judged by those lists alone", async () => {
    // Listed by the channel though not in the persona's own channels: fine.
    expect(
      own(
        await lintChanged((p) => {
          p.audience.personas[0].channels = [{ channel: 'facebook', share: 0.3 }];
          p.content.slots = [{ ...slot, persona: 'busy-parent' }];
          p.channels[0].personas = ['busy-parent'];
        }),
      ),
    ).toEqual([]);
    // No channels of their own, and the channel lists no personas: nothing to judge by.
    expect(
      own(
        await lintChanged((p) => {
          p.audience.personas[0].channels = undefined;
          p.content.slots = [{ ...slot, persona: 'busy-parent' }];
        }),
      ),
    ).toEqual([]);
    // No channels of their own, and not among the channel's personas.
    const findings = own(
      await lintChanged((p) => {
        p.audience.personas[0].channels = undefined;
        p.channels[0].personas = [];
        p.content.slots = [{ ...slot, persona: 'busy-parent' }];
      }),
    );
    expect(summarise(findings)).toEqual(['warning slot-persona-channel content.slots[0].persona']);
    expect(findings[0]!.message).toBe(
      "the instagram slot is for Busy parent, who does not use instagram: post where your people are, or choose the channel's personas",
    );
  });
});
