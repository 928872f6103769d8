/** The decision page's computed blocks: the first 90 days from the plan, and not-applicable sections to confirm. */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/schema.js';
import { firstSteps, notApplicableSections } from '../../src/render/summary.js';

const plan = {
  plan: { start: '2027-01-01', end: '2027-12-31' },
  goals: [],
  channels: [
    {
      id: 'instagram',
      role: 'primary',
      owner: 'Kari',
      activations: [
        { name: 'Spring launch', date: '2027-03-01' },
        { name: 'Summer', date: '2027-06-01' },
        { name: 'Undated' },
      ],
    },
    { id: 'tiktok', role: 'secondary', activations: [{ name: 'Challenge', date: '2027-01-20' }] },
  ],
  content: {
    special_dates: [
      { date: '2027-01-01', name: 'New Year', kind: 'holiday' },
      { date: '2027-02-14', name: "Valentine's menu", kind: 'campaign', channels: ['instagram', 'tiktok'] },
    ],
  },
} as unknown as Plan;

describe('the first 90 days', () => {
  it('lists dated activations and special dates (not public holidays) in date order, with the channel owners', () => {
    expect(firstSteps(plan).map((s) => [s.date, s.name, s.owners])).toEqual([
      ['2027-01-20', 'Challenge', []],
      ['2027-02-14', "Valentine's menu", ['Kari']],
      ['2027-03-01', 'Spring launch', ['Kari']],
    ]);
  });
  it('runs from the measurement date with actuals, and holds at most five steps', () => {
    expect(firstSteps(plan, '2027-04-30').map((s) => s.name)).toEqual(['Summer']);
    expect(firstSteps(plan, '2027-01-01', 2)).toHaveLength(2);
  });
});

describe('sections marked not applicable', () => {
  it('are read with their reason where the plan states one, and nothing otherwise', () => {
    expect(notApplicableSections(plan)).toEqual([]);
    const marked = { ...plan, competitors: { not_applicable: 'We compare with peers' } } as unknown as Plan;
    expect(notApplicableSections(marked)).toEqual([{ section: 'competitors', reason: 'We compare with peers' }]);
  });
});
