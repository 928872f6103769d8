/**
 * The actuals reader keeps points, not rows: what it retains is bounded by the distinct
 * (objective, date) points and LISTED_PER_FILE findings a file, whatever the row count.
 * Checked by structure (what is kept), never by timing.
 */
import { describe, expect, it } from 'vitest';
import {
  ActualPoints,
  ActualsFindings,
  DEFERRED_ROWS,
  LISTED_PER_FILE,
  MAX_NOTE_CHARS,
  parseActualsCsv,
} from '../../src/plan/actuals.js';

const objectives = new Set(['reach', 'leads']);

function read(text: string, context: Partial<Parameters<typeof parseActualsCsv>[2]> = {}) {
  const log = new ActualsFindings();
  const store = new ActualPoints(log);
  const parsed = parseActualsCsv(text, 'a.csv', {
    objectives,
    map: {},
    onRow: (row) => store.addRow(row),
    onSpend: (row) => store.addSpend(row),
    findings: log,
    ...context,
  });
  return { log, store, parsed };
}

describe('the actuals reader keeps one entry per point', () => {
  it.each([10, 5_000])('retains the same state for %i repeated rows', (n) => {
    const text = `date,objective,value\n${'2027-01-31,reach,100\n'.repeat(n)}`;
    const { log, store, parsed } = read(text);
    expect(store.size).toBe(1);
    // The parser hands rows on and holds none itself.
    expect(parsed.rows).toEqual([]);
    const kept = log.findings(['a.csv']);
    expect(kept.length).toBe(Math.min(n - 1, LISTED_PER_FILE));
    expect(kept[0]).toMatchObject({ line: 3, severity: 'warning', rule: 'actuals-duplicate' });
    const omitted = log.omitted().get('a.csv') ?? { error: 0, warning: 0 };
    expect(omitted.warning + kept.length).toBe(n - 1);
  });

  it('counts every error, even those not kept, and keeps the first by line', () => {
    const log = new ActualsFindings(3);
    for (let line = 20; line >= 2; line--) log.add('a.csv', line, 'error', 'actuals-value', `bad ${line}`);
    expect(log.errors).toBe(19);
    expect(log.findings(['a.csv']).map((f) => f.line)).toEqual([2, 3, 4]);
    expect(log.omitted().get('a.csv')).toEqual({ error: 16, warning: 0 });
  });

  it('makes a message only for a finding it keeps', () => {
    const log = new ActualsFindings(2);
    let made = 0;
    for (let line = 2; line < 1_000; line++)
      log.add('a.csv', line, 'error', 'actuals-objective', () => `message ${++made}`);
    expect(made).toBe(2);
    expect(log.errors).toBe(998);
  });

  it.each([3, DEFERRED_ROWS + 3])(
    'reads 1,234 by the decimal mark the rest of its column shows, with %i such rows',
    (n) => {
      // 1,234 is 1234 in English on its own; the column's 7,5 says the comma is the decimal mark.
      const text = `date,objective,value\n${'2027-01-31,reach,"1,234"\n'.repeat(n)}2027-01-31,leads,"7,5"\n`;
      const { log, store } = read(text);
      expect(log.errors).toBe(0);
      expect(store.get('reach', '2027-01-31')!.value).toBe(1.234);
      expect(store.get('leads', '2027-01-31')!.value).toBe(7.5);
    },
  );

  it('tells apart the same point with another value (an error) across files', () => {
    const log = new ActualsFindings();
    const store = new ActualPoints(log);
    for (const [file, value] of [
      ['a.csv', '5'],
      ['b.csv', '6'],
    ] as const)
      parseActualsCsv(`date,objective,value\n2027-01-31,leads,${value}\n`, file, {
        objectives,
        map: {},
        onRow: (row) => store.addRow(row),
        findings: log,
      });
    expect(store.size).toBe(1);
    expect(log.findings(['a.csv', 'b.csv'])).toEqual([
      expect.objectContaining({
        file: 'b.csv',
        line: 2,
        severity: 'error',
        message: 'leads on 2027-01-31 is 6 here but 5 at a.csv:2: keep one',
      }),
    ]);
  });
});

