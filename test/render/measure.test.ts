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
  it('prints a bare figure with the precision it was given, at any size', () => {
    // A response time typed as 26,5 without a unit: never 27.
    expect(nb.measure(26.5)).toBe('26,5');
    expect(nb.measure(26.5, undefined, { bare: true })).toBe('26,5');
    expect(createFormatter('en', 'USD').measure(26.5)).toBe('26.5');
    expect(nb.measure(1234.5)).toBe('1\u00a0234,5');
    expect(nb.measure(312.125)).toBe('312,125');
    // Computed figures (a milestone on a curve) have more decimals than anyone types: rounded by size.
    expect(nb.measure(8.181818181818182)).toBe('8,18');
    expect(nb.measure(13333.333333333334)).toBe('13\u00a0333');
    expect(nb.measure(26)).toBe('26');
    expect(nb.number(26.55)).toBe('26,55');
  });
  it('a count is whole because its unit says so', () => {
    expect(nb.measure(4800, 'følgere')).toBe('4\u00a0800 følgere');
    expect(nb.measure(12.5, 'bestillinger')).toBe('13 bestillinger');
  });
});

describe('hours in the document: one helper for every table and sentence', () => {
  const labels = (h: string, m: string) => ({
    hours: (text: string) => h.replace('{hours}', text),
    minutes: (text: string) => m.replace('{minutes}', text),
  });
  const en = createFormatter('en-GB', 'GBP', labels('{hours} h', '{minutes} min'));
  const nb = createFormatter('nb', 'NOK', labels('{hours} t', '{minutes} min'));
  const bg = createFormatter('bg', 'EUR', labels('{hours} ч', '{minutes} мин.'));
  it('a table whose row names the unit gets the same single decimal (3,8, not 3,76)', () => {
    expect(nb.measure(3.7619, 'timer', { bare: true })).toBe('3,8');
    expect(bg.measure(9.3704, 'ч', { bare: true })).toBe('9,4');
    // From 100 hours, whole (516.5 beside 410 and 900 is false precision).
    expect(en.measure(558.3, 'hours', { bare: true })).toBe('558');
    expect(en.measure(99.4, 'hours', { bare: true })).toBe('99.4');
    // Whole figures stay whole; a count's bare figure is unchanged.
    expect(nb.measure(2, 'timer', { bare: true })).toBe('2');
    expect(nb.measure(43.7, 'demoer', { bare: true })).toBe('44');
  });
  it('under an hour prints minutes, with their unit even in a bare table cell', () => {
    expect(en.measure(0.5, 'hours')).toBe('30 min');
    expect(nb.measure(0.75, 'timer', { bare: true })).toBe('45 min');
    expect(bg.measure(0.25, 'ч')).toBe('15 мин.');
    expect(nb.measure(0, 'timer')).toBe('0 timer');
  });
  it('in a sentence the same rule speaks in words, singular or plural', () => {
    const words = {
      hours: (text: string, n: number) => `${text} ${n === 1 ? 'hour' : 'hours'}`,
      minutes: (text: string, n: number) => `${text} ${n === 1 ? 'minute' : 'minutes'}`,
    };
    expect(en.duration(48, words)).toBe('48 hours');
    expect(en.duration(1, words)).toBe('1 hour');
    expect(en.duration(0.25, words)).toBe('15 minutes');
  });
  it('a time limit (duration) follows the same rule', () => {
    expect(en.duration(0.5)).toBe('30 min');
    expect(en.duration(1)).toBe('1 h');
    expect(nb.duration(2.25)).toBe('2,3 t');
    expect(bg.duration(24)).toBe('24 ч');
    expect(bg.duration(0.5)).toBe('30 мин.');
  });
});
