import { execFileSync } from 'node:child_process';
import { statSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asCLIError } from '../../src/cli/report.js';
import type { CLIError } from '../../src/cli/errors.js';
import { leftoverTemps, MANIFEST, OutputError, writeOutputFolder } from '../../src/render/output.js';
import { snapshotFolder } from '../helpers/files.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'smplan-output-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const first = [
  { path: 'README.md', content: '# Plan\n' },
  { path: '01-situation.md', content: '# Situation\n' },
  { path: 'charts/kpi-a.svg', content: '<svg/>' },
];

describe('writeOutputFolder', () => {
  it('creates the folder with a manifest of what it generated', async () => {
    const out = path.join(root, 'out');
    const r = await writeOutputFolder(out, first);
    expect(r.written).toEqual(['01-situation.md', 'README.md', 'charts/kpi-a.svg']);
    expect(readFileSync(path.join(out, 'charts/kpi-a.svg'), 'utf8')).toBe('<svg/>');
    expect(JSON.parse(readFileSync(path.join(out, MANIFEST), 'utf8')).files).toEqual(r.written);
    // Not the private mode of a temporary folder: others may read the strategy folder as usual.
    expect(statSync(out).mode & 0o777).toBe(0o777 & ~process.umask());
    expect(await leftoverTemps(root)).toEqual([]);
  });

  it('replaces generated files, removes stale ones and never touches user files', async () => {
    const out = path.join(root, 'out');
    await writeOutputFolder(out, first);
    writeFileSync(path.join(out, 'notes.txt'), 'mine');
    mkdirSync(path.join(out, 'assets'));
    writeFileSync(path.join(out, 'assets/logo.png'), 'png');
    const r = await writeOutputFolder(out, [
      { path: 'README.md', content: '# Plan v2\n' },
      { path: 'plan.html', content: '<html>' },
    ]);
    expect(r.removed.sort()).toEqual(['01-situation.md', 'charts/kpi-a.svg']);
    const s = snapshotFolder(out);
    expect(Object.keys(s).sort()).toEqual([MANIFEST, 'README.md', 'assets/logo.png', 'notes.txt', 'plan.html']);
    expect(readFileSync(path.join(out, 'README.md'), 'utf8')).toBe('# Plan v2\n');
    expect(existsSync(path.join(out, 'charts'))).toBe(false);
    expect(await leftoverTemps(root)).toEqual([]);
  });

  it('keeps a generated sub-folder that also holds a user file', async () => {
    const out = path.join(root, 'out');
    await writeOutputFolder(out, first);
    writeFileSync(path.join(out, 'charts/own.svg'), 'mine');
    await writeOutputFolder(out, [{ path: 'README.md', content: 'x' }]);
    expect(readFileSync(path.join(out, 'charts/own.svg'), 'utf8')).toBe('mine');
    expect(existsSync(path.join(out, 'charts/kpi-a.svg'))).toBe(false);
  });

  it('refuses to overwrite a file smplan did not write', async () => {
    const out = path.join(root, 'out');
    mkdirSync(out);
    writeFileSync(path.join(out, 'README.md'), 'my own readme');
    const e = await writeOutputFolder(out, first).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OutputError);
    expect((e as OutputError).message).toMatch(/README\.md exists and was not written by smplan/);
    expect(readFileSync(path.join(out, 'README.md'), 'utf8')).toBe('my own readme');
    expect(await leftoverTemps(root)).toEqual([]);
  });

  it('ignores manifest entries that point outside the folder', async () => {
    const out = path.join(root, 'out');
    await writeOutputFolder(out, first);
    writeFileSync(path.join(root, 'precious.txt'), 'keep');
    writeFileSync(
      path.join(out, MANIFEST),
      JSON.stringify({ files: ['../precious.txt', '/etc/hostname', 'README.md'] }),
    );
    await writeOutputFolder(out, [{ path: 'README.md', content: 'x' }]);
    expect(readFileSync(path.join(root, 'precious.txt'), 'utf8')).toBe('keep');
  });

  it('a write failure half-way (disk full) leaves the previous output byte-identical and no temp folder', async () => {
    const out = path.join(root, 'out');
    await writeOutputFolder(out, first);
    writeFileSync(path.join(out, 'notes.txt'), 'mine');
    const before = snapshotFolder(out);
    let n = 0;
    const full = async (file: string, content: string | Uint8Array) => {
      if (++n === 2) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      writeFileSync(file, content);
    };
    const e = await writeOutputFolder(out, [...first, { path: 'plan.html', content: 'x' }], { writeFile: full }).catch(
      (x: unknown) => x,
    );
    expect((asCLIError(e) as CLIError).exitCode).toBe(2);
    expect((e as OutputError).message).toMatch(/disk is full/);
    expect(snapshotFolder(out)).toEqual(before);
    expect(await leftoverTemps(root)).toEqual([]);
  });

  it('an abort (Ctrl-C) before the swap leaves the previous output untouched', async () => {
    const out = path.join(root, 'out');
    await writeOutputFolder(out, first);
    const before = snapshotFolder(out);
    const ac = new AbortController();
    const slow = async (file: string, content: string | Uint8Array) => {
      writeFileSync(file, content);
      ac.abort();
    };
    await expect(
      writeOutputFolder(
        out,
        [
          { path: 'README.md', content: 'new' },
          { path: 'b.md', content: 'b' },
        ],
        { signal: ac.signal, writeFile: slow },
      ),
    ).rejects.toThrow();
    expect(snapshotFolder(out)).toEqual(before);
    expect(await leftoverTemps(root)).toEqual([]);
  });

  it('an output path that is a file is a usage error', async () => {
    writeFileSync(path.join(root, 'file'), 'x');
    const e = await writeOutputFolder(path.join(root, 'file'), first).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OutputError);
    expect(asCLIError(e)).toMatchObject({ exitCode: 2 });
  });
});

