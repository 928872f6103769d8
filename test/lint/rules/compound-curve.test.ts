import { describe, it } from 'vitest';
import { expectFindings } from '../helpers.js';

describe('compound-curve', () => {
  it('baseline or target of 0', async () => {
    await expectFindings(
      (p) => Object.assign(p.objectives[0], { curve: 'compound', baseline: 0 }),
      ['error compound-curve objectives[0].baseline'],
    );
    await expectFindings(
      (p) => Object.assign(p.objectives[2], { curve: 'compound', target: 0 }),
      [
        'warning achievable-target objectives[2].target',
        'error compound-curve objectives[2].target',
        'warning falling-target objectives[2].target',
      ],
    );
    await expectFindings((p) => (p.objectives[0].curve = 'compound'), []);
  });
});
