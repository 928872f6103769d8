import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../src/render/format.js';

describe('an objective value in the document', () => {
  const nb = createFormatter('nb', 'NOK');
  it('prints a count with a unit whole from 1 up, as a reader counts applications', () => {
    expect(nb.measure(9.49, 'søknader')).toBe('9 søknader');
    expect(nb.measure(43.7, 'demoer')).toBe('44 demoer');
    // Below one, the fraction is the figure (half a post a week).
    expect(nb.measure(0.5, 'innlegg')).toBe('0,5 innlegg');
  });
  it('keeps one decimal for hours, whatever their size below 1 000', () => {
    expect(nb.measure(9.37, 'timer')).toBe('9,4 timer');
    expect(nb.measure(24.8, 'timer')).toBe('24,8 timer');
    expect(createFormatter('bg', 'BGN').measure(9.37, 'ч')).toBe('9,4 ч');
  });
  it('keeps two decimals for a bare figure below 10', () => {
    expect(nb.measure(4.25)).toBe('4,25');
  });
});
