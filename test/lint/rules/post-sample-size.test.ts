import { describe, expect, it } from 'vitest';
import { expectFindings, lintChanged } from '../helpers.js';

describe('post-sample-size', () => {
  it('outside 20–30, from posts, sample or the CSV rows', async () => {
    await expectFindings((p) => (p.competitors[1].channels[0].sample.posts = 20), []);
    await expectFindings(
      (p) => (p.competitors[1].channels[0].sample.posts = 19),
      ['warning post-sample-size competitors[1].channels[0].sample.posts'],
    );
    await expectFindings(
      (p) => (p.competitors[2].channels[0].sample.posts = 31),
      ['warning post-sample-size competitors[2].channels[0].sample.posts'],
    );
    await expectFindings(
      (p) => {
        delete p.competitors[1].channels[0].sample;
        p.competitors[1].channels[0].posts = [{ likes: 1, comments: 0, shares: 0 }];
      },
      ['warning post-sample-size competitors[1].channels[0].posts'],
    );
    // fixtures/data/short.csv holds 5 posts.
    await expectFindings(
      (p) => (p.competitors[0].channels[0].posts_csv = 'data/short.csv'),
      ['warning post-sample-size competitors[0].channels[0].posts_csv'],
    );
    const [f] = await lintChanged((p) => (p.competitors[0].channels[0].posts_csv = 'data/short.csv'));
    expect(f!.message).toBe('5 posts sampled: take the last 20–30 posts for a comparable engagement rate');
  });
});
