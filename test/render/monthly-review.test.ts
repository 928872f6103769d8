/**
 * The monthly review a team can run (issue 27, point 4): what changed since the figure before and
 * since the last review, and what the review log decided last time with its status, in en, nb, bg.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES, runCli } from '../helpers/cli.js';
import { EXAMPLE_ACTUALS } from './plans.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'smplan-monthly-review-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function review(file: keyof typeof EXAMPLE_ACTUALS): Promise<string> {
  const out = path.join(dir, file);
  const r = await runCli(['render', path.join(EXAMPLES, file), '-o', out, ...EXAMPLE_ACTUALS[file]]);
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(path.join(out, '12-review.md'), 'utf8').replace(/\u00a0/g, ' ');
}

describe('the monthly review', () => {
  it('en: changes since the figure before and the last review; decided last time with status', async () => {
    const md = await review('fieldnote-software.yaml');
    // The review of 22 April came after the previous figures (31 March): the same change, said once.
    expect(md).toContain('| Objective | Previous figure | Change since the previous figure | Why (note) |');
    expect(md).toContain('| Cost per qualified demo from LinkedIn ads | £301.75 (31/03/2027) | −£9.15 | Narrowed');
    expect(md).not.toContain('Since the review of');
    expect(md).toContain('### Decided last time (22 April 2027)');
    expect(md).toContain(
      '| Narrow the LinkedIn lead-gen audience back to ops managers and owners | Callum Price | 06/05/2027 | **done** |',
    );
    // Sessions: the plan's country (GB from en-GB) has no holiday on these Thursdays.
    expect(md).toContain('27/05/2027');
  });

  it('nb: Norwegian headings and statuses', async () => {
    const md = await review('nordlys-bakeri.yaml');
    expect(md).toContain('### Hva som har endret seg');
    // The last review came with the previous figure: one change column, not two equal ones.
    expect(md).toContain('| Delmål | Forrige tall | Endring siden forrige tall | Hvorfor (merknad) |');
    expect(md).not.toContain('Siden evalueringen');
    // Measured on its deadline: not reached, with the final figure; no trend to the deadline.
    expect(md).toContain('Fristen var 30. april 2027: målet ble ikke nådd, og det siste tallet er 2,5 timer.');
    expect(md).not.toMatch(/Med dagens utvikling: 2,5 timer ved fristen/);
    expect(md).toContain('### Vedtak fra forrige møte (7. april 2027)');
    expect(md).toContain('| Flytte tirsdagsreelen til torsdag | Hanne Rø | 21.04.2027 | **utført** |');
  });

  it('bg: Bulgarian headings; no session on Easter Monday or Unification Day', async () => {
    const md = await review('rodopski-sklon.yaml');
    expect(md).toContain('### Какво се промени');
    expect(md).toMatch(/### Решено миналия път \(5 април 2027\sг\.\)/);
    expect(md).toContain('**предстои**');
    expect(md).toMatch(/04\.05\.2027\sг\./);
    expect(md).not.toMatch(/03\.05\.2027|06\.09\.2027/);
  });
});
