import { describe, it } from 'vitest';
import { expectFindings } from '../helpers.js';

describe('engagement-source', () => {
  it('none, or more than one of posts, sample, posts_csv', async () => {
    await expectFindings(
      (p) => delete p.competitors[1].channels[0].sample,
      ['error engagement-source competitors[1].channels[0]'],
    );
    await expectFindings(
      (p) => (p.competitors[1].channels[0].posts_csv = 'data/rival-instagram.csv'),
      ['error engagement-source competitors[1].channels[0].posts_csv'],
    );
    await expectFindings(
      (p) => (p.channels[0].current = { followers: 2000 }),
      ['error engagement-source channels[0].current'],
    );
  });
});
