import { describe, expect, it } from 'vitest';
import { expectFindings, lintChanged } from '../helpers.js';

describe('references', () => {
  it('an objective naming a goal or channel that does not exist', async () => {
    await expectFindings(
      (p) => (p.objectives[0].goal = 'sales'),
      [
        // awareness has no objective left.
        'warning goal-without-objective goals[0].id',
        'error references objectives[0].goal',
      ],
    );
    await expectFindings((p) => (p.objectives[0].channel = 'tiktok'), ['error references objectives[0].channel']);
    await expectFindings((p) => (p.content.slots[0].pillar = 'memes'), ['error references content.slots[0].pillar']);
  });
});

describe('references to channels beyond objectives and slots', () => {
  it('KPIs, budget items, tasks, reserve items and special dates name chosen channels', async () => {
    await expectFindings(
      (p) => {
        p.kpis[0].channel = 'tiktok';
        p.budget.items[0].channel = 'x';
        p.team.tasks[0].channel = 'facebook';
        p.content.reserve = [{ title: 'Spare reel', channel: 'youtube' }];
        p.content.special_dates = [{ date: '2027-06-21', name: 'Yoga day', channels: ['instagram', 'pinterest'] }];
      },
      [
        'error references content.special_dates[0].channels[1]',
        'error references content.reserve[0].channel',
        'error references kpis[0].channel',
        'error references budget.items[0].channel',
      ],
    );
  });

  it('without a channels section any channel is accepted', async () => {
    const findings = await lintChanged((p) => {
      delete p.channels;
      p.kpis[0].channel = 'tiktok';
    });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
