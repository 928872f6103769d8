import { describe, it } from 'vitest';
import { expectFindings } from '../helpers.js';

describe('date-order', () => {
  it('plan.end before plan.start, a deadline on or before its start', async () => {
    await expectFindings(
      (p) => (p.plan.end = '2026-12-31'),
      [
        'error date-order plan.end',
        // Every deadline is now after the plan's end.
        'warning smart-objective objectives[0].deadline',
        'warning smart-objective objectives[1].start',
        'warning smart-objective objectives[1].deadline',
        'warning smart-objective objectives[2].deadline',
      ],
    );
    await expectFindings((p) => (p.objectives[1].deadline = '2027-02-01'), ['error date-order objectives[1].deadline']);
    await expectFindings((p) => (p.objectives[0].deadline = '2027-01-02'), []);
    await expectFindings((p) => (p.objectives[0].deadline = '2027-01-01'), ['error date-order objectives[0].deadline']);
  });
});
