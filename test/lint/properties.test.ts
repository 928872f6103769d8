/** Whatever the text, lint returns findings (never throws) that point inside the file. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXTURES, lintText } from './helpers.js';

const complete = readFileSync(path.join(FIXTURES, 'complete.yaml'), 'utf8');
const lines = complete.split('\n');
const runs = Number(process.env.FUZZ_RUNS ?? 30);

const edit = fc.record({
  line: fc.nat({ max: lines.length - 1 }),
  kind: fc.constantFrom('delete', 'duplicate', 'value', 'indent', 'truncate'),
  value: fc.oneof(
    fc.constantFrom(
      '0',
      '-1',
      '.nan',
      '~',
      '""',
      '[',
      '{a: 1',
      '"x',
      '2027-02-30',
      '+5000%',
      '-200%',
      'compound',
      '*a',
      '&a x',
      '\t',
      'primary',
    ),
    fc.string({ maxLength: 12 }),
  ),
});

function apply(text: string[], edits: { line: number; kind: string; value: string }[]): string {
  const out = [...text];
  for (const e of edits) {
    const i = e.line % out.length;
    const line = out[i] ?? '';
    if (e.kind === 'delete') out.splice(i, 1);
    else if (e.kind === 'duplicate') out.splice(i, 0, line);
    else if (e.kind === 'indent') out[i] = ' ' + line;
    else if (e.kind === 'truncate') out[i] = line.slice(0, e.value.length);
    else {
      const colon = line.indexOf(': ');
      out[i] = colon >= 0 ? line.slice(0, colon + 2) + e.value : line;
    }
  }
  return out.join('\n');
}

describe('lint on edited plans', () => {
  it('never throws; every finding is at a line and column inside the file, with a rule and a message', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 5 }), async (edits) => {
        const text = apply(lines, edits);
        const total = text.split('\n').length;
        const findings = await lintText(text);
        for (const f of findings) {
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.line).toBeLessThanOrEqual(total);
          expect(f.column).toBeGreaterThanOrEqual(1);
          expect(f.rule).toMatch(/^[a-z-]+$/);
          expect(f.message).not.toMatch(/undefined|\[object|(?<!(not|got) )NaN|Infinity/);
        }
      }),
      { numRuns: runs },
    );
  }, 600_000);
});
