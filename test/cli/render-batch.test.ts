import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
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

  it("never writes a plan's folder through a link inside the output folder", async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'smplan-outside-'));
    try {
      await mkdir(path.join(dir, 'linked-out'));
      await symlink(outside, path.join(dir, 'linked-out', 'nordlys-bakeri'));
      const r = await runCli(['render', 'clients', '-o', 'linked-out'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/linked-out\/nordlys-bakeri is a link or not a folder; smplan writes only inside/);
      expect(await readdir(outside)).toEqual([]);
      // The other plan's folder is written as usual.
      expect(existsSync(path.join(dir, 'linked-out', 'rodopski-sklon', 'README.md'))).toBe(true);
      // Nor beside the plan: a default folder that is a link out is refused too.
      await symlink(outside, path.join(dir, 'clients', 'nordlys-bakeri-strategy'));
      const beside = await runCli(['render', 'clients/nordlys-bakeri.yaml'], { cwd: dir });
      expect(beside.code).toBe(2);
      expect(await readdir(outside)).toEqual([]);
    } finally {
      await rm(path.join(dir, 'clients', 'nordlys-bakeri-strategy'), { force: true });
      await rm(path.join(dir, 'linked-out'), { recursive: true, force: true });
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('gives plans whose names map alike distinct folders, or refuses before writing anything', async () => {
    expect(outputNames(['a.yaml', 'a.yml'])).toEqual(['a-1', 'a-2']);
    expect(outputNames(['A.yaml', 'a.yaml'])).toEqual(['A-1', 'a-2']);
    expect(outputNames(['caf\u00e9.yaml', 'cafe\u0301.yaml'])).toEqual(['caf\u00e9-1', 'cafe\u0301-2']);
    expect(outputNames(['.yaml', 'x/.yml'])).toEqual(['plan', 'x-plan']);
    const twins = path.join(dir, 'twins');
    await mkdir(twins);
    try {
      await cp(path.join(EXAMPLES, 'data'), path.join(twins, 'data'), { recursive: true });
      for (const name of ['a.yaml', 'a.yml', '.yaml'])
        await cp(path.join(EXAMPLES, 'nordlys-bakeri.yaml'), path.join(twins, name));
      // The default folders beside the plans (a-strategy twice): refused, nothing written.
      const r = await runCli(['render', 'twins/a.yaml', 'twins/a.yml'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('twins/a.yaml and twins/a.yml would both render into twins/a-strategy');
      expect((await readdir(twins)).sort()).toEqual(['.yaml', 'a.yaml', 'a.yml', 'data']);
      // With -o each has its own folder; a plan named `.yaml` is `plan`, never -o itself.
      const o = await runCli(['render', 'twins/a.yaml', 'twins/a.yml', 'twins/.yaml', '-o', 'twins-out'], { cwd: dir });
      expect(o.code, o.stderr).toBe(0);
      expect((await readdir(path.join(dir, 'twins-out'))).sort()).toEqual(['plan', 'twins-a-1', 'twins-a-2']);
    } finally {
      await rm(twins, { recursive: true, force: true });
      await rm(path.join(dir, 'twins-out'), { recursive: true, force: true });
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
