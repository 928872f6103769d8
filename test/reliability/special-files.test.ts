/**
 * Inputs are read only from regular files with a byte cap, whatever stat says; outputs the
 * user names never swap a FIFO, a device or a link for a regular file, and never overwrite an input.
 */
import {
  cpSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, hasStackTrace, runCli } from '../helpers/cli.js';
import { readInputFile } from '../../src/files.js';

let dir: string;
const plan = () => path.join(dir, 'nordlys-bakeri.yaml');
const mkfifo = (p: string) => execFileSync('mkfifo', [p]);

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'smplan-special-'));
  cpSync(path.join(EXAMPLES, 'nordlys-bakeri.yaml'), plan());
  cpSync(path.join(EXAMPLES, 'data'), path.join(dir, 'data'), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('inputs are regular files, read with a cap', () => {
  it('refuses a device as the plan (a device reports size 0, so a size check alone reads forever)', async () => {
    const r = await runCli(['lint', '/dev/zero'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/\/dev\/zero:1:1 {2}error {2}cannot read: is not a regular file.*file-unreadable/);
  });

  it('refuses a committed link to a device as the plan', async () => {
    symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
    const r = await runCli(['lint', 'zero.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/zero\.yaml:1:1 {2}error {2}cannot read: is not a regular file.*file-unreadable/);
  });

  it('refuses a FIFO as the plan without waiting for a writer', async () => {
    mkfifo(path.join(dir, 'fifo.yaml'));
    const r = await runCli(['lint', 'fifo.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/fifo\.yaml:1:1 {2}error {2}cannot read: is not a regular file.*file-unreadable/);
  });

  it('refuses a device and a FIFO as --actuals', async () => {
    mkfifo(path.join(dir, 'fifo.csv'));
    for (const actuals of ['/dev/zero', 'fifo.csv']) {
      const r = await runCli(['track', plan(), '--actuals', actuals], { cwd: dir });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(`${actuals}: cannot read: is not a regular file`);
      expect(hasStackTrace(r.stderr)).toBe(false);
    }
  });

  it('refuses a FIFO as a posts_csv at the line that names it', async () => {
    const sub = mkdtempSync(path.join(dir, 'posts-'));
    cpSync(plan(), path.join(sub, 'plan.yaml'));
    cpSync(path.join(dir, 'data'), path.join(sub, 'data'), { recursive: true });
    const csv = path.join(sub, 'data', 'dronningens-bakeri-instagram.csv');
    rmSync(csv);
    mkfifo(csv);
    const r = await runCli(['lint', 'plan.yaml'], { cwd: sub });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/plan\.yaml:\d+:\d+ .*dronningens-bakeri-instagram\.csv: is not a regular file/s);
  });

  it('caps the bytes read whatever stat says', async () => {
    const big = path.join(dir, 'big.txt');
    writeFileSync(big, Buffer.alloc(100, 'a'));
    await expect(readInputFile(big, 99)).rejects.toMatchObject({ code: 'EFBIG' });
    expect((await readInputFile(big, 100)).length).toBe(100);
    // /dev/urandom: size 0 in stat, endless in content; refused before one byte is read.
    await expect(readInputFile('/dev/urandom', 10)).rejects.toMatchObject({ code: 'ENOTREG' });
  });

  it('reads a UTF-16 posts CSV as --actuals does (one decoder), not as "binary"', async () => {
    const sub = mkdtempSync(path.join(dir, 'utf16-'));
    cpSync(plan(), path.join(sub, 'plan.yaml'));
    cpSync(path.join(dir, 'data'), path.join(sub, 'data'), { recursive: true });
    const csv = path.join(sub, 'data', 'dronningens-bakeri-instagram.csv');
    const text = readFileSync(csv, 'utf8');
    writeFileSync(csv, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = await runCli(['lint', 'plan.yaml'], { cwd: sub });
    expect(r.stdout).not.toMatch(/binary/);
    expect(r.code, r.stdout).toBe(0);
  });
});

describe('outputs the user names', () => {
  it('writes a FIFO directly: it stays a FIFO and the reader gets the CSV', async () => {
    const fifo = path.join(dir, 'out.fifo');
    mkfifo(fifo);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (b: Buffer) => (got += b.toString()));
    const done = new Promise((resolve) => reader.on('close', resolve));
    const r = await runCli(['calendar', plan(), '--csv', fifo], { cwd: dir });
    await done;
    expect(r.code, r.stderr).toBe(0);
    expect(got).toMatch(/^\ufeff"date","time","weekday"/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('writes a character device directly (/dev/null stays a device)', async () => {
    const r = await runCli(['calendar', plan(), '--ics', '/dev/null'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('writes `-` to stdout instead of the table', async () => {
    const r = await runCli(['calendar', plan(), '--ics', '-'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(r.stdout).not.toMatch(/Publishing calendar/);
  });

  it('keeps a link and replaces the regular file it points to, and says so', async () => {
    writeFileSync(path.join(dir, 'real.csv'), 'old');
    symlinkSync('real.csv', path.join(dir, 'link.csv'));
    const r = await runCli(['calendar', plan(), '--csv', 'link.csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readlinkSync(path.join(dir, 'link.csv'))).toBe('real.csv');
    expect(readFileSync(path.join(dir, 'real.csv'), 'utf8')).toMatch(/^\ufeff"date","time"/);
    expect(r.stderr).toMatch(/link\.csv \(a link; replaced its target .*real\.csv\)/);
  });

  it('refuses a dangling link instead of replacing it', async () => {
    symlinkSync('nowhere.csv', path.join(dir, 'dangling.csv'));
    const r = await runCli(['calendar', plan(), '--csv', 'dangling.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write dangling\.csv: it is a link to nothing/);
    expect(lstatSync(path.join(dir, 'dangling.csv')).isSymbolicLink()).toBe(true);
  });

  it('refuses an output that is one of the inputs (lint plan.yaml -o plan.yaml)', async () => {
    const before = readFileSync(plan(), 'utf8');
    const r = await runCli(['lint', 'nordlys-bakeri.yaml', '-o', 'nordlys-bakeri.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nordlys-bakeri\.yaml is also an input/);
    expect(readFileSync(plan(), 'utf8')).toBe(before);
    const c = await runCli(['calendar', 'nordlys-bakeri.yaml', '--csv', './nordlys-bakeri.yaml'], { cwd: dir });
    expect(c.code).toBe(2);
    expect(readFileSync(plan(), 'utf8')).toBe(before);
  });
});
