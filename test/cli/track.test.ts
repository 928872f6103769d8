import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCEPTANCE, hasStackTrace, runCli, spawnCli } from '../helpers/cli.js';

// kaffebar.yaml: ig-reach 12000 -> 30000 compound 2027-01-01..09-30; loyalty-signups 150 -> +120 % (330)
// linear 2027-02-15..11-15; cost-per-signup 8.5 -> -30 % (5.95) linear 2027-01-01..05-31.
const PLAN = path.join(ACCEPTANCE, 'kaffebar.yaml');
const ACTUALS = path.join(ACCEPTANCE, 'kaffebar-actuals.csv');
const EXPECTED = JSON.parse(readFileSync(path.join(ACCEPTANCE, 'expected/kaffebar-track.json'), 'utf8')) as {
  objectives: Record<string, number | string>[];
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'smplan-track-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csv(name: string, text: string): string {
  writeFileSync(path.join(dir, name), text);
  return name;
}

async function track(...args: string[]) {
  return runCli(['track', PLAN, ...args], { cwd: dir });
}

async function trackJson(...args: string[]) {
  const r = await track('--json', ...args);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { as_of: string; objectives: Record<string, unknown>[] };
}

describe('smplan track --json', () => {
  it('matches the contract figures for the acceptance fixture', async () => {
    const out = await trackJson('--actuals', ACTUALS);
    expect(out.objectives).toHaveLength(EXPECTED.objectives.length);
    EXPECTED.objectives.forEach((want, i) => {
      const got = out.objectives[i]!;
      for (const [key, value] of Object.entries(want)) {
        if (typeof value === 'number') expect(got[key], `${String(want.id)}.${key}`).toBeCloseTo(value, 9);
        else expect(got[key], `${String(want.id)}.${key}`).toBe(value);
      }
    });
    expect(out.as_of).toBe('2027-06-30');
  });

  it('adds the forecast at the deadline', async () => {
    const out = await trackJson('--actuals', ACTUALS);
    const signups = out.objectives.find((o) => o.id === 'loyalty-signups')!;
    // Baseline 150 on 2027-02-15, 190 on 06-30 (135 days later); deadline 273 days after the start.
    expect(signups.forecast).toBeCloseTo(150 + (40 / 135) * 273, 9);
    expect(signups.forecast_progress).toBeCloseTo(((40 / 135) * 273) / 180, 9);
    const cost = out.objectives.find((o) => o.id === 'cost-per-signup')!;
    // 8.5 on 01-01, 7.9 on 03-31 (89 days); deadline 150 days: 8.5 - 0.6 / 89 * 150.
    expect(cost.forecast).toBeCloseTo(8.5 - (0.6 / 89) * 150, 9);
  });

  it('--as-of: the review as it stood then (later rows ignored, the rest no-data)', async () => {
    const out = await trackJson('--actuals', ACTUALS, '--as-of', '2027-03-15');
    expect(out.as_of).toBe('2027-03-15');
    expect(out.objectives.map((o) => [o.id, o.date, o.actual, o.status])).toEqual([
      ['ig-reach', '2027-02-28', 13500, 'behind'],
      ['loyalty-signups', null, null, 'no-data'],
      ['cost-per-signup', null, null, 'no-data'],
    ]);
    // 12000 * 2.5 ** (58 / 272) = 14,431.6: progress 1500 / 18000 = 0.083 against 0.135.
    expect(out.objectives[0]!.expected).toBeCloseTo(12000 * 2.5 ** (58 / 272), 6);
  });

  it('--map and --objective read a Norwegian single-metric export; several files combine', async () => {
    const reach = csv(
      'instagram-no.csv',
      'Dato;Rekkevidde;Merknad\n28.02.2027;"13 500";\n30.04.2027;"17 800";eksport fra Meta\n',
    );
    const signups = csv('signups.csv', 'date,objective,value\n2027-06-30,loyalty-signups,190\n');
    const out = await trackJson(
      '--actuals',
      reach,
      '--actuals',
      signups,
      '--map',
      'date=Dato,value=Rekkevidde',
      '--objective',
      'ig-reach',
    );
    expect(out.objectives.map((o) => [o.id, o.date, o.actual, o.status])).toEqual([
      ['ig-reach', '2027-04-30', 17800, 'on-track'],
      ['loyalty-signups', '2027-06-30', 190, 'behind'],
      ['cost-per-signup', null, null, 'no-data'],
    ]);
  });
});

