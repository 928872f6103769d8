import { describe, expect, it } from 'vitest';
import { lintChanged, summarise } from '../helpers.js';

describe('campaign-links', () => {
  it('campaigns and partners that name each other pass', async () => {
    const findings = await lintChanged((p) => {
      p.campaigns = [
        { id: 'yoga-day', name: 'Yoga day', recurs: 'yearly', month: 6, partners: ['cafe'], channels: ['instagram'] },
      ];
      p.partners = [{ id: 'cafe', name: 'Corner café', campaigns: ['yoga-day'], paid: false }];
      p.budget.items[0].campaigns = ['yoga-day'];
    });
    expect(summarise(findings)).toEqual([]);
  });

  it('reports a partner, campaign, objective or channel that is not defined', async () => {
    const findings = await lintChanged((p) => {
      p.campaigns = [
        { id: 'yoga-day', name: 'Yoga day', partners: ['gym'], objectives: ['sales'], channels: ['tiktok'] },
      ];
      p.partners = [{ id: 'cafe', name: 'Corner café', campaigns: ['fair'], channels: ['x'] }];
      p.budget.items[0].campaigns = ['spring'];
    });
    expect(summarise(findings).sort()).toEqual([
      'error campaign-links budget.items[0].campaigns[0]',
      'error campaign-links campaigns[0].channels[0]',
      'error campaign-links campaigns[0].objectives[0]',
      'error campaign-links campaigns[0].partners[0]',
      'error campaign-links partners[0].campaigns[0]',
      'error campaign-links partners[0].channels[0]',
    ]);
    expect(findings.find((f) => f.path === 'campaigns[0].partners[0]')!.message).toBe(
      'partner `gym` is not defined in partners (defined: cafe)',
    );
  });
});
