/**
 * The package works where users get it: packed, installed globally into a clean prefix,
 * and run from another folder (templates, catalogues and fonts ship in the tarball;
 * nothing is read from the source tree). Installing fetches the dependencies from the
 * registry, so this runs only under CI or with SMPLAN_PACK_TEST=1.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { skipPdf } from '../render/chromium.js';
import { ACCEPTANCE, ROOT } from '../helpers/cli.js';

const enabled = Boolean(process.env.CI || process.env.SMPLAN_PACK_TEST);
const dir = mkdtempSync(path.join(os.tmpdir(), 'smplan-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!enabled)('npm pack → npm install -g → smplan', () => {
  it('renders Markdown, HTML and PDF from the installed package, away from the source tree', () => {
    // --ignore-scripts: the suite has just built dist/; a clean rebuild would race parallel tests.
    const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
    const [{ filename, files }] = JSON.parse(packed) as [{ filename: string; files: { path: string }[] }];
    const shipped = files.map((f) => f.path);
    for (const needed of ['bin/smplan.js', 'dist/cli.js', 'templates/chapters/budget.md.hbs', 'locales/nb.json', 'locales/bg.json']) {
      expect(shipped, needed).toContain(needed);
    }
    expect(shipped.some((f) => f.startsWith('src/') || f.startsWith('test/'))).toBe(false);

    const prefix = path.join(dir, 'prefix');
    const install = spawnSync('npm', ['install', '-g', '--no-audit', '--no-fund', '--prefix', prefix, path.join(dir, filename)], { encoding: 'utf8', timeout: 300_000 });
    expect(install.status, install.stderr).toBe(0);
    const smplan = path.join(prefix, 'bin', 'smplan');
    expect(existsSync(smplan)).toBe(true);

    const work = mkdtempSync(path.join(dir, 'elsewhere-'));
    const args = ['render', path.join(ACCEPTANCE, 'kaffebar.yaml'), '-o', 'out', skipPdf ? '--html' : '--all'];
    const r = spawnSync(smplan, args, { cwd: work, encoding: 'utf8', timeout: 120_000, env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1' } });
    expect(r.status, r.stderr).toBe(0);
    const out = readdirSync(path.join(work, 'out'));
    expect(out).toEqual(expect.arrayContaining(['README.md', '01-situation.md', 'plan.html', 'charts']));
    if (!skipPdf) expect(out).toContain('plan.pdf');
  }, 420_000);
});
