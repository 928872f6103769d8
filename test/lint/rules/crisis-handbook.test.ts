import { describe, expect, it } from 'vitest';
import { expectFindings, lintChanged } from '../helpers.js';

describe('crisis-handbook', () => {
  it('missing, incomplete, a level without backup or holding statement', async () => {
    // No handbook at all is an open point, not an incomplete handbook.
    await expectFindings((p) => delete p.crisis, ['warning open-point crisis']);
    await expectFindings(
      (p) => (p.crisis = { triggers: ['x'] }),
      ['warning crisis-handbook crisis.levels', 'warning crisis-handbook crisis.responders'],
    );
    await expectFindings((p) => delete p.crisis.levels[0].backup, ['warning crisis-handbook crisis.levels[0]']);
    await expectFindings(
      (p) => delete p.crisis.levels[0].holding_statement,
      ['warning crisis-handbook crisis.levels[0]'],
    );
    const [f] = await lintChanged((p) => {
      delete p.crisis.levels[0].backup;
      delete p.crisis.levels[0].holding_statement;
    });
    expect(f!.message).toBe(
      'crisis level red has no backup approver and no holding statement: who approves when Kari cannot be reached, and what do we say first?',
    );
  });
});
