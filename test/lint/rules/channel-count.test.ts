import { describe, expect, it } from 'vitest';
import { expectFindings, lintChanged, summarise, type PlanData } from '../helpers.js';

const accounts = (n: number) => Array.from({ length: n }, (_, i) => ({ handle: `@studio_${i}`, owner: `Region ${i}` }));

describe('channel-count: accounts and owned channels count', () => {
  it('five accounts on one network are five places to keep up', async () => {
    expect(summarise(await lintChanged((p) => (p.channels[0].accounts = accounts(4))))).toEqual([]);
    const findings = await lintChanged((p) => (p.channels[0].accounts = accounts(5)));
    expect(summarise(findings)).toEqual(['warning channel-count channels']);
    expect(findings[0]!.message).toBe(
      '6 accounts and owned channels kept: being everywhere wastes time, money and energy; keep at most 5, where the personas are',
    );
  });

  it("a partner's or another team's channel is not ours to keep", async () => {
    const findings = await lintChanged((p) => {
      p.channels[0].accounts = accounts(4);
      p.channels.push({
        id: 'newsletter',
        kind: 'newsletter',
        role: 'other-team',
        purpose: 'The council sends it',
        owner: 'Council comms',
        personas: ['busy-parent'],
      });
    });
    expect(summarise(findings)).toEqual([]);
  });

  it('with no channel section, the audited profiles the plan keeps are counted', async () => {
    const audit = (n: number, decision: string) =>
      Array.from({ length: n }, (_, i) => ({ channel: `net${i}`, decision, login_holder: 'Kari' }));
    const findings = await lintChanged((p) => {
      delete p.channels;
      p.situation.channel_audit = [...audit(6, 'keep'), ...audit(2, 'close')];
    });
    expect(summarise(findings).filter((f) => f.includes('channel-count'))).toEqual([
      'warning channel-count situation.channel_audit',
    ]);
  });
});

describe('channel-count', () => {
  it('more than 2 primary, more than 5 in all', async () => {
    const add = (ids: string[], role: string) => (p: PlanData) =>
      ids.forEach((id) => p.channels.push({ id, role, purpose: 'Reach', owner: 'Kari', personas: ['busy-parent'] }));
    // No persona spends time on the new ones, so they also carry less of it than facebook.
    await expectFindings(add(['tiktok'], 'primary'), ['warning primary-channel-share channels[2].role']);
    await expectFindings(add(['tiktok', 'x'], 'primary'), [
      'warning primary-channel-share channels[2].role',
      'warning channel-count channels[3].role',
      'warning primary-channel-share channels[3].role',
    ]);
    await expectFindings(add(['tiktok', 'x', 'youtube'], 'secondary'), []);
    await expectFindings(add(['tiktok', 'x', 'youtube', 'threads'], 'secondary'), ['warning channel-count channels']);
  });
});
