import { describe, expect, it } from 'vitest';
import { lintChanged, summarise } from '../helpers.js';

describe('capacity', () => {
  it('is not judged while no role states a share of time', async () => {
    expect(await lintChanged((p) => (p.team.roles[0].backup = undefined))).toEqual([]);
  });

  it('every role states its share and a backup once one does', async () => {
    const findings = await lintChanged((p) => {
      p.team.roles[0].share = 0.5;
      p.team.roles.push({ id: 'owner', title: 'Studio owner', person: 'Ola' });
    });
    expect(summarise(findings)).toEqual(['warning capacity team.roles[0].backup', 'warning capacity team.roles[1]']);
    expect(findings[0]!.message).toBe('the role cm has no backup: who steps in when Kari is away?');
  });

  it('the posts promised a week must fit the time the shares give', async () => {
    const slot = { channel: 'instagram', weekday: 'tue', time: '07:30', pillar: 'teach' };
    const promise = (n: number, share: number) => (p: Record<string, any>) => {
      p.team.roles[0].share = share;
      p.team.roles[0].backup = 'Ola';
      p.content.slots = Array.from({ length: n }, () => slot);
    };
    // 0.1 of a week makes 2 posts.
    expect(summarise(await lintChanged(promise(2, 0.1)))).toEqual([]);
    const findings = await lintChanged(promise(3, 0.1));
    expect(summarise(findings)).toEqual(['warning capacity team.roles']);
    expect(findings[0]!.message).toBe(
      "the plan promises 3 posts a week, more than the team's time allows (10 % of one person's week makes about 2): post less, or give the work more time",
    );
  });

  it('without slots, the channels stated posts a week (the least of a range) count', async () => {
    const findings = await lintChanged((p) => {
      p.team.roles[0].share = 0.1;
      p.team.roles[0].backup = 'Ola';
      p.content.slots = { not_applicable: 'We post as things happen' };
      p.channels[0].posts_per_week = { min: 2, max: 6 };
      p.channels[1].posts_per_week = 1;
    });
    expect(summarise(findings)).toEqual(['warning capacity team.roles']);
  });
});
