import { describe, expect, it } from 'vitest';
import { CsvError, eachCsvRow, findColumn, parseCsv } from '../../src/plan/csv.js';

describe('parseCsv', () => {
  it('reads a BOM, CRLF, quoted commas and doubled quotes, and gives each row its line', () => {
    const table = parseCsv('\ufeffid,caption,Likes\r\n1,"Coffee, cake and ""friends""",12\r\n\r\n2,plain,7\r\n');
    expect(table.header).toEqual(['id', 'caption', 'Likes']);
    expect(table.rows).toEqual([
      { line: 2, cells: { id: '1', caption: 'Coffee, cake and "friends"', Likes: '12' } },
      { line: 4, cells: { id: '2', caption: 'plain', Likes: '7' } },
    ]);
  });

  it('fills missing cells of a short row with empty text', () => {
    expect(parseCsv('likes,comments,shares\n5,1\n').rows[0]!.cells).toMatchObject({
      likes: '5',
      comments: '1',
      shares: '',
    });
  });

  it('reads semicolon exports when asked', () => {
    expect(parseCsv('likes;comments\n3;4\n', { delimiter: ';' }).rows[0]!.cells).toMatchObject({
      likes: '3',
      comments: '4',
    });
  });

  it('an unclosed quote names the row where it opens, not the end of the file', () => {
    const error = (() => {
      try {
        parseCsv('likes,caption\n1,ok\n2,"never closed\n3,x\n4,y\n');
      } catch (e) {
        return e as CsvError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(CsvError);
    expect(error!.line).toBe(3);
    expect(error!.message).toMatch(/quoted field opened in this row is never closed/);
  });

  it('an empty file has no header', () => {
    expect(() => parseCsv('')).toThrow(/the file is empty/);
  });
});

describe('findColumn', () => {
  it('finds a column by any accepted name, ignoring case', () => {
    expect(findColumn(['Post', 'Reactions', 'Reposts'], ['likes', 'reactions'])).toBe('Reactions');
    expect(findColumn(['a'], ['likes'])).toBeUndefined();
  });
});

describe('row lines', () => {
  it('a row whose caption spans lines starts where it starts', () => {
    const table = parseCsv('likes,caption\n\n1,"two\nlines"\n\n2,"three\nlines\nhere"\n3,one\n');
    expect(table.rows.map((r) => r.line)).toEqual([3, 6, 9]);
  });
});

describe('eachCsvRow: a large export read row by row', () => {
  it('hands each row over as it is read and keeps none (a million rows cost one row of memory)', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `2027-01-01,o,${i}`).join('\n');
    let seen = 0;
    let header: string[] = [];
    let last = { line: 0, cells: {} as Record<string, string> };
    eachCsvRow(
      `date,objective,value\n${rows}\n`,
      {},
      {
        header: (names) => {
          header = names;
        },
        row: (row) => {
          seen++;
          last = row;
        },
      },
    );
    expect(header).toEqual(['date', 'objective', 'value']);
    expect(seen).toBe(200_000);
    expect(last).toEqual({ line: 200_001, cells: { date: '2027-01-01', objective: 'o', value: '199999' } });
  });

  it('a row callback that throws stops the read with its own error, not a CSV error', () => {
    const stop = new Error('enough');
    expect(() =>
      eachCsvRow(
        'a\n1\n2\n3\n',
        {},
        {
          header: () => undefined,
          row: (row) => {
            if (row.line === 3) throw stop;
          },
        },
      ),
    ).toThrow(stop);
  });
});
