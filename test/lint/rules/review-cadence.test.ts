import { describe, it } from 'vitest';
import { expectFindings } from '../helpers.js';

describe('review-cadence', () => {
  it('missing, or less often than monthly', async () => {
    await expectFindings((p) => delete p.review, ['warning open-point review']);
    for (const cadence of ['quarterly', 'yearly', 'ad-hoc']) {
      await expectFindings((p) => (p.review.cadence = cadence), ['warning review-cadence review.cadence']);
    }
    for (const cadence of ['weekly', 'biweekly', 'monthly'])
      await expectFindings((p) => (p.review.cadence = cadence), []);
  });
});
