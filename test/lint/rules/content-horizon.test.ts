import { describe, it } from 'vitest';
import { expectFindings } from '../helpers.js';

describe('content-horizon', () => {
  it('beyond 13 weeks', async () => {
    await expectFindings((p) => (p.content.horizon_weeks = 13), []);
    await expectFindings((p) => (p.content.horizon_weeks = 14), ['warning content-horizon content.horizon_weeks']);
  });
});
