/** Typos a new user makes that lint must catch, each as one finding that says what to do. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { FIXTURES } from './helpers.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'smplan-typos-'));
const complete = readFileSync(path.join(FIXTURES, 'complete.yaml'), 'utf8');
beforeAll(() => cpSync(path.join(FIXTURES, 'data'), path.join(tmp, 'data'), { recursive: true }));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function lint(name: string, text: string) {
  const file = path.join(tmp, name);
  writeFileSync(file, text);
  const r = await runCli(['lint', '--format', 'json', file]);
  return JSON.parse(r.stdout) as { line: number; rule: string; message: string; severity: string }[];
}

function edit(from: string, to: string): string {
  expect(complete).toContain(from);
  return complete.replace(from, to);
}

describe('typos', () => {
  it('the fixture is clean', async () => {
    expect(await lint('clean.yaml', complete)).toEqual([]);
  });

  it('a count target below its baseline warns with the direction said', async () => {
    const findings = await lint('fall.yaml', edit('    target: 3000\n', '    target: 300\n'));
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'falling-target',
        severity: 'warning',
        line: 42,
        message: expect.stringMatching(
          /^followers would fall from 2,000 to 300 \(-85 %\): this objective goes down\..*target: "-85%"/,
        ),
      }),
    ]);
    // A fall written as a change says the direction: no warning.
    expect(await lint('fall-meant.yaml', edit('    target: 3000\n', '    target: "-20%"\n'))).toEqual([]);
    // Money and times are meant to fall.
    expect(await lint('fall-time.yaml', edit('    target: 3000\n', '    unit: hours\n    target: 300\n'))).toEqual([]);
  });

  it('a competitor channel near a known network gets a did-you-mean, and says we are not there', async () => {
    const findings = await lint(
      'tiktokk.yaml',
      edit('      - channel: facebook\n        followers: 8800', '      - channel: tiktokk\n        followers: 8800'),
    );
    expect(findings.map((f) => [f.rule, f.message])).toEqual([
      [
        'competitor-channel',
        '`tiktokk` is not a network smplan knows: did you mean `tiktok`? (we are not on tiktok ourselves)',
      ],
    ]);
    // An id that is nobody's near miss is a network of its own (vk).
    expect(
      await lint(
        'vk.yaml',
        edit('      - channel: facebook\n        followers: 8800', '      - channel: vk\n        followers: 8800'),
      ),
    ).toEqual([]);
  });

  it('one unclosed bracket: one finding at the bracket, not one per line it throws off', async () => {
    const findings = await lint('bracket.yaml', edit('    target: 3000\n', '    target: [3000\n'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 42, column: 13, rule: 'yaml-syntax' });
    expect(findings[0]!.message).toMatch(
      /^the `\[` opened here is never closed: end it with `\]` \(or indent the lines inside it more\); it throws off the reading of \d+ lines \(42–\d+\): fix this first$/,
    );
  });

  it('one tab: one finding at the tab with the count of lines it throws off', async () => {
    const findings = await lint('tab.yaml', edit('    metric: followers\n', '\tmetric: followers\n'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 39, rule: 'yaml-syntax' });
    expect(findings[0]!.message).toMatch(
      /^a tab is used for indentation: YAML indents with spaces; it throws off the reading of \d+ lines \(39–\d+\): fix this first$/,
    );
  });

  it('a misspelt key: the unknown key with its did-you-mean, not also the missing one', async () => {
    const findings = await lint('key.yaml', edit('    deadline: 2027-06-30\n', '    dedline: 2027-06-30\n'));
    expect(findings.map((f) => [f.rule, f.message])).toEqual([
      ['unknown-key', 'unknown key `dedline` (did you mean `deadline`?)'],
    ]);
  });

  it('30/09/2027: one finding, with the date it probably is', async () => {
    const findings = await lint('date.yaml', edit('    deadline: 2027-06-30\n', '    deadline: 30/09/2027\n'));
    expect(findings.map((f) => [f.rule, f.message])).toEqual([
      ['schema-value', '`deadline`: expected a date as YYYY-MM-DD (2027-09-30?)'],
    ]);
    // Month and day that could be either way round: no guess, both readings.
    const either = await lint('date2.yaml', edit('    deadline: 2027-06-30\n', '    deadline: 03/04/2027\n'));
    expect(either.map((f) => f.message)).toEqual([
      '`deadline`: expected a date as YYYY-MM-DD (2027-04-03 or 2027-03-04?)',
    ]);
    // A date the hint reads is a real one: 29.02.2028 is suggested, 29.02.2027 is not.
    const leap = await lint('date3.yaml', edit('    deadline: 2027-06-30\n', '    deadline: 29.02.2027\n'));
    expect(leap.map((f) => f.message)).toEqual(['`deadline`: expected a date as YYYY-MM-DD']);
  });
});
