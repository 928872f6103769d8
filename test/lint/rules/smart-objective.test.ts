import { describe, it } from 'vitest';
import { expectFindings } from '../helpers.js';

describe('smart-objective', () => {
  it('outside the plan period, no tool, target equal to baseline', async () => {
    await expectFindings(
      (p) => (p.objectives[0].deadline = '2028-01-15'),
      ['warning smart-objective objectives[0].deadline'],
    );
    await expectFindings((p) => (p.objectives[0].deadline = '2027-12-31'), []);
    await expectFindings(
      (p) => (p.objectives[1].start = '2026-12-01'),
      ['warning smart-objective objectives[1].start'],
    );
    await expectFindings(
      (p) => {
        delete p.objectives[0].tool;
        delete p.kpis[0].tool;
      },
      ['warning smart-objective objectives[0].tool', 'warning kpi-measurement kpis[0]'],
    );
    // objectives[2] has no tool of its own: a KPI for it names one.
    await expectFindings(
      (p) => delete p.kpis[2].tool,
      ['warning smart-objective objectives[2].tool', 'warning kpi-measurement kpis[2]'],
    );
    await expectFindings((p) => (p.objectives[1].target = '+0%'), ['warning smart-objective objectives[1].target']);
  });
});
