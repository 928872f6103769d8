/**
 * SIGHUP (a closed terminal, a dropped SSH session) during `render --pdf` is handled like
 * SIGINT and SIGTERM: the browser is stopped, its profile removed, the previous output kept.
 */
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ACCEPTANCE, BIN, runCli } from '../helpers/cli.js';
import { runningCommands, snapshotFolder } from '../helpers/files.js';

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'smplan-hangup-'));
  cpSync(path.join(ACCEPTANCE, 'kaffebar.yaml'), path.join(tmp, 'kaffebar.yaml'));
  cpSync(path.join(ACCEPTANCE, 'data'), path.join(tmp, 'data'), { recursive: true });
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

it('SIGHUP during the PDF exits like SIGTERM: no browser left, no profile in TMPDIR, previous output kept', async () => {
  const plan = path.join(tmp, 'kaffebar.yaml');
  const fake = path.join(tmp, 'hanging-browser');
  const marker = `sleep ${2400 + Math.floor(Math.random() * 1000)}`;
  writeFileSync(fake, `#!/bin/sh\nexec ${marker}\n`);
  chmodSync(fake, 0o755);
  await runCli(['render', plan, '-o', 'out'], { cwd: tmp });
  const before = snapshotFolder(path.join(tmp, 'out'));
  const tmpdir = mkdtempSync(path.join(tmp, 'tmpdir-'));
  const child = spawn(process.execPath, [BIN, 'render', plan, '-o', 'out', '--pdf', '--browser', fake], {
    cwd: tmp,
    env: { ...process.env, NO_COLOR: '1', TMPDIR: tmpdir },
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (stderr.includes('Starting')) setTimeout(() => child.kill('SIGHUP'), 300);
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  expect(code, stderr).toBe(130);
  expect(snapshotFolder(path.join(tmp, 'out'))).toEqual(before);
  expect(readdirSync(tmpdir)).toEqual([]);
  expect(runningCommands().map((l) => l.trim())).not.toContain(marker);
}, 60_000);
