import { describe, it } from 'vitest';
import { expectFindings, type PlanData } from '../helpers.js';

describe('competitor-count', () => {
  it('fewer than 3, more than 5', async () => {
    await expectFindings(
      (p) => p.competitors.pop(),
      ['warning competitor-count competitors', 'warning open-point competitors'],
    );
    const more = (n: number) => (p: PlanData) => {
      for (let i = 0; i < n; i++) p.competitors.push({ ...p.competitors[1], name: `Other ${i}` });
    };
    await expectFindings(more(2), []);
    await expectFindings(more(3), ['warning competitor-count competitors']);
  });
});
