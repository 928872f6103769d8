import { describe, expect, it } from 'vitest';
import { lintChanged, summarise } from '../helpers.js';

describe('budget-unlinked', () => {
  it('is quiet when every item names the objectives or tactics it funds', async () => {
    expect(summarise(await lintChanged(() => {}))).toEqual([]);
  });

  it('reports spend that names neither (its channel is no link)', async () => {
    const findings = await lintChanged((p) => {
      p.budget.items[1].objectives = undefined;
      p.budget.items[1].channel = 'instagram';
    });
    expect(summarise(findings)).toEqual(['warning budget-unlinked budget.items[1].name']);
    expect(findings[0]!.message).toBe(
      'the budget item "Scheduling tool" names no objective or tactic: which objective does this spend fund? (add objectives: or tactics:)',
    );
  });

  it('leaves a plan without objectives to open-point (nothing to link to yet)', async () => {
    const findings = await lintChanged((p) => {
      p.objectives = [];
      delete p.kpis;
      delete p.channels[0].tactics;
      for (const item of p.budget.items) delete item.objectives;
    });
    expect(summarise(findings).filter((f) => f.includes('budget-unlinked'))).toEqual([]);
  });

  it('takes a named tactic as a link, and leaves an item without cost alone', async () => {
    expect(
      summarise(
        await lintChanged((p) => {
          p.channels[0].tactics[0].id = 'reels';
          p.budget.items[0].objectives = undefined;
          p.budget.items[0].tactics = ['reels'];
          p.budget.items.push({ name: 'Volunteer photos', category: 'other', cost: 0, per: 'year', roi: 'long' });
        }),
      ),
    ).toEqual([]);
  });
});
