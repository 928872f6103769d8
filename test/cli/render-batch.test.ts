import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputNames } from '../../src/cli/render.js';
import { EXAMPLES, hasStackTrace, runCli } from '../helpers/cli.js';
import { chromiumPath, pdftotext, skipPdf } from '../render/chromium.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'smplan-render-batch-'));
  await mkdir(path.join(dir, 'clients'));
  await cp(path.join(EXAMPLES, 'data'), path.join(dir, 'clients', 'data'), { recursive: true });
  for (const name of ['nordlys-bakeri', 'rodopski-sklon'])
    await cp(path.join(EXAMPLES, `${name}.yaml`), path.join(dir, 'clients', `${name}.yaml`));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('render several plans in one run', () => {
  it("names each plan's folder after its file, and after its folders where names clash", () => {
    expect(outputNames(['a.yaml', 'b/c.yml'])).toEqual(['a', 'c']);
    expect(outputNames(['clients/x/plan.yaml', 'clients/y/plan.yaml', 'z.yaml'])).toEqual(['x-plan', 'y-plan', 'z']);
    expect(outputNames(['plan.yaml', './plan.yaml'])).toEqual(['plan-1', 'plan-2']);
  });

  it('writes out/<plan>/ for each; a plan that fails does not stop the others; the exit code is the worst', async () => {
    await writeFile(path.join(dir, 'clients', 'broken.yaml'), 'smplan: 1\nplan: {}\ngoals: []\n');
    try {
      const r = await runCli(['render', 'clients', '-o', 'out'], { cwd: dir });
      expect(r.code).toBe(1);
      expect(await readdir(path.join(dir, 'out'))).toEqual(['nordlys-bakeri', 'rodopski-sklon']);
      for (const name of ['nordlys-bakeri', 'rodopski-sklon'])
        expect(existsSync(path.join(dir, 'out', name, 'README.md'))).toBe(true);
      expect(r.stderr).toContain('clients/broken.yaml is not a valid plan');
      expect(r.stderr).toContain('Rendered 2 of 3 plans; 1 failed');
      expect(hasStackTrace(r.stderr)).toBe(false);
    } finally {
      await rm(path.join(dir, 'clients', 'broken.yaml'));
    }
  });

  it('refuses --actuals with several plans, and - for stdin', async () => {
    const actuals = await runCli(['render', 'clients', '--actuals', 'x.csv'], { cwd: dir });
    expect(actuals.code).toBe(2);
    expect(actuals.stderr).toContain('--actuals goes with one plan');
    const stdin = await runCli(['render', '-'], { cwd: dir });
    expect(stdin.code).toBe(2);
  });

  it.skipIf(skipPdf)('prints every PDF through one browser', { timeout: 180_000 }, async () => {
    const r = await runCli(
      [
        'render',
        'clients/nordlys-bakeri.yaml',
        'clients/rodopski-sklon.yaml',
        '--pdf',
        '-o',
        'pdfs',
        '--browser',
        chromiumPath!,
      ],
      { cwd: dir },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.match(/Starting Chromium/g)).toHaveLength(1);
    expect(pdftotext(path.join(dir, 'pdfs', 'nordlys-bakeri', 'plan.pdf'))).toContain('Nordlys');
    expect(pdftotext(path.join(dir, 'pdfs', 'rodopski-sklon', 'plan.pdf'))).toMatch(/Родопски/);
  });
});
