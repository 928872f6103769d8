import { describe, expect, it } from 'vitest';
import { expectOne, lintChanged, lintWith, summarise } from '../helpers.js';

describe('planning-cadence judges the plan of posts', () => {
  it('a quarterly campaign calendar or a monthly project plan is not a late post plan', async () => {
    const findings = await lintChanged((p) =>
      p.team.tasks.push(
        { task: 'Plan the campaign calendar', owner: 'cm', cadence: 'quarterly', kind: 'planning' },
        { task: 'Plan each project', owner: 'cm', cadence: 'monthly', kind: 'planning' },
        { task: 'Publish the monthly newsletter', owner: 'cm', cadence: 'monthly', kind: 'publishing' },
      ),
    );
    expect(summarise(findings)).toEqual([]);
  });

  it('planning the posts monthly still is', async () => {
    const findings = await lintChanged((p) =>
      p.team.tasks.push({ task: 'Plan the posts for the campaign', owner: 'cm', cadence: 'monthly', kind: 'planning' }),
    );
    expect(summarise(findings)).toEqual(['warning planning-cadence team.tasks[2].cadence']);
  });

  it('a channel posting a range below once a week is flagged by its most', async () => {
    expect(summarise(await lintChanged((p) => (p.channels[1].posts_per_week = { min: 0.25, max: 0.5 })))).toEqual([
      'warning planning-cadence channels[1].posts_per_week',
    ]);
    expect(summarise(await lintChanged((p) => (p.channels[1].posts_per_week = { min: 0.5, max: 2 })))).toEqual([]);
  });
});

describe('planning-cadence (seed 002 §8)', () => {
  it('the posts planned monthly', async () => {
    const message = await expectOne(
      (p) => (p.team.tasks[1].cadence = 'monthly'),
      'planning-cadence',
      'team.tasks[1].cadence',
      'monthly',
    );
    expect(message).toContain('plan the posts daily or weekly, not monthly');
  });

  it('recognises an untyped planning task by its words (en, nb, bg)', async () => {
    for (const task of ["Plan next month's posts", 'Planlegge neste måneds innlegg', 'Планиране на публикациите']) {
      await expectOne(
        (p) => (p.team.tasks[1] = { task, owner: 'cm', cadence: 'monthly' }),
        'planning-cadence',
        'team.tasks[1].cadence',
        'monthly',
      );
    }
  });

  it('no task plans the posts, and a channel that posts less than weekly', async () => {
    // The publishing slots and the channels' posts a week are the plan of posts: no task needed then.
    expect((await lintWith((p) => p.team.tasks.pop())).findings).toEqual([]);
    await expectOne(
      (p) => {
        p.team.tasks.pop();
        p.content.slots = { not_applicable: 'Posts follow the news' };
        for (const c of p.channels) delete c.posts_per_week;
      },
      'planning-cadence',
      'team.tasks',
      'tasks:',
    );
    await expectOne(
      (p) => (p.channels[1].posts_per_week = 0.5),
      'planning-cadence',
      'channels[1].posts_per_week',
      '0.5',
    );
    expect((await lintWith((p) => (p.channels[1].posts_per_week = 1))).findings).toEqual([]);
  });
});
