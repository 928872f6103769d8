/**
 * A render touches only what it provably wrote inside its output folder: never through a link,
 * never a file a manifest merely names, never another kind of output than it writes (issue 14
 * point 1, issue 13 point 2); and the swap works when the folder is a mount point (issue 14 point 9).
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MANIFEST, writeOutputFolder } from '../../src/render/output.js';
import { ACCEPTANCE, runCli } from '../helpers/cli.js';
import { snapshotFolder } from '../helpers/files.js';

let tmp: string;
let plan: string;
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'smplan-out-reliability-'));
  cpSync(path.join(ACCEPTANCE, 'kaffebar.yaml'), path.join(tmp, 'kaffebar.yaml'));
  cpSync(path.join(ACCEPTANCE, 'data'), path.join(tmp, 'data'), { recursive: true });
  plan = path.join(tmp, 'kaffebar.yaml');
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const manifest = (out: string) =>
  JSON.parse(readFileSync(path.join(out, MANIFEST), 'utf8')) as { files: string[]; sha256: Record<string, string> };

describe('the output folder', () => {
  it('never deletes or writes through a linked component (charts/ -> elsewhere)', async () => {
    const out = path.join(tmp, 'out');
    expect((await runCli(['render', plan, '-o', out])).code).toBe(0);
    // A pull request replaces charts/ with a link to a folder of the runner and keeps the manifest.
    const elsewhere = path.join(tmp, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(path.join(elsewhere, 'kpi-ig-reach.svg'), 'precious');
    writeFileSync(path.join(elsewhere, 'budget-by-category.svg'), 'precious too');
    rmSync(path.join(out, 'charts'), { recursive: true });
    symlinkSync(elsewhere, path.join(out, 'charts'));
    const before = snapshotFolder(elsewhere);
    const r = await runCli(['render', plan, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/out\/charts is a link or not a folder; smplan writes only inside the output folder/);
    expect(snapshotFolder(elsewhere)).toEqual(before);
  });

  it('removes a stale file only when the manifest claim is proven by its content', async () => {
    const out = path.join(tmp, 'out');
    await writeOutputFolder(out, [{ path: 'README.md', content: 'x' }]);
    // The manifest names a user's file (or one that changed since): a claim, not a proof.
    writeFileSync(path.join(out, 'thesis.md'), 'my thesis');
    const m = manifest(out);
    writeFileSync(path.join(out, MANIFEST), JSON.stringify({ ...m, files: [...m.files, 'thesis.md'] }));
    const r = await writeOutputFolder(out, [{ path: 'README.md', content: 'y' }]);
    expect(readFileSync(path.join(out, 'thesis.md'), 'utf8')).toBe('my thesis');
    expect(r.removed).toEqual([]);
    expect(r.kept).toEqual(['thesis.md']);
    expect(manifest(out).files).toEqual(['README.md']);
  });

  it('leaves a generated file the user edited since, and removes an unedited one', async () => {
    const out = path.join(tmp, 'out');
    await writeOutputFolder(out, [
      { path: 'README.md', content: 'x' },
      { path: 'a.md', content: 'a' },
      { path: 'b.md', content: 'b' },
    ]);
    writeFileSync(path.join(out, 'a.md'), 'a, with my notes');
    const r = await writeOutputFolder(out, [{ path: 'README.md', content: 'y' }]);
    expect(r.removed).toEqual(['b.md']);
    expect(r.kept).toEqual(['a.md']);
    expect(readFileSync(path.join(out, 'a.md'), 'utf8')).toBe('a, with my notes');
  });

  it('render --html keeps the plan.pdf of an earlier --all, and removes a chart no longer drawn', async () => {
    const out = path.join(tmp, 'out');
    expect((await runCli(['render', plan, '-o', out, '--html'])).code).toBe(0);
    // What `--all` leaves, without a browser: a plan.pdf that the manifest records as ours.
    const files = Object.entries(snapshotFolder(out))
      .filter(([rel]) => rel !== MANIFEST)
      .map(([rel, b64]) => ({ path: rel, content: Buffer.from(b64, 'base64') }));
    await writeOutputFolder(out, [...files, { path: 'plan.pdf', content: Buffer.from('%PDF-1.7 earlier') }]);
    const doc = parseDocument(readFileSync(plan, 'utf8'));
    doc.deleteIn(['objectives', 2]);
    writeFileSync(plan, doc.toString());
    const r = await runCli(['render', plan, '-o', out, '--html']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path.join(out, 'plan.pdf'), 'utf8')).toBe('%PDF-1.7 earlier');
    expect(manifest(out).files).toContain('plan.pdf');
    expect(existsSync(path.join(out, 'charts/kpi-cost-per-signup.svg'))).toBe(false);
    expect(r.stderr).toMatch(/Removed 1 file an earlier render made/);
    // Without --html the HTML stays as well; a render that writes it again replaces it.
    expect((await runCli(['render', plan, '-o', out])).code).toBe(0);
    expect(existsSync(path.join(out, 'plan.html'))).toBe(true);
  });
});

const canMount = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(path.join(os.tmpdir(), 'smplan-mount-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'none', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe]);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();

describe.skipIf(!canMount)('an output folder that is a mount point (needs root)', () => {
  it('renders again into it (no EXDEV) and leaves no temporary folder in it or beside it', async () => {
    const out = path.join(tmp, 'out');
    mkdirSync(out);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'none', out]);
    try {
      writeFileSync(path.join(out, 'notes.txt'), 'mine');
      const first = await runCli(['render', plan, '-o', out]);
      expect(first.code, first.stderr).toBe(0);
      const again = await runCli(['render', plan, '-o', out]);
      expect(again.code, again.stderr).toBe(0);
      expect(readFileSync(path.join(out, 'notes.txt'), 'utf8')).toBe('mine');
      expect(readdirSync(out).filter((n) => n.includes('.smplan-tmp-'))).toEqual([]);
      expect(readdirSync(tmp).filter((n) => n.includes('.smplan-tmp-'))).toEqual([]);
    } finally {
      execFileSync('umount', [out]);
    }
  });
});

describe('renders into one folder at once', () => {
  it('four concurrent renders into one folder each end cleanly, one after the other', {
    timeout: 120_000,
  }, async () => {
    const out = path.join(tmp, 'shared-out');
    for (let round = 0; round < 2; round++) {
      const runs = await Promise.all([1, 2, 3, 4].map(() => runCli(['render', plan, '-o', out], { cwd: tmp })));
      for (const r of runs) {
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).not.toMatch(/smplan: /);
      }
      const names = readdirSync(out);
      expect(names).toContain('README.md');
      expect(names.filter((n) => n.includes('smplan-tmp'))).toEqual([]);
      expect(manifest(out).files).toContain('README.md');
      expect(readdirSync(tmp).filter((n) => n.includes('smplan-lock') || n.includes('smplan-tmp'))).toEqual([]);
    }
  });
});
