import { describe, expect, it } from 'vitest';
import { lintChanged, summarise } from '../helpers.js';

describe('goal-links', () => {
  it('a KPI, tactic, initiative, campaign and advocacy programme may name a goal that exists', async () => {
    const findings = await lintChanged((p) => {
      p.kpis[0].goals = ['awareness'];
      p.channels[0].tactics[0].goals = ['members'];
      p.initiatives = [{ id: 'ambassadors', name: 'Ambassadors', goals: ['community'] }];
      p.campaigns = [{ id: 'yoga-day', name: 'Yoga day', recurs: 'yearly', month: 6, goals: ['awareness'] }];
      p.team.advocacy = { description: 'Teachers share the class plan', goals: ['community'] };
    });
    expect(summarise(findings).filter((f) => f.includes('goal-links'))).toEqual([]);
  });

  it('reports each goal id that is not defined, where it is named', async () => {
    const findings = await lintChanged((p) => {
      p.kpis[0].goals = ['sales'];
      p.channels[0].tactics[0].goals = ['fame'];
      p.initiatives = [{ id: 'ambassadors', name: 'Ambassadors', goals: ['reach'] }];
      p.campaigns = [{ id: 'yoga-day', name: 'Yoga day', goals: ['joy'] }];
      p.team.advocacy = { goals: ['pride'] };
    });
    expect(
      summarise(findings)
        .filter((f) => f.includes('goal-links'))
        .sort(),
    ).toEqual([
      'error goal-links campaigns[0].goals[0]',
      'error goal-links channels[0].tactics[0].goals[0]',
      'error goal-links initiatives[0].goals[0]',
      'error goal-links kpis[0].goals[0]',
      'error goal-links team.advocacy.goals[0]',
    ]);
    expect(findings.find((f) => f.rule === 'goal-links')!.message).toBe(
      'goal `fame` is not defined in goals (defined: awareness, members, community)',
    );
  });
});