describe('the note column: why a figure moved', () => {
  it.each([
    ['en', 'date,objective,value,source,comment\n2027-01-31,leads,5,CRM,Spring offer\n', 'Spring offer'],
    ['en', 'date,objective,value,note\n2027-01-31,leads,5,Spring offer\n', 'Spring offer'],
    ['en', 'date,objective,value,source\n2027-01-31,leads,5,CRM export\n', 'CRM export'],
    ['nb', 'Dato;Mål;Verdi;Kilde;Kommentar\n31.01.2027;leads;5;CRM;Vårkampanjen\n', 'Vårkampanjen'],
    ['nb', 'Dato;Mål;Verdi;Merknad\n31.01.2027;leads;5;Vårkampanjen\n', 'Vårkampanjen'],
    ['bg', 'Дата;Цел;Стойност;Източник;Коментар\n31.01.2027;leads;5;CRM;Пролетна оферта\n', 'Пролетна оферта'],
    ['bg', 'Дата;Цел;Стойност;Причина\n31.01.2027;leads;5;Пролетна оферта\n', 'Пролетна оферта'],
  ] as const)('%s: %j', (locale, text, note) => {
    const { rows, findings } = parseActualsCsv(text, 'n.csv', { objectives, map: {}, locale });
    expect(findings).toEqual([]);
    expect(rows[0]!.note).toBe(note);
  });

  it('names the note column it read in the plan language, and takes --map note=', () => {
    const nb = parseActualsCsv('Dato;Mål;Verdi;Kommentar\n31.01.2027;leads;5;Vår\n', 'n.csv', {
      objectives,
      map: {},
      locale: 'nb',
    });
    expect(nb.columnsRead).toMatchObject({ note: 'Kommentar' });
    const mapped = parseActualsCsv('date,objective,value,Hvorfor\n2027-01-31,leads,5,Vår\n', 'm.csv', {
      objectives,
      map: { note: 'Hvorfor' },
    });
    expect(mapped.rows[0]!.note).toBe('Vår');
  });

  it('leaves a row without a note without one, and cuts a long note', () => {
    const long = 'x'.repeat(MAX_NOTE_CHARS + 50);
    const { rows } = parseActualsCsv(
      `date,objective,value,comment\n2027-01-31,leads,5,\n2027-02-28,leads,6,${long}\n`,
      'c.csv',
      { objectives, map: {} },
    );
    expect(rows[0]).not.toHaveProperty('note');
    expect([...rows[1]!.note!]).toHaveLength(MAX_NOTE_CHARS);
    expect(rows[1]!.note!.endsWith('…')).toBe(true);
  });
});

describe('spend rows: spend:<budget item id>', () => {
  const budgetItems = new Set(['linkedin-ads', 'moderator']);

  it('reads a budget item’s spend beside the objectives', () => {
    const { rows, spend, findings } = parseActualsCsv(
      'date,objective,value\n2027-01-31,spend:linkedin-ads,3310\n2027-01-31,leads,5\n',
      's.csv',
      { objectives, map: {}, budgetItems },
    );
    expect(findings).toEqual([]);
    expect(spend).toEqual([{ date: '2027-01-31', item: 'linkedin-ads', value: 3310, file: 's.csv', line: 2 }]);
    expect(rows.map((r) => r.objective)).toEqual(['leads']);
  });

  it('an unknown budget item is an error at its cell, with a did-you-mean', () => {
    const { findings, spend } = parseActualsCsv(
      'date,objective,value\n2027-01-31,spend:linkedn-ads,3310\n2027-01-31,spend:tv,1\n',
      's.csv',
      { objectives, map: {}, budgetItems },
    );
    expect(spend).toEqual([]);
    expect(findings).toEqual([
      expect.objectContaining({
        line: 2,
        column: 2,
        severity: 'error',
        rule: 'actuals-budget-item',
        message:
          '"linkedn-ads" is not a budget item of the plan (did you mean spend:linkedin-ads?) (column "objective")',
      }),
      expect.objectContaining({
        line: 3,
        message:
          '"tv" is not a budget item of the plan (budget items with an id: linkedin-ads, moderator) (column "objective")',
      }),
    ]);
  });
});
