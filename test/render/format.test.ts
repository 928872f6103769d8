/**
 * The concepts a real strategy adds, in the document in the plan's language (en, nb, bg):
 * initiatives, campaigns, partners, staff advocacy, owned channels with display names and
 * accounts, governance and policies; "not set" for a field the plan leaves out; the reason of a
 * stated not_applicable where "not decided yet" would be; the author's summary; the cover's status.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { renderStrategyFolder } from '../../src/render/folder.js';
import { completePlan } from '../lint/helpers.js';
import { planFrom } from './plans.js';

function extended(locale: string): string {
  const p = completePlan();
  p.plan.locale = locale;
  p.plan.summary = 'Our own short summary.';
  p.plan.status = 'adopted';
  p.plan.adopted = '2027-01-15';
  delete p.goals[2].priority;
  p.goals[2].measures = ['More members reply'];
  p.channels.push({
    id: 'web',
    kind: 'website',
    name: 'studio.example',
    url: 'https://studio.example',
    role: 'hub',
    frequency: 'as things happen',
    owner: 'Kari',
    personas: ['busy-parent'],
  });
  p.channels[0].accounts = [{ handle: '@studio_north', name: 'North studio', owner: 'Ola' }];
  p.channels[1].posts_per_week = { min: 1, max: 2 };
  p.initiatives = [
    {
      id: 'ambassadors',
      name: 'Member ambassadors',
      kind: 'advocacy',
      when: '2027-Q1',
      goals: ['community'],
      actions: [{ action: 'Train ten members', owner: 'cm', due: '2027-03-31' }],
      measures: ['Ten members post once a month'],
    },
  ];
  p.campaigns = [{ id: 'yoga-day', name: 'Yoga day', kind: 'event', recurs: 'yearly', month: 6, partners: ['cafe'] }];
  p.partners = [
    { id: 'cafe', name: 'Corner Café', kind: 'influencer', paid: true, disclosure: '#ad', campaigns: ['yoga-day'] },
  ];
  p.policies = { accessibility: { alt_text: true, wcag: '2.1 AA' }, ai: 'AI images are labelled' };
  p.governance = { scope: 'A channel strategy, not a communication plan', revision: { cadence: 'yearly' } };
  p.competitors = { not_applicable: 'We compare ourselves with peers only' };
  p.plan.vision = 'Everyone in town finds a class that fits their week';
  p.content.times = 'tool';
  p.content.scheduling_tool = 'Planly';
  p.review.meetings = [{ cadence: 'weekly', purpose: 'Content check', participants: ['Kari'] }];
  return stringify(p, { lineWidth: 0 });
}

const CASES = [
  ['en', 'Initiatives, campaigns and partners', 'not set', 'Not applicable:', 'June', 'Governance and policies'],
  ['nb', 'Tiltak, kampanjer og partnere', 'ikke satt', 'Ikke aktuelt:', 'juni', 'Styring og retningslinjer'],
  ['bg', 'Инициативи, кампании и партньори', 'не е зададено', 'Не се прилага:', 'юни', 'Управление и политики'],
] as const;

describe('the document holds what a real strategy writes', () => {
  it.each(CASES)('%s', async (locale, initiatives, notSet, na, june, governance) => {
    const folder = await renderStrategyFolder(await planFrom(extended(locale)));
    const chapter = (slug: string) => folder.chapters.find((c) => c.slug === slug)?.markdown ?? '';
    expect(folder.chapters.map((c) => c.slug)).toEqual([
      'situation',
      'objectives',
      'audience',
      'competitors',
      'positioning',
      'channels',
      'content',
      'initiatives',
      'kpis',
      'budget',
      'team',
      'crisis',
      'review',
      'governance',
      'appendix',
    ]);
    expect(chapter('initiatives')).toContain(`# 8. ${initiatives}`);
    expect(chapter('initiatives')).toContain('### Member ambassadors');
    expect(chapter('initiatives')).toContain('Train ten members');
    expect(chapter('initiatives')).toContain('Corner Café');
    expect(chapter('initiatives')).toContain(june);
    expect(chapter('governance')).toContain(governance);
    expect(chapter('governance')).toContain('A channel strategy, not a communication plan');
    expect(chapter('governance')).toContain('WCAG 2.1 AA');
    // A goal without priority says so; the channels table shows the display name, range and accounts.
    expect(chapter('objectives')).toContain(notSet);
    expect(chapter('channels')).toContain('studio.example');
    expect(chapter('channels')).toContain('1–2');
    expect(chapter('channels')).toContain('**North studio** (@studio\\_north)');
    // The competitors stated not to apply: the reason, where "not decided yet" would be.
    expect(chapter('competitors')).toContain(`> **${na}**`);
    expect(chapter('competitors')).toContain('We compare ourselves with peers only');
    expect(folder.readme).toContain('Our own short summary.');
    // The vision on the decision page, times chosen by the tool, and every review meeting.
    expect(folder.readme).toContain('Everyone in town finds a class that fits their week');
    expect(chapter('content')).toContain('Planly');
    expect(chapter('review')).toContain('Content check');
  });

  it('leaves both chapters out of a plan without the new sections', async () => {
    const plan = completePlan();
    plan.competitors = { not_applicable: 'We compare ourselves with peers only' };
    const folder = await renderStrategyFolder(await planFrom(stringify(plan, { lineWidth: 0 })));
    expect(folder.chapters.map((c) => c.slug)).not.toContain('initiatives');
    expect(folder.chapters.map((c) => c.slug)).not.toContain('governance');
  });
});

describe('a budget without a cap or amounts', () => {
  it.each([
    ['en', 'not set', 'no amount set', 'no cap set'],
    ['nb', 'ikke satt', 'beløp ikke satt', 'ingen ramme satt'],
    ['bg', 'не е зададено', 'няма зададена сума', 'без зададен таван'],
  ])('%s: says so, never a made-up figure', async (locale, notSet, noAmount, noCap) => {
    const p = completePlan();
    p.plan.locale = locale;
    p.competitors = { not_applicable: 'Peers only' };
    delete p.budget.cap;
    p.budget.items.push({ name: 'Staff time', category: 'staff', in_kind: true });
    const folder = await renderStrategyFolder(await planFrom(stringify(p, { lineWidth: 0 })));
    const budget = folder.chapters.find((c) => c.slug === 'budget')!.markdown;
    expect(budget).toContain(`| ${notSet} |`);
    expect(budget).toContain(noAmount);
    expect(budget).not.toMatch(/undefined/);
    expect(folder.readme).toContain(noCap);
  });
});
