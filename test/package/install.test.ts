/**
 * The package works where users get it: packed, installed globally into a clean prefix,
 * and run from another folder (templates, catalogues and fonts ship in the tarball;
 * nothing is read from the source tree). Everything smplan runs is bundled into dist/, so
 * the install adds one package and fetches nothing; it is slow only on a slow npm, so this
 * runs in `npm run test:package` (part of `npm run check`, what CI runs), or under CI.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { skipPdf } from '../render/chromium.js';
import { ACCEPTANCE, EXAMPLES, ROOT, TEST_EPOCH } from '../helpers/cli.js';

const enabled = Boolean(process.env.CI || process.env.SMPLAN_PACK_TEST);
const dir = mkdtempSync(path.join(os.tmpdir(), 'smplan-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!enabled)('npm pack → npm install -g → smplan', () => {
  it('installs as one package and runs lint, kpi and render (Markdown, HTML, PDF) away from the source tree', () => {
    // --ignore-scripts: the suite has just built dist/; a clean rebuild would race parallel tests.
    const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const [{ filename, files }] = JSON.parse(packed) as [{ filename: string; files: { path: string }[] }];
    const shipped = files.map((f) => f.path);
    for (const needed of [
      'bin/smplan.js',
      'dist/cli.js',
      'dist/lint-worker.js',
      'templates/chapters/budget.md.hbs',
      'locales/nb.json',
      'locales/bg.json',
    ]) {
      expect(shipped, needed).toContain(needed);
    }
    expect(shipped.some((f) => f.startsWith('src/') || f.startsWith('test/'))).toBe(false);
    // Source maps stay in local builds; the fonts the document embeds ship as files.
    expect(shipped.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(shipped).toContain('dist/fonts/faces.json');

    const prefix = path.join(dir, 'prefix');
    const install = spawnSync(
      'npm',
      ['install', '-g', '--no-audit', '--no-fund', '--prefix', prefix, path.join(dir, filename)],
      { encoding: 'utf8', timeout: 300_000 },
    );
    expect(install.status, install.stderr).toBe(0);
    const smplan = path.join(prefix, 'bin', 'smplan');
    expect(existsSync(smplan)).toBe(true);
    // Nothing but smplan itself: no dependency is installed beside or below it.
    const modules = path.join(prefix, 'lib', 'node_modules');
    expect(readdirSync(modules).filter((f) => !f.startsWith('.'))).toEqual(['smplan']);
    expect(existsSync(path.join(modules, 'smplan', 'node_modules'))).toBe(false);

    const work = mkdtempSync(path.join(dir, 'elsewhere-'));
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', SOURCE_DATE_EPOCH: TEST_EPOCH };
    const smplanRun = (args: string[]) =>
      spawnSync(smplan, args, { cwd: work, encoding: 'utf8', timeout: 120_000, env });
    const lint = smplanRun(['lint', path.join(EXAMPLES, 'nordlys-bakeri.yaml')]);
    expect(lint.status, lint.stdout + lint.stderr).toBe(0);
    expect(lint.stdout).toContain('0 errors');
    const kpi = smplanRun(['kpi', '--json', path.join(EXAMPLES, 'nordlys-bakeri.yaml')]);
    expect(kpi.status, kpi.stderr).toBe(0);
    expect(JSON.parse(kpi.stdout)).toBeTruthy();
    const r = smplanRun(['render', path.join(ACCEPTANCE, 'kaffebar.yaml'), '-o', 'out', skipPdf ? '--html' : '--all']);
    expect(r.status, r.stderr).toBe(0);
    const out = readdirSync(path.join(work, 'out'));
    expect(out).toEqual(expect.arrayContaining(['README.md', '01-situation.md', 'plan.html', 'charts']));
    if (!skipPdf) expect(out).toEqual(expect.arrayContaining(['plan.pdf', 'plan.pptx']));
  }, 420_000);
});