describe('smplan track: file encodings of spreadsheet exports', () => {
  it('reads Windows-1252 (Excel on Windows) and UTF-16 with a BOM', async () => {
    writeFileSync(path.join(dir, 'ansi.csv'), Buffer.from('Måned;Kundeklubb\r\n30.06.2027;190\r\n', 'latin1'));
    const ansi = await trackJson(
      '--actuals',
      'ansi.csv',
      '--map',
      'date=Måned,value=Kundeklubb',
      '--objective',
      'loyalty-signups',
    );
    expect(ansi.objectives[0]).toMatchObject({ id: 'loyalty-signups', date: '2027-06-30', actual: 190 });

    writeFileSync(
      path.join(dir, 'utf16.csv'),
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('date\tobjective\tvalue\n2027-03-31\tcost-per-signup\t7,9\n', 'utf16le'),
      ]),
    );
    const utf16 = await trackJson('--actuals', 'utf16.csv');
    expect(utf16.objectives[0]).toMatchObject({ id: 'cost-per-signup', actual: 7.9, status: 'behind' });
  });

  it('refuses a binary file at FILE:1', async () => {
    writeFileSync(path.join(dir, 'book.xlsx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]));
    const r = await track('--actuals', 'book.xlsx');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('book.xlsx:1  error  this is a binary file, not CSV');
  });
});

