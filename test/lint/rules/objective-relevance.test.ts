import { describe, expect, it } from 'vitest';
import { expectOne, lintWith } from '../helpers.js';

describe('objective-relevance (seed 002 §2: the R of SMART)', () => {
  it('an objective with no why whose goal ties to no business goal, at the objective', async () => {
    await expectOne((p) => delete p.objectives[2].why, 'objective-relevance', 'objectives[2]', 'id: comments');
  });

  it("the goal's ties_to, or the plan's only business goal, answers it", async () => {
    expect(
      (await lintWith((p) => (delete p.objectives[2].why, (p.goals[2].ties_to = 'Member retention')))).findings,
    ).toEqual([]);
    expect(
      (await lintWith((p) => (delete p.objectives[2].why, (p.plan.business_goals = ['Grow to 300 members'])))).findings,
    ).toEqual([]);
    await expectOne(
      (p) => (delete p.objectives[2].why, (p.plan.business_goals = ['Grow', 'Open a second studio'])),
      'objective-relevance',
      'objectives[2]',
      'id: comments',
    );
  });
});
