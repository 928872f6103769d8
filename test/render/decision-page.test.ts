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

describe('the 90 days: dates the team acts on, each event once', () => {
  const acting = {
    plan: { start: '2027-01-01', end: '2027-12-31' },
    goals: [],
    channels: [
      {
        id: 'linkedin',
        role: 'primary',
        owner: 'Callum',
        activations: [
          { name: 'State of the Trades 2027 survey results', date: '2027-03-09' },
          { name: 'InstallerSHOW live', date: '2027-06-22' },
        ],
      },
    ],
    campaigns: [{ id: 'sale', name: 'Spring sale', date: '2027-05-10', owner: 'Aisha' }],
    content: {
      special_dates: [
        { date: '2027-02-07', name: 'Fastelavnssøndag', kind: 'holiday', note: 'Pre-orders from 25 January' },
        { date: '2027-02-14', name: 'Morsdag', kind: 'holiday', channels: ['linkedin'] },
        { date: '2027-02-15', name: 'Bare holiday', kind: 'holiday' },
        { date: '2027-03-09', name: 'State of the Trades 2027 report', kind: 'launch', channels: ['linkedin'] },
        { date: '2027-06-22', name: 'InstallerSHOW, NEC Birmingham', kind: 'event', channels: ['linkedin'] },
        { date: '2027-06-22', name: 'Midsummer', kind: 'event' },
      ],
    },
  } as unknown as Plan;

  it('keeps a holiday with a note or channels, drops a bare one, and shows an activation and its special date once', () => {
    expect(firstSteps(acting, '2027-01-01', 10).map((s) => [s.date, s.name, s.owners])).toEqual([
      ['2027-02-07', 'Fastelavnssøndag', []],
      ['2027-02-14', 'Morsdag', ['Callum']],
      ['2027-03-09', 'State of the Trades 2027 survey results', ['Callum']],
    ]);
  });
  it('after a measurement date: the dated campaigns with their owner and the steps after that day', () => {
    expect(firstSteps(acting, '2027-05-10', 10).map((s) => [s.date, s.name, s.owners])).toEqual([
      ['2027-06-22', 'InstallerSHOW live', ['Callum']],
      ['2027-06-22', 'Midsummer', []],
    ]);
    expect(firstSteps(acting, '2027-04-30', 10).map((s) => s.name)).toEqual([
      'Spring sale',
      'InstallerSHOW live',
      'Midsummer',
    ]);
  });
});

describe('sections marked not applicable', () => {
  it('are read with their reason where the plan states one, and nothing otherwise', () => {
    expect(notApplicableSections(plan)).toEqual([]);
    const marked = { ...plan, competitors: { not_applicable: 'We compare with peers' } } as unknown as Plan;
    expect(notApplicableSections(marked)).toEqual([{ section: 'competitors', reason: 'We compare with peers' }]);
  });
});
