/**
 * The built program's loader (src/boot.ts): the compiled code is kept in the user's cache folder,
 * reused, rebuilt when it is not usable, and never read from or written through what is not ours.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ACCEPTANCE, ROOT, spawnCli } from './helpers/cli.js';

const plan = path.join(ACCEPTANCE, 'kaffebar.yaml');
let home: string;
afterEach(() => rmSync(home, { recursive: true, force: true }));

function lint(env: NodeJS.ProcessEnv = {}) {
  const r = spawnCli(['lint', plan], { env: { XDG_CACHE_HOME: home, ...env } });
  expect(r.stderr).toBe('');
  expect(r.stdout).toMatch(/1 file checked: 0 errors, \d+ warnings/);
  return r;
}
const cacheFiles = (dir = path.join(home, 'smplan')) => readdirSync(dir).filter((f) => f.endsWith('.v8'));

describe('the compiled-code cache of the built program', () => {
  it('is written on the first run (a private file in a private folder) and reused unchanged after', () => {
    home = mkdtempSync(path.join(tmpdir(), 'smplan-boot-'));
    const first = lint();
    const dir = path.join(home, 'smplan');
    const [file] = cacheFiles();
    expect(file).toMatch(new RegExp(`^cli-[0-9a-f]+-${process.version}-${process.arch}\\.v8$`));
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const written = statSync(path.join(dir, file!));
    expect(written.mode & 0o777).toBe(0o600);
    expect(written.size).toBeGreaterThan(100_000);
    // Accepted by V8, so not written again: the same file, the same bytes, the same output.
    const second = lint();
    expect(second.stdout).toBe(first.stdout);
    const reused = statSync(path.join(dir, file!));
    expect([reused.ino, reused.mtimeMs]).toEqual([written.ino, written.mtimeMs]);
  });

  it('rebuilds a cache V8 rejects, and replaces a link instead of following it', () => {
    home = mkdtempSync(path.join(tmpdir(), 'smplan-boot-'));
    const first = lint();
    const dir = path.join(home, 'smplan');
    const file = path.join(dir, cacheFiles()[0]!);
    const good = readFileSync(file);
    const garbage = Buffer.alloc(good.length, 7);
    writeFileSync(file, garbage);
    expect(lint().stdout).toBe(first.stdout);
    const rebuilt = readFileSync(file);
    expect(rebuilt.equals(garbage)).toBe(false);
    expect(rebuilt.length).toBeGreaterThan(100_000);

    const elsewhere = path.join(home, 'elsewhere.v8');
    writeFileSync(elsewhere, good);
    rmSync(file);
    symlinkSync(elsewhere, file);
    expect(lint().stdout).toBe(first.stdout);
    expect(statSync(file).isFile()).toBe(true);
    expect(readFileSync(elsewhere).equals(good)).toBe(true);
  });

  it('is not used in a folder others can write to, nor with NODE_DISABLE_COMPILE_CACHE', () => {
    home = mkdtempSync(path.join(tmpdir(), 'smplan-boot-'));
    const shared = path.join(home, 'smplan');
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    lint();
    expect(cacheFiles(shared)).toEqual([]);
    chmodSync(shared, 0o700);
    lint({ NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(cacheFiles(shared)).toEqual([]);
    lint();
    expect(cacheFiles(shared)).toHaveLength(1);
  });

  it('creates at most the cache folder and its parent, and runs without a cache where it cannot make one', () => {
    home = mkdtempSync(path.join(tmpdir(), 'smplan-boot-'));
    lint({ XDG_CACHE_HOME: path.join(home, 'a', 'b') });
    expect(existsSync(path.join(home, 'a'))).toBe(false);
    lint({ XDG_CACHE_HOME: path.join(home, 'cache') });
    expect(cacheFiles(path.join(home, 'cache', 'smplan'))).toHaveLength(1);
    // A recursive mkdir there never returns (Node loops on /proc's ENOENT).
    if (process.platform === 'linux') lint({ XDG_CACHE_HOME: '/proc/smplan-cache' });
  });

  // A packed package carries the code compiled by the Node that packed it (scripts/build.mjs with
  // --clean); `npm test` builds without one, so this test puts one in place for the current build.
  it("starts a first run from the package's own compiled code, and then writes none of its own", () => {
    home = mkdtempSync(path.join(tmpdir(), 'smplan-boot-'));
    const first = lint();
    const [name] = cacheFiles();
    const shipped = path.join(ROOT, 'dist', name!);
    writeFileSync(shipped, readFileSync(path.join(home, 'smplan', name!)));
    try {
      const fresh = mkdtempSync(path.join(home, 'fresh-'));
      expect(lint({ XDG_CACHE_HOME: fresh }).stdout).toBe(first.stdout);
      expect(readdirSync(fresh).flatMap((d) => readdirSync(path.join(fresh, d)))).toEqual([]);
    } finally {
      rmSync(shipped, { force: true });
    }
  });
});
