import { describe, it } from 'vitest';
import { expectFindings } from '../helpers.js';

describe('goal-without-objective', () => {
  it('a goal that no objective serves', async () => {
    await expectFindings(
      (p) => {
        p.objectives.splice(2, 1);
        p.kpis.splice(2, 1);
        p.budget.items[1].objectives = ['ig-followers'];
      },
      ['warning goal-without-objective goals[2].id'],
    );
  });
});
