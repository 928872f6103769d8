/**
 * The calendar files as the programs that read them see them: the .ics through ical.js (the
 * parser of Thunderbird and Nextcloud), the .csv as RFC 4180 (csv-parse) and as Excel or
 * LibreOffice would split it with either separator, holding untrusted plan text.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { FORMULA_TEXT, q, UNTRUSTED_TEXT } from '../helpers/untrusted.js';

const TRIGGER = /^[=+\-@\t\r]/;
/** The calendar's name is the title; a line break in it is another writer's concern (ICS property escaping). */
const ONE_LINE_TITLE = UNTRUSTED_TEXT.replace(/[\r\n]+/g, ' ');

function plan(changes: { title?: string; organization?: string; id?: string; time?: string } = {}): string {
  return `smplan: 1
plan:
${changes.id ? `  id: ${changes.id}\n` : ''}  title: ${q(changes.title ?? ONE_LINE_TITLE)}
  organization: ${q(changes.organization ?? 'Nordlys Bakeri AS')}
  locale: nb
  currency: NOK
  timezone: Europe/Oslo
  start: 2027-01-01
  end: 2027-12-31
goals:
  - id: awareness
    statement: Bli kjent
    priority: primary
content:
  pillars:
    - id: fresh
      name: ${q(UNTRUSTED_TEXT)}
      share: 0.5
    - id: formula
      name: ${q(FORMULA_TEXT)}
      share: 0.5
  slots:
    - channel: instagram
      weekday: tue
      time: ${q(changes.time ?? '07:30')}
      pillar: fresh
      format: ${q('-reel; =2+2')}
      note: ${q(UNTRUSTED_TEXT)}
    - channel: facebook
      weekday: thu
      time: "12:00"
      pillar: formula
      note: ${q('@cmd|calc!A0')}
  special_dates:
    - date: 2027-03-28
      name: ${q(`Påskeaften; ${UNTRUSTED_TEXT}`)}
`;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'smplan-calendar-files-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function exportFiles(yaml: string, extra: string[] = []): Promise<{ ics: string; csv: Buffer }> {
  const file = path.join(dir, 'plan.yaml');
  await writeFile(file, yaml);
  const args = ['calendar', file, '--from', '2027-03-22', '--weeks', '2', '--ics', 'c.ics', '--csv', 'c.csv', ...extra];
  const run = await runCli(args, { cwd: dir, env: { SOURCE_DATE_EPOCH: '1800000000' } });
  expect(run.code, run.stderr).toBe(0);
  return { ics: await readFile(path.join(dir, 'c.ics'), 'utf8'), csv: await readFile(path.join(dir, 'c.csv')) };
}

describe('calendar .ics → calendar apps', () => {
  it('parses with ical.js, every line (the last too) ends in CRLF, and plan text survives', async () => {
    const { ics } = await exportFiles(plan());
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(
      ics
        .split('\r\n')
        .slice(0, -1)
        .every((line) => !line.includes('\n') && !line.includes('\r')),
    ).toBe(true);
    const vcalendar = new ICAL.Component(ICAL.parse(ics));
    const events = vcalendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(5); // 4 posts and the special date
    const post = events.find((e) => e.description?.includes('Local time: 2027-03-23'))!;
    expect(post.description).toContain(UNTRUSTED_TEXT);
    expect(post.startDate.toJSDate().toISOString()).toBe('2027-03-23T06:30:00.000Z');
    expect(events.some((e) => e.summary === `Påskeaften; ${UNTRUSTED_TEXT}`)).toBe(true);
  });

  it('keeps every UID when the title, a time or a note changes; plan.id keeps them across a new organization name', async () => {
    const uids = (ics: string) => ics.match(/^UID:.*$/gm)!;
    const before = uids((await exportFiles(plan())).ics);
    expect(new Set(before).size).toBe(5);
    expect(uids((await exportFiles(plan({ title: 'Ny tittel 2027', time: '08:00' }))).ics)).toEqual(before);
    expect(uids((await exportFiles(plan({ organization: 'Nordlys AS' }))).ics)).not.toEqual(before);
    const keyed = uids((await exportFiles(plan({ id: 'nordlys-2027' }))).ics);
    expect(uids((await exportFiles(plan({ id: 'nordlys-2027', organization: 'Nordlys AS', title: 'x' }))).ics)).toEqual(
      keyed,
    );
  });
});

describe('calendar .csv → Excel and LibreOffice', () => {
  it('is UTF-8 with a BOM, CRLF records, and reads back cell for cell (RFC 4180)', async () => {
    const { csv } = await exportFiles(plan());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/"(?:[^"]|"")*"/g, '').match(/[^\r]\n/g)).toBeNull();
    const rows = parseCsv(csv, { bom: true, record_delimiter: '\r\n' }) as string[][];
    expect(rows[0]).toEqual([
      'date',
      'time',
      'weekday',
      'channel',
      'pillar',
      'format',
      'start_utc',
      'timezone',
      'note',
    ]);
    expect(rows).toHaveLength(5);
    const tuesday = rows.find((r) => r[0] === '2027-03-23')!;
    // Only a ' before a formula trigger was added; everything else is the plan text.
    expect(tuesday[4]).toBe(UNTRUSTED_TEXT.replace("'\tfane", "''\tfane").replace('x;=1+1', "x;'=1+1"));
    expect(tuesday[5]).toBe("'-reel; =2+2");
    expect(rows.find((r) => r[0] === '2027-03-25')![8]).toBe("'@cmd|calc!A0");
  });

  it('follows OWASP: no cell starts with a formula trigger, whichever separator the spreadsheet splits on', async () => {
    for (const delimiter of [',', ';']) {
      const { csv } = await exportFiles(plan(), ['--csv-delimiter', delimiter]);
      const text = csv.toString('utf8');
      const rows = parseCsv(csv, { bom: true, delimiter }) as string[][];
      expect(rows[0]).toHaveLength(9);
      for (const cell of rows.flat()) expect(cell, cell).not.toMatch(TRIGGER);
      // A spreadsheet that guesses the other separator (Excel in nb splits on ;) ignores the quoting:
      // every piece of every line, quote stripped, still starts harmlessly.
      for (const separator of [',', ';', '\t']) {
        for (const line of text.replace(/^\ufeff/, '').split(/\r?\n/)) {
          for (const piece of line.split(separator))
            expect(piece.replace(/^"/, ''), `${separator} ${line}`).not.toMatch(TRIGGER);
        }
      }
    }
  });

  it('leaves the BOM out with --no-csv-bom', async () => {
    const { csv } = await exportFiles(plan(), ['--no-csv-bom', '--csv-delimiter', ';']);
    expect(csv.toString('utf8').startsWith('"date";"time"')).toBe(true);
  });
});
