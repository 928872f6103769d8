import { describe, expect, it } from 'vitest';
import { CLIError } from '../../src/cli/errors.js';
import { parseColumnMap } from '../../src/cli/tracking.js';
import { parseActualDate, parseActualNumber, parseActualsCsv } from '../../src/plan/actuals.js';
import { decodeCsv } from '../../src/plan/csv.js';

describe('parseActualNumber', () => {
  it.each([
    ['1234', 1234],
    ['-3', -3],
    ['\u22123', -3],
    ['+7', 7],
    ['7.9', 7.9],
    ['12,5', 12.5],
    ['0,125', 0.125],
    ['1234,567', 1234.567],
    ['1 234', 1234],
    ['1\u00a0234\u00a0567', 1234567],
    ['12\u202f345', 12345],
    ['1,234', 1234],
    ['123,456', 123456],
    ['1,234,567', 1234567],
    ['1.234.567', 1234567],
    ['1,234.5', 1234.5],
    ['1.234,5', 1234.5],
    ['1 234,5', 1234.5],
    ['1.234', 1.234],
    ['.5', 0.5],
    ['4,2 %', 0.042],
    ['4.2%', 0.042],
    [' 17800 ', 17800],
  ])('%j is %d', (cell, value) => {
    expect(parseActualNumber(cell)).toBeCloseTo(value, 12);
  });

  it.each([
    '12abc',
    'kr 100',
    '$12',
    '1e5',
    '12.',
    '1,2,3',
    '1,234,5',
    '12 34',
    '1 234.567,8',
    '1.2.3,4',
    ',',
    '-',
    '%',
    'n/a',
  ])('%j is not a number', (cell) => {
    expect(parseActualNumber(cell)).toBe('invalid');
  });

  it('reads an empty cell as no value', () => {
    expect(parseActualNumber('  ')).toBeUndefined();
  });
});

describe('parseActualDate', () => {
  it.each([
    ['2027-04-30', '2027-04-30'],
    ['2027-04-30T08:15:00', '2027-04-30'],
    ['2027-04-30T23:00:00+02:00', '2027-04-30'],
    ['2027-04-30 08:15', '2027-04-30'],
    ['30.04.2027', '2027-04-30'],
    ['1.4.2027', '2027-04-01'],
    ['29.02.2028', '2028-02-29'],
    // Only one order can read these: a US export's date, and a British one.
    ['04/30/2027', '2027-04-30'],
    ['03/31/2027 12:00:00 AM', '2027-03-31'],
    ['30/04/2027', '2027-04-30'],
    ['2027-4-30', '2027-04-30'],
    ['2027/04/30', '2027-04-30'],
  ])('%j is %s', (cell, date) => {
    expect(parseActualDate(cell)).toEqual({ date });
  });

  it('reads 01/03/2027 by the plan region, or by the order the column shows', () => {
    expect(parseActualDate('01/03/2027', 'en-US')).toEqual({ date: '2027-01-03' });
    expect(parseActualDate('01/03/2027', 'en-GB')).toEqual({ date: '2027-03-01' });
    expect(parseActualDate('01/03/2027', 'nb', 'mdy')).toEqual({ date: '2027-01-03' });
  });

  it.each([
    ['2027-02-30', /not a day in the calendar/],
    ['31.13.2027', /not a day in the calendar/],
    ['29.02.2027', /not a day in the calendar/],
    ['30 April', /not a date: write YYYY-MM-DD \(or DD\.MM\.YYYY\)/],
    ['2027-04', /not a date/],
    ['01/03/2027', /could be 2027-03-01 \(day first\) or 2027-01-03 \(month first\)/],
    ['04/31/2027', /not a day in the calendar/],
    ['', /no date/],
  ])('%j is refused', (cell, message) => {
    const result = parseActualDate(cell);
    expect('error' in result && result.error).toMatch(message);
  });
});

