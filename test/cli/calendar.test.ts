import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testFolder } from '../helpers/temp.js';
import { hasStackTrace, runCli, spawnCli } from '../helpers/cli.js';
import { expectReadable, KAFFEBAR, NORDLYS } from './compute-helpers.js';

const window = ['--from', '2027-03-01', '--weeks', '3'];

describe('smplan calendar', () => {
  it('prints the events as UTC instants to the second across a DST change', async () => {
    const run = await runCli(['calendar', '--json', ...window, KAFFEBAR]);
    expect(run.code).toBe(0);
    const { events, timezone, to } = JSON.parse(run.stdout);
    expect(timezone).toBe('America/New_York');
    expect(to).toBe('2027-03-22');
    expect(events.map((e: { start: string }) => e.start)).toEqual([
      '2027-03-01T13:15:00Z',
      '2027-03-06T23:30:00Z',
      '2027-03-08T13:15:00Z',
      '2027-03-13T23:30:00Z',
      '2027-03-15T12:15:00Z',
      '2027-03-20T22:30:00Z',
    ]);
  });
  it("warns of a window past the plan's end only when a day of it is after the end", async () => {
    // kaffebar ends 2027-12-31: 12-25 + 1 week ends on it, 12-26 + 1 week runs a day past it.
    const inside = await runCli(['calendar', '--from', '2027-12-25', '--weeks', '1', KAFFEBAR]);
    expect(inside.code).toBe(0);
    expect(inside.stdout).not.toContain("runs past the plan's end");
    const past = await runCli(['calendar', '--from', '2027-12-26', '--weeks', '1', KAFFEBAR]);
    expect(past.stdout).toContain("The window runs past the plan's end (2027-12-31).");
  });

  it('shows local times, pillars, special dates, activations and a moved post', async () => {
    const run = await runCli(['calendar', '--from', '2027-03-22', '--weeks', '2', NORDLYS]);
    expectReadable(run);
    expect(run.stdout).toContain(
      'Publishing calendar: 2 weeks from 2027-03-22 to 2027-04-04\nTimes are local in Europe/Oslo',
    );
    expect(run.stdout).toMatch(/2027-03-23 +Tue +07:30 +instagram +Behind the counter +reel +06:30$/m);
    expect(run.stdout).toMatch(/2027-03-30 +Tue +07:30 +instagram +Behind the counter +reel +05:30$/m);
    expect(run.stdout).toMatch(/2027-03-28 +Sun +03:30\* +instagram/);
    expect(run.stdout).toMatch(/\* The planned time does not exist that day \(clocks go forward\)/);
    expect(run.stdout).toMatch(/Special dates\n[^\n]*\n +2027-03-28 +Sun +Palm Sunday +holiday +all/);
    expect(run.stdout).toMatch(/Channel activations\n[^\n]*\n +2027-03-22 +Mon +instagram +Easter baking week/);
  });
  it('writes an iCalendar file with stable UIDs and a DTSTAMP, hint on stderr, stdout untouched', async () => {
    const dir = testFolder('smplan-ics-');
    const ics = path.join(dir, 'posts.ics');
    const env = { SOURCE_DATE_EPOCH: '1800000000' };
    const first = await runCli(['calendar', '--json', ...window, '--ics', ics, KAFFEBAR], { env });
    expect(first.code).toBe(0);
    expect(() => JSON.parse(first.stdout)).not.toThrow();
    expect(first.stderr).toMatch(/Wrote 6 posts to .*posts\.ics/);
    const text = await readFile(ics, 'utf8');
    expect(text.match(/^BEGIN:VEVENT/gm)).toHaveLength(6);
    expect(text).toMatch(/^DTSTART:20270315T121500Z\r$/m);
    expect(text).toMatch(/^DTSTAMP:20270115T080000Z\r$/m);
    const uids = text.match(/^UID:.*$/gm)!;
    expect(new Set(uids).size).toBe(6);
    // A re-export produces the same file: same UIDs replace the events in a calendar app.
    await runCli(['calendar', ...window, '--ics', ics, KAFFEBAR], { env });
    expect(await readFile(ics, 'utf8')).toBe(text);
    expect(await readdir(dir)).toEqual(['posts.ics']);
  });
  it('adds special dates and activations as all-day events', async () => {
    const dir = testFolder('smplan-ics-');
    const ics = path.join(dir, 'c.ics');
    expect((await runCli(['calendar', '--from', '2027-03-22', '--weeks', '1', '--ics', ics, NORDLYS])).code).toBe(0);
    const text = await readFile(ics, 'utf8');
    expect(text).toMatch(/DTSTART;VALUE=DATE:20270328/);
    expect(text).toMatch(/SUMMARY:instagram: Easter baking week/);
    expect(text).toMatch(/SUMMARY:instagram: Behind the counter \(reel\)/);
  });
  it('marks a UTC time that falls on another day than the local one', async () => {
    // kaffebar posts Mon 08:15 and Sat 18:30 local; moved to zones far from UTC.
    const inZone = async (zone: string) => {
      const dir = testFolder('smplan-zone-');
      await cp(path.join(path.dirname(KAFFEBAR), 'data'), path.join(dir, 'data'), { recursive: true });
      const text = (await readFile(KAFFEBAR, 'utf8')).replace('timezone: America/New_York', `timezone: ${zone}`);
      await writeFile(path.join(dir, 'plan.yaml'), text);
      const run = await runCli(['calendar', '--from', '2027-03-01', '--weeks', '1', path.join(dir, 'plan.yaml')]);
      expectReadable(run);
      return run.stdout;
    };
    const auckland = await inZone('Pacific/Auckland');
    expect(auckland).toMatch(/^2027-03-01 +Mon +08:15 .* 19:15 -1d$/m);
    expect(auckland).toMatch(/^2027-03-06 +Sat +18:30 .* 05:30$/m);
    const losAngeles = await inZone('America/Los_Angeles');
    expect(losAngeles).toMatch(/^2027-03-01 +Mon +08:15 .* 16:15$/m);
    expect(losAngeles).toMatch(/^2027-03-06 +Sat +18:30 .* 02:30 \+1d$/m);
  });
  it('writes a CSV a spreadsheet opens without running plan text as formulas', async () => {
    const dir = testFolder('smplan-csv-');
    const csv = path.join(dir, 'c.csv');
    const run = await runCli(['calendar', '--from', '2027-03-22', '--weeks', '1', '--csv', csv, NORDLYS]);
    expect(run.code).toBe(0);
    const lines = (await readFile(csv, 'utf8')).split('\r\n');
    expect(lines[0]).toBe('\ufeff"date","time","weekday","channel","pillar","format","start_utc","timezone","note"');
    expect(lines[1]).toBe(
      '"2027-03-23","07:30","tue","instagram","Behind the counter","reel","2027-03-23T06:30:00Z","Europe/Oslo",',
    );
    expect(lines[3]).toBe(
      `"2027-03-28","03:30","sun","instagram","Ask the baker","story","2027-03-28T01:30:00Z","Europe/Oslo","'=HYPERLINK(""x"")"`,
    );
  });
  it('fails with exit 2 and one line when the file cannot be written', async () => {
    const run = await runCli(['calendar', '--json', '--ics', '/nonexistent-dir/x.ics', KAFFEBAR]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/cannot write \/nonexistent-dir\/x\.ics: the folder does not exist/);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
  it('rejects a bad --from or --weeks as a usage error', async () => {
    expect((await runCli(['calendar', '--from', '2027-02-30', KAFFEBAR])).code).toBe(2);
    expect((await runCli(['calendar', '--weeks', '0', KAFFEBAR])).code).toBe(2);
  });
  it('exports from the built bundle too (ical-generator and csv-stringify load lazily)', async () => {
    const dir = testFolder('smplan-bin-');
    const run = spawnCli(['calendar', ...window, '--ics', 'c.ics', '--csv', 'c.csv', KAFFEBAR], { cwd: dir });
    expect(run.stderr).toMatch(/Wrote 6 posts to c\.ics[\s\S]*Wrote 6 posts to c\.csv/);
    expect(run.code).toBe(0);
    expect((await readFile(path.join(dir, 'c.ics'), 'utf8')).match(/^BEGIN:VEVENT/gm)).toHaveLength(6);
    expect((await readFile(path.join(dir, 'c.csv'), 'utf8')).trim().split('\r\n')).toHaveLength(7);
  });
});
