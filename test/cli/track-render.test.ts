import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testFolder } from '../helpers/temp.js';
import { ACCEPTANCE, hasStackTrace, runCli } from '../helpers/cli.js';

// `smplan render --actuals` reads actuals through cli/tracking.ts readTracking, like `smplan track`.
const PLAN = path.join(ACCEPTANCE, 'kaffebar.yaml');
const ACTUALS = path.join(ACCEPTANCE, 'kaffebar-actuals.csv');

describe('smplan render --actuals (the review chapter)', () => {
  it('adds plan versus actual to the review chapter', async () => {
    const dir = testFolder('smplan-track-render-');
    const r = await runCli(['render', PLAN, '--actuals', ACTUALS, '-o', 'out'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const review = readFileSync(path.join(dir, 'out/12-review.md'), 'utf8');
    expect(review).toContain('as of June 30, 2027');
    // The row of loyalty-signups (wording and emphasis are the templates' business).
    expect(review).toMatch(
      /^\|[^|\n]*loyalty app sign-ups[^|\n]*\|[^|\n]*\| 190 \| 239 \| 22 ?% \| 49 ?% \|[^\n]*behind/im,
    );
  });

  it('--as-of and --map reach the review', async () => {
    const dir = testFolder('smplan-track-render-');
    writeFileSync(path.join(dir, 'no.csv'), 'Dato;KPI;Verdi\n28.02.2027;ig-reach;13 500\n30.04.2027;ig-reach;17 800\n');
    const r = await runCli(
      [
        'render',
        PLAN,
        '--actuals',
        'no.csv',
        '--map',
        'date=Dato,objective=KPI,value=Verdi',
        '--as-of',
        '2027-03-31',
        '-o',
        'out',
      ],
      { cwd: dir },
    );
    expect(r.code, r.stderr).toBe(0);
    const review = readFileSync(path.join(dir, 'out/12-review.md'), 'utf8');
    expect(review).toContain('as of March 31, 2027');
    expect(review).toContain('13,500');
    expect(review).not.toContain('17,800');
  });

  it('bad actuals: exit 1 naming FILE:LINE, and nothing is written', async () => {
    const dir = testFolder('smplan-track-render-');
    writeFileSync(path.join(dir, 'bad.csv'), 'date,objective,value\n2027-03-31,ig-reach,lots\n');
    const r = await runCli(['render', PLAN, '--actuals', 'bad.csv', '-o', 'out'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.csv:2  error  the value "lots" is not a number');
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('a missing actuals file: exit 2', async () => {
    const dir = testFolder('smplan-track-render-');
    const r = await runCli(['render', PLAN, '--actuals', 'gone.csv', '-o', 'out'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('gone.csv: cannot read: no such file');
  });
});
