/**
 * Issue 29: tens of thousands of directives naming long unknown rule ids took minutes for their
 * did-you-mean suggestions. The work is bounded per file (each distinct id once, at most
 * MAX_SUGGESTIONS ids) and per id (candidates too far off in length are not compared).
 */
import { describe, expect, it, vi } from 'vitest';
import { applyDirectives, MAX_SUGGESTIONS } from '../../src/lint/directives.js';
import * as suggest from '../../src/plan/suggest.js';

vi.mock('../../src/plan/suggest.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/plan/suggest.js')>();
  return { ...actual, didYouMean: vi.fn(actual.didYouMean) };
});

const options = {
  suppressible: () => true,
  knownRules: ['post-sample-size', 'competitor-count', 'references', 'budget-cap'],
  reportUnused: true,
};

describe('the cost of inline directives', () => {
  it('looks up did-you-mean for at most MAX_SUGGESTIONS distinct ids a file, each once', async () => {
    const lines = Array.from(
      { length: 20_000 },
      (_, i) => `# smplan-disable-line ${'x'.repeat(150)}${i % 5000} -- why\na${i}: 1`,
    );
    lines.push('# smplan-disable-line budget-cpa\nz: 1');
    const r = await applyDirectives('plan.yaml', `${lines.join('\n')}\n`, [], options);
    expect(r.findings).toHaveLength(20_001);
    expect(vi.mocked(suggest.didYouMean).mock.calls.length).toBeLessThanOrEqual(MAX_SUGGESTIONS);
    // Every unknown id is still named at its line; only the suggestion is dropped past the bound.
    expect(r.findings[0]!.message).toMatch(/names an unknown rule "x{150}0"$/);
    expect(r.findings.at(-1)!.message).toContain('unknown rule "budget-cpa"');
  });

  it('a long unknown id is compared with no candidate (its length alone rules them out)', () => {
    expect(suggest.didYouMean('b'.repeat(190), options.knownRules)).toBeUndefined();
    expect(suggest.didYouMean('budget-cpa', options.knownRules)).toBe('budget-cap');
  });
});
