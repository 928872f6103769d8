import { describe, expect, it } from 'vitest';
import { lintChanged, summarise } from '../helpers.js';

const initiative = {
  id: 'open-studio',
  name: 'Open studio days',
  objectives: ['ig-followers'],
  channels: ['instagram'],
};

describe('initiative-links', () => {
  it('an initiative naming existing objectives and channels, funded by a budget item, passes', async () => {
    const findings = await lintChanged((p) => {
      p.initiatives = [initiative];
      p.budget.items[0].initiatives = ['open-studio'];
    });
    expect(summarise(findings)).toEqual([]);
  });

  it('reports an unknown objective, channel and funded initiative', async () => {
    const findings = await lintChanged((p) => {
      p.initiatives = [{ ...initiative, objectives: ['reach'], channels: ['tiktok'] }];
      p.budget.items[0].initiatives = ['podcast'];
    });
    expect(summarise(findings).sort()).toEqual([
      'error initiative-links budget.items[0].initiatives[0]',
      'error initiative-links initiatives[0].channels[0]',
      'error initiative-links initiatives[0].objectives[0]',
    ]);
    expect(findings.find((f) => f.path === 'budget.items[0].initiatives[0]')!.message).toBe(
      'initiative `podcast` is not defined in initiatives (defined: open-studio)',
    );
  });

  it('without a channels section any channel is accepted', async () => {
    const findings = await lintChanged((p) => {
      delete p.channels;
      p.initiatives = [{ ...initiative, channels: ['tiktok'] }];
    });
    expect(summarise(findings).filter((f) => f.includes('initiative-links'))).toEqual([]);
  });
});
