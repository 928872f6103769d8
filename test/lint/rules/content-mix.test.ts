import { describe, it } from 'vitest';
import { expectFindings, type PlanData } from '../helpers.js';

describe('content-mix', () => {
  it('80-20 and thirds', async () => {
    await expectFindings(
      (p) => {
        p.content.pillars[0].share = 0.45;
        p.content.pillars[2].share = 0.25;
      },
      ['warning content-mix content.mix_rule'],
    );
    await expectFindings((p) => (p.content.mix_rule = 'thirds'), ['warning content-mix content.mix_rule']);
    await expectFindings((p) => {
      p.content.mix_rule = 'thirds';
      p.content.pillars[0].share = 0.34;
      p.content.pillars[1].share = 0.33;
      p.content.pillars[2].share = 0.33;
    }, []);
    await expectFindings(
      (p) => p.content.pillars.forEach((x: PlanData) => delete x.kind),
      ['warning content-mix content.mix_rule'],
    );
  });
});
