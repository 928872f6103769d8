import { describe, it } from 'vitest';
import { expectFindings } from '../helpers.js';

describe('tactics-without-objectives', () => {
  it('the cart before the horse', async () => {
    await expectFindings(
      (p) => delete p.channels[0].tactics[0].objectives,
      ['warning tactics-without-objectives channels[0].tactics[0].objectives'],
    );
    await expectFindings(
      (p) => (p.channels[0].tactics[0].objectives = []),
      ['warning tactics-without-objectives channels[0].tactics[0].objectives'],
    );
    await expectFindings(
      (p) => {
        p.objectives = [];
        delete p.channels[0].tactics[0].objectives;
        delete p.kpis;
        for (const item of p.budget.items) delete item.objectives;
      },
      [
        'warning open-point kpis',
        'warning goal-without-objective goals[0].id',
        'warning goal-without-objective goals[1].id',
        'warning goal-without-objective goals[2].id',
        'warning open-point objectives',
        'warning tactics-without-objectives channels',
      ],
    );
  });
});
