import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from '../../src/plan/suggest.js';

describe('didYouMean', () => {
  it('suggests the close key, ignoring case; nothing when none is close', () => {
    expect(didYouMean('competitor', ['competitors', 'content'])).toBe('competitors');
    expect(didYouMean('Objetives', ['objectives', 'goals'])).toBe('objectives');
    expect(didYouMean('budgte', ['budget', 'team'])).toBe('budget');
    expect(didYouMean('xyz', ['budget', 'team'])).toBeUndefined();
    expect(didYouMean('a', [])).toBeUndefined();
  });

  it('counts a swapped pair of letters as one edit', () => {
    expect(editDistance('tiem', 'time')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('does not compare huge input letter by letter: beyond 200 letters, any text is far', () => {
    expect(editDistance('x'.repeat(5000), 'y'.repeat(4000))).toBe(1200);
    expect(editDistance('x'.repeat(201), 'x'.repeat(200) + 'y')).toBe(200);
  });
});
