import { describe, it } from 'vitest';
import { expectFindings, type PlanData } from '../helpers.js';

describe('goal-count', () => {
  it('a third primary goal, a third secondary goal, no goals', async () => {
    const extra = (id: string, priority: string) => (p: PlanData) => {
      p.goals.push({ id, statement: 'More', priority });
      p.objectives.push({
        id: `${id}-o`,
        goal: id,
        metric: 'm',
        baseline: 1,
        target: 2,
        deadline: '2027-06-30',
        tool: 'GA',
        why: 'Why',
      });
      p.kpis.push({ id: `${id}-k`, name: 'K', objective: `${id}-o`, tool: 'GA', frequency: 'weekly' });
    };
    await expectFindings(extra('sales', 'primary'), ['warning goal-count goals[3].priority']);
    await expectFindings(extra('service', 'secondary'), []);
    await expectFindings(
      (p) => {
        extra('service', 'secondary')(p);
        extra('hr', 'secondary')(p);
      },
      ['warning goal-count goals[4].priority'],
    );
    await expectFindings(
      (p) => {
        p.goals = [];
        delete p.objectives;
        delete p.kpis;
        delete p.channels[0].tactics;
        for (const item of p.budget.items) delete item.objectives;
      },
      [
        'warning open-point objectives',
        'warning open-point kpis',
        'warning goal-count goals',
        'warning tactics-without-objectives channels',
      ],
    );
  });
});
