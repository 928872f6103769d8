/** The format holds what real strategies write (issue "Real strategies fit"): every new block loads. */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { decisionOf, listOf } from '../../src/plan/decisions.js';
import { loadPlan } from '../../src/plan/load.js';
import { channelName, planSchema } from '../../src/plan/schema.js';
import { completePlan, FIXTURES, lintText, summarise } from '../lint/helpers.js';

async function load(change: (p: Record<string, any>) => void) {
  const plan = completePlan();
  change(plan);
  return loadPlan({ file: 'plan.yaml', text: Buffer.from(stringify(plan, { lineWidth: 0 })), dir: FIXTURES });
}

describe('the extended format', () => {
  it('loads every new block', async () => {
    const outcome = await load((p) => {
      Object.assign(p.plan, {
        summary: 'One paragraph.',
        vision: 'A healthier city',
        prepared_for: 'The board',
        status: 'adopted',
        adopted: '2027-01-15',
        approved_by: 'The board',
        confidentiality: 'Internal',
        accent: '#0B5FFF',
        country: 'NO',
      });
      p.governance = {
        scope: 'A channel strategy, not a communication plan',
        out_of_scope: ['Press'],
        owner: 'Head of communications',
        revision: { cadence: 'yearly', next: '2027-11-01', how: 'Adopted by the director' },
        phases: [{ name: 'Build', start: '2027-01-01', end: '2027-06-30', focus: 'Accounts' }],
      };
      p.goals[2].measures = ['More replies'];
      delete p.goals[2].priority;
      p.kpis[0].goals = ['awareness'];
      p.kpis[0].tier = 1;
      p.channels[0].tactics[0].goals = ['awareness'];
      p.channels.push({
        id: 'web',
        kind: 'website',
        name: 'studio.no',
        url: 'https://studio.no',
        role: 'hub',
        frequency: 'as things happen',
      });
      p.channels[0].accounts = [{ handle: '@studio', name: 'Main', owner: 'Kari' }];
      p.channels[1].posts_per_week = { min: 1, max: 2 };
      p.initiatives = [
        {
          id: 'ambassadors',
          name: 'Ambassadors',
          kind: 'advocacy',
          when: '2027-Q1',
          actions: [{ action: 'Train', due: '2027-03-31' }],
        },
      ];
      p.campaigns = [{ id: 'yoga', name: 'Yoga day', kind: 'event', recurs: 'yearly', month: 6, when: 'every June' }];
      p.partners = [
        { id: 'cafe', name: 'Café', kind: 'influencer', paid: true, disclosure: '#ad', campaigns: ['yoga'] },
      ];
      p.policies = {
        accessibility: { alt_text: true, captions: true, wcag: '2.1 AA' },
        language: { languages: ['nb', 'nn'], shares: { nn: 0.25 }, plain_language: true },
        privacy: 'No faces without consent',
        ai: 'Labelled',
      };
      p.competitors[0].relation = 'peer';
      p.budget.items.push({ name: 'Staff time', category: 'staff', in_kind: true });
      delete p.budget.cap;
      p.review.meetings = [{ cadence: 'quarterly', purpose: 'Strategy review' }];
      p.review.closed_days = ['2027-04-02'];
      p.review.log = [
        { date: '2027-02-03', decisions: [{ decision: 'Move the reel', owner: 'Kari', status: 'done' }] },
      ];
      delete p.content.pillars[0].share;
      p.content.times = 'tool';
      p.content.scheduling_tool = 'Later';
      p.content.special_dates.push({ name: 'Constitution day', recurs: 'yearly', month: 5, day: 17 });
      p.content.approval = { required: false, may_publish_alone: ['cm'] };
      p.team.advocacy = { description: 'Teachers share', goals: ['community'], measures: ['10 sharing'] };
    });
    expect(outcome.findings).toEqual([]);
    const plan = outcome.loaded!.plan;
    expect(listOf(plan.initiatives).map((x) => x.id)).toEqual(['ambassadors']);
    expect(plan.review?.log?.[0]?.decisions?.[0]?.status).toBe('done');
  });

  it('a special date needs a date, or month and day', async () => {
    const findings = await lintText(
      stringify({
        ...completePlan(),
        content: { ...completePlan().content, special_dates: [{ name: 'X', recurs: 'yearly', month: 5 }] },
      }),
    );
    expect(summarise(findings)).toContain('error schema-required content.special_dates[0].date');
  });

  it('listOf and decisionOf read a list section one way', () => {
    expect(listOf(undefined)).toEqual([]);
    expect(listOf({ not_applicable: 'No' })).toEqual([]);
    expect(listOf([1, 2])).toEqual([1, 2]);
    expect(decisionOf({ not_applicable: 'No' })).toBe('No');
    expect(decisionOf([1])).toBeUndefined();
    expect(decisionOf({ cap: 1 })).toBeUndefined();
  });

  it('twitter is shown as X; display names are the brand spelling', () => {
    expect(channelName('twitter')).toBe('X');
    expect(channelName('linkedin')).toBe('LinkedIn');
  });

  it('a missing approval step list is required unless approval is not required', () => {
    const approval = planSchema.shape.content.unwrap().shape.approval;
    expect(approval.safeParse({ required: false }).success).toBe(true);
    expect(approval.safeParse({}).success).toBe(false);
  });
});

describe('the YAML reader', () => {
  it('suggests quoting a value whose comma split a { } mapping', async () => {
    const plan = completePlan();
    const text = stringify(plan, { lineWidth: 0 }).replace(
      /- \{ task: Answer comments, owner: cm, cadence: daily \}|- task: Answer comments\n\s+owner: cm\n\s+cadence: daily/,
      '- { task: Review X, Y and Z, owner: cm, cadence: daily }',
    );
    const findings = await lintText(text);
    expect(findings.map((f) => f.message)).toEqual([
      'unknown key `Y and Z`: a comma inside { … } ends the value of `task`, so the rest reads as a key; quote the value: task: "Review X, Y and Z"',
    ]);
  });
});