describe('parseColumnMap', () => {
  it('maps date, objective and value, keeping the names as written', () => {
    expect(parseColumnMap('date=Dato, value=Rekkevidde (unike),objective=KPI')).toEqual({
      date: 'Dato',
      value: 'Rekkevidde (unike)',
      objective: 'KPI',
    });
    expect(parseColumnMap(undefined)).toEqual({});
  });

  it.each([
    ['dat=Dato', /"dat" is not a column smplan reads \(did you mean date\?\)/],
    ['value=', /give the export's column name for value/],
    ['value', /give the export's column name for value/],
    ['value=A,value=B', /value is mapped twice/],
  ])('%j is a usage error (exit 2)', (spec, message) => {
    let error: unknown;
    try {
      parseColumnMap(spec);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CLIError);
    expect((error as CLIError).exitCode).toBe(2);
    expect((error as CLIError).message).toMatch(message);
  });
});

describe('parseActualsCsv', () => {
  const objectives = new Set(['ig-reach', 'leads']);

  it('reads semicolon-separated Norwegian exports with mapped columns', () => {
    const text = 'Dato;KPI;Verdi;Kommentar\n31.01.2027;ig-reach;"12 800";januar\n28.02.2027;leads;12,5;\n';
    const { rows, findings } = parseActualsCsv(text, 'n.csv', {
      objectives,
      map: { date: 'Dato', objective: 'KPI', value: 'Verdi' },
    });
    expect(findings).toEqual([]);
    expect(rows).toEqual([
      { date: '2027-01-31', objective: 'ig-reach', value: 12800, file: 'n.csv', line: 2 },
      { date: '2027-02-28', objective: 'leads', value: 12.5, file: 'n.csv', line: 3 },
    ]);
  });

  it('reads tab-separated files and falls back to the standard names for unmapped columns', () => {
    const text = 'date\tobjective\tReach\n2027-01-31\tig-reach\t1,234\n';
    const { rows, findings } = parseActualsCsv(text, 't.csv', { objectives, map: { value: 'Reach', date: 'Dag' } });
    expect(findings).toEqual([]);
    expect(rows[0]).toMatchObject({ date: '2027-01-31', value: 1234 });
  });

  it("follows Excel's sep= first line, keeping the file's line numbers", () => {
    const text = 'sep=;\r\nDate;Reach\r\n2027-01-31;1,5\r\n2027-02-30;2\r\n';
    const { rows, findings } = parseActualsCsv(text, 'x.csv', {
      objectives,
      map: { value: 'Reach' },
      objective: 'leads',
    });
    expect(rows).toEqual([{ date: '2027-01-31', objective: 'leads', value: 1.5, file: 'x.csv', line: 3 }]);
    expect(findings.map((f) => f.line)).toEqual([4]);
    expect(parseActualsCsv('sep=,\nDate,Reach\n', 'y.csv', { objectives, map: {} }).findings[0]!.line).toBe(2);
  });

  it("reads Meta Business Suite's per-metric export as it comes: UTF-16 with a BOM, sep=, a title line, Date and Primary", () => {
    const text =
      'sep=,\n"Facebook follows"\n"Date","Primary"\n"2027-01-01T00:00:00","20"\n"2027-01-02T00:00:00","1,012"\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const decoded = decodeCsv(bytes)!;
    const { rows, findings } = parseActualsCsv(decoded, 'follows.csv', { objectives, map: {}, objective: 'ig-reach' });
    expect(findings).toEqual([]);
    expect(rows.map((r) => [r.date, r.objective, r.value, r.line])).toEqual([
      ['2027-01-01', 'ig-reach', 20, 4],
      ['2027-01-02', 'ig-reach', 1012, 5],
    ]);
  });

  it('skips rows of empty cells and warns about a row without a value', () => {
    const text = 'date,objective,value\n2027-01-31,leads,\n,,\n2027-02-28,leads,5\n';
    const { rows, findings } = parseActualsCsv(text, 'a.csv', { objectives, map: {} });
    expect(rows.map((r) => r.line)).toEqual([4]);
    expect(findings).toEqual([
      {
        file: 'a.csv',
        line: 2,
        column: 3,
        severity: 'warning',
        rule: 'actuals-value',
        message: 'no value: the row is skipped',
        path: '',
      },
    ]);
  });

  it('reports every problem of a row, at its line', () => {
    const text = 'date,objective,value\n2027-02-30,ig-rech,12x\n';
    const { rows, findings } = parseActualsCsv(text, 'a.csv', { objectives, map: {} });
    expect(rows).toEqual([]);
    expect(findings.map((f) => [f.line, f.severity, f.message])).toEqual([
      [2, 'error', '"2027-02-30" is not a day in the calendar (column "date")'],
      [2, 'error', '"ig-rech" is not an objective of the plan (did you mean ig-reach?) (column "objective")'],
      [2, 'error', 'the value "12x" is not a number (column "value")'],
    ]);
  });

  it('lists the objectives when an unknown id is near none of them', () => {
    const { findings } = parseActualsCsv('date,objective,value\n2027-01-31,followers,5\n', 'a.csv', {
      objectives,
      map: {},
    });
    expect(findings.map((f) => f.message)).toEqual([
      '"followers" is not an objective of the plan (objectives: ig-reach, leads) (column "objective")',
    ]);
  });

  it('names a missing column and how to map it', () => {
    const { findings } = parseActualsCsv('Dato,Reach\n2027-01-31,5\n', 'm.csv', { objectives, map: { date: 'Dato' } });
    expect(findings).toEqual([
      {
        file: 'm.csv',
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'actuals-header',
        path: '',
        message:
          'the header row has no objective or value column (found: Dato, Reach) (for an export of one metric, say which objective it is with --objective ID)',
      },
    ]);
    const mapped = parseActualsCsv('Dato,Reach\n2027-01-31,5\n', 'm.csv', {
      objectives,
      map: { value: 'Rekkevidde' },
      objective: 'leads',
    });
    expect(mapped.findings[0]!.message).toBe(
      'the header row has no date or value (mapped to "Rekkevidde") column (found: Dato, Reach); name the export\'s columns with --map date=COLUMN,value=COLUMN',
    );
  });

  it('--objective: every row of a file without an objective column is that objective', () => {
    const { rows, findings, objectiveFromOption } = parseActualsCsv('Date,Reach\n2027-01-31,"13,500"\n', 'r.csv', {
      objectives,
      map: { value: 'Reach' },
      objective: 'ig-reach',
    });
    expect(findings).toEqual([]);
    expect(objectiveFromOption).toBe(true);
    expect(rows).toEqual([{ date: '2027-01-31', objective: 'ig-reach', value: 13500, file: 'r.csv', line: 2 }]);
  });

  it('--objective is not used for a file that has an objective column', () => {
    const parsed = parseActualsCsv('date,objective,value\n2027-01-31,leads,4\n', 'b.csv', {
      objectives,
      map: {},
      objective: 'ig-reach',
    });
    expect(parsed.rows[0]!.objective).toBe('leads');
    expect(parsed).toMatchObject({ findings: [], objectiveFromOption: false, objectiveColumn: 'objective' });
  });

  it('warns about a file with a header and no figures', () => {
    expect(parseActualsCsv('date,objective,value\r\n', 'e.csv', { objectives, map: {} }).findings).toEqual([
      {
        file: 'e.csv',
        line: 1,
        column: 1,
        severity: 'warning',
        rule: 'actuals-header',
        message: 'has a header row but no figures',
        path: '',
      },
    ]);
  });

  it('reports broken CSV at its line', () => {
    const { findings } = parseActualsCsv('date,objective,value\n2027-01-31,"leads,4\n', 'q.csv', {
      objectives,
      map: {},
    });
    expect(findings[0]).toMatchObject({ file: 'q.csv', severity: 'error' });
    expect(findings[0]!.message).toMatch(/^not valid CSV/);
  });
});