// Real file systems: a read-only mount and a full one. Mounting needs root; elsewhere these skip.
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

describe.skipIf(!canMount)('on real file systems (tmpfs mounts; needs root)', () => {
  let mnt: string;
  beforeEach(() => {
    mnt = path.join(root, 'mnt');
    mkdirSync(mnt);
  });
  afterEach(() => {
    try {
      execFileSync('umount', [mnt], { stdio: 'ignore' });
    } catch {
      /* not mounted */
    }
  });

  it('a read-only folder is "output folder not writable", exit 2, previous output unchanged', async () => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'none', mnt]);
    await writeOutputFolder(path.join(mnt, 'out'), first);
    const before = snapshotFolder(path.join(mnt, 'out'));
    execFileSync('mount', ['-o', 'remount,ro', mnt]);
    const e = await writeOutputFolder(path.join(mnt, 'out'), [{ path: 'README.md', content: 'new' }]).catch(
      (x: unknown) => x,
    );
    expect(asCLIError(e)).toMatchObject({ exitCode: 2, message: expect.stringMatching(/output folder not writable/) });
    expect(snapshotFolder(path.join(mnt, 'out'))).toEqual(before);
  });

  it('a writable folder on a read-only parent is staged inside itself', async () => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'none', mnt]);
    mkdirSync(path.join(mnt, 'out'));
    writeFileSync(path.join(mnt, 'out/notes.txt'), 'mine');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'none', path.join(mnt, 'out')]);
    writeFileSync(path.join(mnt, 'out/notes.txt'), 'mine');
    execFileSync('mount', ['-o', 'remount,ro', mnt]);
    try {
      await writeOutputFolder(path.join(mnt, 'out'), first);
      await writeOutputFolder(path.join(mnt, 'out'), [{ path: 'README.md', content: 'v2' }]);
      expect(Object.keys(snapshotFolder(path.join(mnt, 'out'))).sort()).toEqual([MANIFEST, 'README.md', 'notes.txt']);
      expect(await leftoverTemps(path.join(mnt, 'out'))).toEqual([]);
    } finally {
      execFileSync('umount', [path.join(mnt, 'out')]);
    }
  });

  it('a disk that fills up mid-render leaves the previous output and no temp folder', async () => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'none', mnt]);
    await writeOutputFolder(path.join(mnt, 'out'), first);
    const before = snapshotFolder(path.join(mnt, 'out'));
    const big = new Uint8Array(200 * 1024).fill(65);
    const e = await writeOutputFolder(path.join(mnt, 'out'), [...first, { path: 'plan.pdf', content: big }]).catch(
      (x: unknown) => x,
    );
    expect(asCLIError(e)).toMatchObject({ exitCode: 2, message: expect.stringMatching(/disk is full/) });
    expect(snapshotFolder(path.join(mnt, 'out'))).toEqual(before);
    expect(await leftoverTemps(mnt)).toEqual([]);
  });
});