describe('smplan track (table)', () => {
  it('prints a table with status, planned progress and the forecast', async () => {
    const r = await track('--actuals', ACTUALS);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines).toContain('As of 2027-06-30');
    expect(r.stdout).toMatch(/^Objective\s+Date\s+Actual\s+Expected\s+Progress\s+Planned\s+Status$/m);
    expect(r.stdout).toMatch(/^ig-reach\s+2027-04-30\s+17,800\s+17,918\s+32\.2 %\s+32\.9 %\s+on-track$/m);
    expect(r.stdout).toMatch(/^cost-per-signup\s+2027-03-31\s+7\.90\s+6\.99\s+23\.5 %\s+59\.3 %\s+behind$/m);
    expect(r.stdout).toContain('loyalty-signups: 230.9 by 2027-11-15 (target 330, 45 % of the way)');
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('colours the status on a terminal only, never with NO_COLOR', async () => {
    const tty = await runCli(['track', PLAN, '--actuals', ACTUALS], { cwd: dir, tty: true });
    expect(tty.stdout).toContain('\u001b[31mbehind');
    const noColor = await runCli(['track', PLAN, '--actuals', ACTUALS], {
      cwd: dir,
      tty: true,
      env: { NO_COLOR: '1' },
    });
    expect(noColor.stdout).not.toMatch(/\u001b\[/);
  });

  it('shows no-data rows with dashes', async () => {
    const r = await track('--actuals', ACTUALS, '--as-of', '2027-03-15');
    expect(r.stdout).toMatch(/^loyalty-signups\s+–\s+–\s+–\s+–\s+–\s+no-data$/m);
  });
});

describe('smplan track: bad actuals', () => {
  const header = 'date,objective,value\n';
  it.each([
    [
      'unknown objective',
      '2027-03-31,ig-rech,100\n',
      'unknown.csv:2  error  "ig-rech" is not an objective of the plan (did you mean ig-reach?)',
    ],
    ['impossible date', '2027-02-30,ig-reach,100\n', 'baddate.csv:2  error  "2027-02-30" is not a day in the calendar'],
    [
      'day-first date with month 13',
      '31.13.2027,ig-reach,100\n',
      'baddot.csv:2  error  "31.13.2027" is not a day in the calendar',
    ],
    [
      'a date either way round',
      '03/04/2027,ig-reach,100\n',
      'slash.csv:2  error  the date "03/04/2027" could be 2027-04-03 (day first) or 2027-03-04 (month first)',
    ],
    ['non-number', '2027-03-31,ig-reach,12k\n', 'nan.csv:2  error  the value "12k" is not a number'],
    [
      'conflicting duplicate',
      '2027-03-31,ig-reach,100\n2027-03-31,ig-reach,120\n',
      'dup.csv:3  error  ig-reach on 2027-03-31 is 120 here but 100 at line 2: keep one',
    ],
  ])('%s: exit 1, FILE:LINE named, no stack trace', async (name, body, message) => {
    const file = csv(message.split(':')[0]!, header + body);
    const r = await track('--actuals', file);
    expect(r.code, name).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr).toMatch(/the actual figures have 1 error:/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('lists every error of every file, with warnings, in one run', async () => {
    const a = csv('many-a.csv', header + '2027-03-31,nope,1\n2027-03-31,ig-reach,x\n');
    const b = csv('many-b.csv', 'Date,Objective,Value\n2027-02-30,ig-reach,1\n2026-12-01,cost-per-signup,9\n');
    const r = await track('--actuals', a, '--actuals', b);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the actual figures have 3 errors:/);
    for (const where of [
      'many-a.csv:2  error',
      'many-a.csv:3  error',
      'many-b.csv:2  error',
      'many-b.csv:3  warning  2026-12-01 is before cost-per-signup starts (2027-01-01)',
    ]) {
      expect(r.stderr).toContain(where);
    }
  });

  it('a conflicting duplicate across files names both', async () => {
    const a = csv('dup-a.csv', header + '2027-03-31,cost-per-signup,7.9\n');
    const b = csv('dup-b.csv', header + '2027-03-31,cost-per-signup,"7,5"\n');
    const r = await track('--actuals', a, '--actuals', b);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'dup-b.csv:2  error  cost-per-signup on 2027-03-31 is 7.5 here but 7.9 at dup-a.csv:2: keep one',
    );
  });

  it('warnings (identical duplicate, outside the window, no value) go to stderr and keep exit 0', async () => {
    const file = csv(
      'warn.csv',
      header +
        '2027-03-31,cost-per-signup,7.9\n2027-03-31,cost-per-signup,7.90\n2027-07-31,cost-per-signup,6.1\n2026-12-15,ig-reach,11800\n2027-04-30,ig-reach,\n',
    );
    const r = await track('--json', '--actuals', file);
    expect(r.code).toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual([
      'warn.csv:3  warning  cost-per-signup on 2027-03-31 is already given at line 2 with the same value; counted once',
      "warn.csv:4  warning  2027-07-31 is after cost-per-signup's deadline (2027-05-31): the expected value extends the curve past the target",
      'warn.csv:5  warning  2026-12-15 is before ig-reach starts (2027-01-01)',
      'warn.csv:6  warning  no value: the row is skipped',
    ]);
    const out = JSON.parse(r.stdout) as { objectives: { id: string; actual: number; date: string }[] };
    expect(out.objectives.find((o) => o.id === 'cost-per-signup')).toMatchObject({ date: '2027-07-31', actual: 6.1 });
  });

  it('a large export lists its first findings and counts the rest (bounded output)', async () => {
    const rows = Array.from({ length: 5000 }, () => '2027-03-31,cost-per-signup,7.9').join('\n');
    const file = csv('many-dups.csv', `${header}${rows}\n`);
    const r = await track('--json', '--actuals', file);
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(101);
    expect(lines.at(-1)).toBe('many-dups.csv: 4,899 warnings more, not listed (the first 100 are)');
  });

  it('warns about --objective and --map when no file uses them, not when one does', async () => {
    const sheet = csv('sheet.csv', header + '2027-03-31,cost-per-signup,7.9\n');
    const unused = await track('--json', '--actuals', sheet, '--objective', 'ig-reach', '--map', 'value=Raech');
    expect(unused.code).toBe(0);
    expect(unused.stderr.trim().split('\n')).toEqual([
      'sheet.csv:1  warning  has an objective column (objective), so --objective ig-reach is not used',
      'sheet.csv:1  warning  has no column "Raech" (--map value=Raech); its "value" column is read instead',
    ]);
    const reach = csv('reach-export.csv', 'Date,Reach\n2027-04-30,17800\n');
    const used = await track(
      '--json',
      '--actuals',
      sheet,
      '--actuals',
      reach,
      '--objective',
      'ig-reach',
      '--map',
      'value=Reach',
    );
    expect(used.code).toBe(0);
    expect(used.stderr).toBe('');
    expect(
      (JSON.parse(used.stdout) as { objectives: { id: string; actual: number }[] }).objectives.map((o) => [
        o.id,
        o.actual,
      ]),
    ).toEqual([
      ['ig-reach', 17800],
      ['cost-per-signup', 7.9],
      ['loyalty-signups', null],
    ]);
  });

  it('a header without the columns: exit 1 at FILE:1 with the --map hint', async () => {
    const file = csv('meta.csv', 'Date,Reach\n2027-03-31,100\n');
    const r = await track('--actuals', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'meta.csv:1  error  the header row has no objective or value column (found: Date, Reach)',
    );
  });
});

describe('smplan track: usage and environment errors (exit 2)', () => {
  it.each([
    ['no --actuals', [], /missing --actuals CSV/],
    ['a missing CSV file', ['--actuals', 'nope.csv'], /nope\.csv: cannot read: no such file/],
    [
      'an unknown --objective',
      ['--actuals', ACTUALS, '--objective', 'ig-rech'],
      /--objective ig-rech: the plan has no such objective \(did you mean ig-reach\?\)/,
    ],
    [
      'a bad --map',
      ['--actuals', ACTUALS, '--map', 'dates=Dato'],
      /--map: "dates" is not a column smplan reads \(did you mean date\?\)/,
    ],
    ['a bad --as-of', ['--actuals', ACTUALS, '--as-of', '2027-02-30'], /"2027-02-30" is not a day in the calendar/],
  ])('%s', async (_name, args, message) => {
    const r = await track(...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('a plan with errors is refused with exit 1 before the actuals are read', async () => {
    const r = await runCli(['track', path.join(ACCEPTANCE, 'bad/wrong-type.yaml'), '--actuals', 'nope.csv'], {
      cwd: dir,
    });
    expect(r.code).toBe(1);
  });
});

describe('the built CLI', () => {
  it('prints only JSON on stdout and exits 0', () => {
    const r = spawnCli(['track', '--json', PLAN, '--actuals', ACTUALS]);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { objectives: unknown[] }).objectives).toHaveLength(3);
  });
});

describe('the example actuals (docs/monthly-review.md)', () => {
  it.each([
    [
      'fieldnote-software',
      [
        '--actuals',
        'examples/data/fieldnote-software-actuals.csv',
        '--actuals',
        'examples/data/fieldnote-linkedin-followers-actuals.csv',
        '--map',
        'value=Followers',
        '--objective',
        'li-followers',
      ],
      {
        'demo-requests': 'on-track',
        'cost-per-demo': 'behind',
        'li-followers': 'ahead',
        'community-members': 'behind',
        'engineering-applications': 'no-data',
      },
    ],
    [
      'nordlys-bakeri',
      ['--actuals', 'examples/data/nordlys-bakeri-actuals.csv'],
      {
        'ig-folgere': 'on-track',
        'ig-rekkevidde': 'ahead',
        forhandsbestillinger: 'behind',
        'kostnad-per-bestilling': 'on-track',
        svartid: 'behind',
        soknader: 'no-data',
      },
    ],
    [
      'rodopski-sklon',
      ['--actuals', 'examples/data/rodopski-sklon-actuals.csv'],
      {
        rezervacii: 'on-track',
        'ig-posledovateli': 'behind',
        'online-porachki': 'ahead',
        'cena-na-porachka': 'behind',
      },
    ],
  ])('%s reads cleanly (no warnings) as of 2027-04-30', async (plan, args, statuses) => {
    const r = await runCli(['track', '--json', `examples/${plan}.yaml`, ...args]);
    // The Norwegian and Bulgarian sheets are read by their own column names, said once.
    expect(r.stderr).toBe(
      plan === 'fieldnote-software'
        ? ''
        : `examples/data/${plan}-actuals.csv: read the columns date = "${args[1]!.includes('nordlys') ? 'Dato' : 'Дата'}", objective = "${args[1]!.includes('nordlys') ? 'Mål' : 'Цел'}", value = "${args[1]!.includes('nordlys') ? 'Verdi' : 'Стойност'}", note = "${args[1]!.includes('nordlys') ? 'Kommentar' : 'Коментар'}"\n`,
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { as_of: string; objectives: { id: string; status: string }[] };
    expect(out.as_of).toBe('2027-04-30');
    const got = Object.fromEntries(out.objectives.map((o) => [o.id, o.status]));
    expect(got).toMatchObject(statuses);
  });
});

describe('smplan track: a trend that misses the target', () => {
  it('on track so far but short at the deadline says both', async () => {
    // cost-per-signup 8.5 -> 5.95 by 2027-05-31: 7.2 on 03-17 is on track (51 % against 50 %); the
    // least-squares line through 8.5, 7.6 (01-11) and 7.2 ends at 6.15, 92 % of the way.
    const name = csv(
      'short.csv',
      'date,objective,value\n2027-01-11,cost-per-signup,7.6\n2027-03-17,cost-per-signup,7.2\n',
    );
    const r = await track('--actuals', name);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/cost-per-signup +2027-03-17 .* on-track/);
    expect(r.stdout).toContain(
      'cost-per-signup: on track so far; at this trend 92 % of the way to the target by the deadline: 6.15 by 2027-05-31',
    );
    const json = await trackJson('--actuals', name);
    expect(json.objectives.find((o) => o.id === 'cost-per-signup')).toMatchObject({
      status: 'on-track',
      trend_short_of_target: true,
    });
  });
});

describe('a Norwegian plan with a Norwegian sheet', () => {
  const NORDLYS = path.join(path.dirname(ACCEPTANCE), '..', '..', 'examples', 'nordlys-bakeri.yaml');
  const nbTrack = (...args: string[]) => runCli(['track', NORDLYS, '--json', ...args], { cwd: dir });

  it('finds Dato, Mål and Verdi without --map and says which columns it read', async () => {
    const sheet = csv('nb-sheet.csv', 'Dato;Mål;Verdi\n31.03.2027;ig-folgere;5 120\n30.04.2027;ig-folgere;5 360\n');
    const r = await nbTrack('--actuals', sheet);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('nb-sheet.csv: read the columns date = "Dato", objective = "Mål", value = "Verdi"\n');
    const ig = (JSON.parse(r.stdout) as { objectives: { id: string; actual: number }[] }).objectives.find(
      (o) => o.id === 'ig-folgere',
    )!;
    expect(ig.actual).toBe(5360);
  });

  it('English column names still work in a Norwegian plan, and say nothing', async () => {
    const sheet = csv('nb-en.csv', 'date,objective,value\n2027-03-31,ig-folgere,5120\n');
    const r = await nbTrack('--actuals', sheet);
    expect(r).toMatchObject({ code: 0, stderr: '' });
  });

  describe('exports as they come', () => {
    const actualOf = (stdout: string, id: string) =>
      (JSON.parse(stdout) as { objectives: { id: string; actual: number }[] }).objectives.find((o) => o.id === id)!
        .actual;

    it('skips a title and a description row above the header', async () => {
      const meta = csv(
        'meta-rekkevidde.csv',
        '\uFEFFInstagram-rekkevidde\n"Kontoer nådd; 1. jan – 31. mars 2027"\nDato;Rekkevidde\n28.02.2027;11\u00a0200\n31.03.2027;12\u00a0850\n',
      );
      const r = await nbTrack('--actuals', meta, '--objective', 'ig-rekkevidde', '--map', 'value=Rekkevidde');
      expect(r.code, r.stderr).toBe(0);
      expect(actualOf(r.stdout, 'ig-rekkevidde')).toBe(12850);
    });

    it('reads US dates the column shows are month first, and "1,012" followers as a count', async () => {
      const linkedin = csv(
        'followers.csv',
        'Followers export\n"Date","Total followers"\n"03/01/2027","1,012"\n"03/31/2027","1,020"\n',
      );
      const r = await nbTrack('--actuals', linkedin, '--objective', 'ig-folgere', '--map', 'value=Total followers');
      expect(r.code, r.stderr).toBe(0);
      expect(actualOf(r.stdout, 'ig-folgere')).toBe(1020);
    });

    it('names both readings of a date no row settles, with the file, row and column', async () => {
      const either = csv('either.csv', '"Date","Total followers"\n"03/01/2027","1,012"\n');
      const r = await nbTrack('--actuals', either, '--objective', 'ig-folgere', '--map', 'value=Total followers');
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        'either.csv:2  error  the date "03/01/2027" could be 2027-01-03 (day first) or 2027-03-01 (month first)',
      );
      expect(r.stderr).toContain('(column "Date")');
    });

    it('says what is wrong with a broken cell in plain words', async () => {
      const broken = csv('broken.csv', 'Dato;Verdi\n31.03.2027;"12 850"x\n');
      const r = await nbTrack('--actuals', broken, '--objective', 'ig-rekkevidde');
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('broken.csv:2  error  not valid CSV: column 2 has text after its closing quote');
      expect(r.stderr).not.toMatch(/delimiter|trimable/);
    });
  });

  it('never guesses 5,120: the row is an error naming both readings, unless the column settles it', async () => {
    // A cost could be 5 120 kr or 5,12 kr.
    const ambiguous = csv('nb-ambiguous.csv', 'Dato;Mål;Verdi\n31.03.2027;kostnad-per-bestilling;"5,120"\n');
    const r = await nbTrack('--actuals', ambiguous);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'nb-ambiguous.csv:2  error  the value "5,120" could be 5\u00a0120 or 5,12: write it without the thousands separator (or with more decimals) (column "Verdi")',
    );
    // Another figure with a decimal comma says how this column writes decimals.
    const settled = csv(
      'nb-settled.csv',
      'Dato;Mål;Verdi\n31.03.2027;kostnad-per-bestilling;"5,120"\n30.04.2027;kostnad-per-bestilling;"5,5"\n',
    );
    expect((await nbTrack('--actuals', settled)).code).toBe(0);
    // And a space-grouped figure reads one way only.
    expect(
      (await nbTrack('--actuals', csv('nb-spaced.csv', 'Dato;Mål;Verdi\n31.03.2027;ig-folgere;5 120\n'))).code,
    ).toBe(0);
  });
});

describe('smplan track: why and spend', () => {
  function planWithIds(): string {
    const yaml = readFileSync(PLAN, 'utf8').replace(
      '    - name: Instagram ads\n',
      '    - id: ig-ads\n      name: Instagram ads\n',
    );
    writeFileSync(path.join(dir, 'plan-ids.yaml'), yaml);
    // The plan's posts CSV, beside it as in the fixture folder.
    mkdirSync(path.join(dir, 'data'), { recursive: true });
    copyFileSync(
      path.join(ACCEPTANCE, 'data/harbor-roasters-instagram.csv'),
      path.join(dir, 'data/harbor-roasters-instagram.csv'),
    );
    return path.join(dir, 'plan-ids.yaml');
  }

  it('shows the note as why, terminal-safe, and spend against budget', async () => {
    const plan = planWithIds();
    const file = csv(
      'why.csv',
      'date,objective,value,comment\n2027-03-31,ig-reach,15000,\n2027-04-30,ig-reach,17800,"Easter \u001b]0;pwned\u0007offer\nsecond line"\n2027-03-31,spend:ig-ads,1400,\n2027-04-30,spend:ig-ads,1900,\n',
    );
    const r = await runCli(['track', plan, '--actuals', file], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/[\u001b\u0007]/);
    expect(r.stdout).toMatch(/ig-reach: \+2,800 since 2027-03-31\n\s+why: Easter .*offer second line/);
    expect(r.stdout).toContain('Spend against budget (to 2027-04-30)');
    expect(r.stdout).toMatch(/Instagram ads\s+\$6,000\s+\$3,300\s+-\$2,700\n/);
    expect(r.stdout).toMatch(/Total\s+\$6,000\s+\$3,300\s+-\$2,700\n/);
    const json = JSON.parse((await runCli(['track', plan, '--actuals', file, '--json'], { cwd: dir })).stdout) as {
      objectives: { id: string; note: string | null }[];
      spend: { items: { id: string; actual: number }[] };
    };
    expect(json.objectives.find((o) => o.id === 'ig-reach')!.note).toMatch(/^Easter /);
    expect(json.spend.items).toEqual([expect.objectContaining({ id: 'ig-ads', actual: 3300 })]);
  });

  it('an unknown budget item is a located error with a did-you-mean (exit 1)', async () => {
    const plan = planWithIds();
    const file = csv('bad-spend.csv', 'date,objective,value\n2027-04-30,spend:ig-add,1900\n');
    const r = await runCli(['track', plan, '--actuals', file], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'bad-spend.csv:2  error  "ig-add" is not a budget item of the plan (did you mean spend:ig-ads?) (column "objective")',
    );
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});
