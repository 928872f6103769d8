import { describe, expect, it } from 'vitest';
import { expectFindings, lintChanged } from '../helpers.js';

describe('unique-ids', () => {
  it('a repeated id in each section', async () => {
    await expectFindings((p) => p.goals.push({ ...p.goals[2] }), ['error unique-ids goals[3].id']);
    await expectFindings((p) => p.objectives.push({ ...p.objectives[2] }), ['error unique-ids objectives[3].id']);
    await expectFindings(
      (p) => p.content.pillars.push({ ...p.content.pillars[2], share: 0 }),
      ['error unique-ids content.pillars[3].id'],
    );
    await expectFindings((p) => p.channels.push({ ...p.channels[1] }), ['error unique-ids channels[2].id']);
    await expectFindings((p) => (p.competitors[1].name = 'rival studio '), ['error unique-ids competitors[1].name']);
  });

  it('the message names where the first one is', async () => {
    const [f] = await lintChanged((p) => p.audience.personas.push({ ...p.audience.personas[0] }));
    expect(f!.message).toBe('persona id `busy-parent` is already defined at audience.personas[0]');
  });
});
