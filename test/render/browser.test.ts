import { mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { asCLIError } from '../../src/cli/report.js';
import type { CLIError } from '../../src/cli/errors.js';
import {
  BrowserNotFoundError,
  findBrowser,
  systemLookup,
  wellKnownCandidates,
  type BrowserLookup,
} from '../../src/render/browser/index.js';

/** A pretend system: `present` files are executable, `path` maps command names. */
function fakeLookup(
  platform: NodeJS.Platform,
  present: string[],
  env: NodeJS.ProcessEnv = {},
  onPath: Record<string, string> = {},
): BrowserLookup {
  return {
    platform,
    env,
    cwd: '/home/ann/plans',
    isExecutable: async (f) => present.includes(f),
    which: async (n) => onPath[n],
  };
}

describe('findBrowser', () => {
  it('on Linux prefers a browser on PATH, then the well-known paths', async () => {
    expect(await findBrowser(undefined, fakeLookup('linux', ['/usr/bin/chromium']))).toEqual({
      path: '/usr/bin/chromium',
      source: 'well-known path',
    });
    const onPath = fakeLookup(
      'linux',
      ['/usr/bin/chromium', '/opt/bin/google-chrome'],
      {},
      { 'google-chrome': '/opt/bin/google-chrome' },
    );
    expect((await findBrowser(undefined, onPath)).path).toBe('/opt/bin/google-chrome');
    expect((await findBrowser(undefined, fakeLookup('linux', ['/snap/bin/chromium']))).path).toBe('/snap/bin/chromium');
  });

  it('on macOS looks in the application bundles', async () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect((await findBrowser(undefined, fakeLookup('darwin', [chrome]))).path).toBe(chrome);
    const own = '/Users/ann/Applications/Chromium.app/Contents/MacOS/Chromium';
    expect((await findBrowser(undefined, fakeLookup('darwin', [own], { HOME: '/Users/ann' }))).path).toBe(own);
  });

  it("on Windows looks in Program Files and the user's local app data", async () => {
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect((await findBrowser(undefined, fakeLookup('win32', [edge]))).path).toBe(edge);
    const local = 'C:\\Users\\ann\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(
      (await findBrowser(undefined, fakeLookup('win32', [local], { LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local' })))
        .path,
    ).toBe(local);
    expect(await wellKnownCandidates(fakeLookup('win32', []))).toContain(
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    );
  });

  it('--browser beats the environment; the variables go SMPLAN_BROWSER, PUPPETEER_EXECUTABLE_PATH, CHROME_PATH', async () => {
    const all = ['/a/flag', '/a/smplan', '/a/puppeteer', '/a/chrome'];
    const env = { SMPLAN_BROWSER: '/a/smplan', PUPPETEER_EXECUTABLE_PATH: '/a/puppeteer', CHROME_PATH: '/a/chrome' };
    expect(await findBrowser('/a/flag', fakeLookup('linux', all, env))).toEqual({
      path: '/a/flag',
      source: '--browser',
    });
    expect(await findBrowser(undefined, fakeLookup('linux', all, env))).toEqual({
      path: '/a/smplan',
      source: 'SMPLAN_BROWSER',
    });
    expect(
      await findBrowser(
        undefined,
        fakeLookup('linux', all, { PUPPETEER_EXECUTABLE_PATH: '/a/puppeteer', CHROME_PATH: '/a/chrome' }),
      ),
    ).toEqual({ path: '/a/puppeteer', source: 'PUPPETEER_EXECUTABLE_PATH' });
    expect(await findBrowser(undefined, fakeLookup('linux', all, { CHROME_PATH: '/a/chrome' }))).toEqual({
      path: '/a/chrome',
      source: 'CHROME_PATH',
    });
  });

  it('a relative path is relative to the working folder; a bare name is looked up on PATH', async () => {
    expect((await findBrowser('bin/chrome', fakeLookup('linux', ['/home/ann/plans/bin/chrome']))).path).toBe(
      '/home/ann/plans/bin/chrome',
    );
    expect(
      (await findBrowser('chromium', fakeLookup('linux', [], {}, { chromium: '/usr/local/bin/chromium' }))).path,
    ).toBe('/usr/local/bin/chromium');
  });

  it('an explicit setting that is wrong is an error even when another browser is installed (no silent fallback)', async () => {
    const lookup = fakeLookup('linux', ['/usr/bin/chromium'], { SMPLAN_BROWSER: '/opt/missing/chrome' });
    const e = await findBrowser(undefined, lookup).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BrowserNotFoundError);
    expect((asCLIError(e) as CLIError).exitCode).toBe(2);
    expect((e as BrowserNotFoundError).message).toBe(
      'SMPLAN_BROWSER names /opt/missing/chrome, which is not an executable file; no other browser was tried',
    );
    expect((e as BrowserNotFoundError).hint).toMatch(/Fix or unset SMPLAN_BROWSER/);
    await expect(findBrowser('nope', fakeLookup('linux', ['/usr/bin/chromium']))).rejects.toThrow(
      /--browser names nope/,
    );
  });

  it('no browser at all: exit 2 with how to install one', async () => {
    const e = (await findBrowser(undefined, fakeLookup('linux', [])).catch((x: unknown) => x)) as BrowserNotFoundError;
    expect((asCLIError(e) as CLIError).exitCode).toBe(2);
    expect(e.message).toBe('--pdf needs Chrome or Chromium, and none was found');
    expect(e.hint).toContain('apt-get install chromium');
    expect(e.hint).toContain('brew install --cask chromium');
    expect(e.hint).toContain('SMPLAN_BROWSER');
  });
});

describe('systemLookup', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'smplan-browser-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds executables on PATH and refuses files that cannot run', async () => {
    writeFileSync(path.join(dir, 'my-chrome'), '#!/bin/sh\n');
    chmodSync(path.join(dir, 'my-chrome'), 0o755);
    writeFileSync(path.join(dir, 'not-exec'), 'x');
    chmodSync(path.join(dir, 'not-exec'), 0o644);
    const lookup = systemLookup({ PATH: `/nonexistent:${dir}` }, dir, 'linux');
    expect(await lookup.which('my-chrome')).toBe(path.join(dir, 'my-chrome'));
    expect(await lookup.which('not-exec')).toBeUndefined();
    expect(await lookup.isExecutable(dir)).toBe(false);
  });
});
