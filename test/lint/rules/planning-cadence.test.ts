import { describe, expect, it } from 'vitest';
import { lintChanged, summarise } from '../helpers.js';

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
