/** `smplan lint` options as a CI job uses them, run in-process. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ACCEPTANCE, runCli } from '../helpers/cli.js';
import { FIXTURES } from './helpers.js';
import { parseXml } from './xml.js';

const complete = path.join(FIXTURES, 'complete.yaml');
/** 29 warnings (5 of them unlinked budget items), no errors (the acceptance plan is a plan in progress). */
const kaffebar = path.join(ACCEPTANCE, 'kaffebar.yaml');
const wrongType = path.join(FIXTURES, 'bad', 'wrong-type.yaml');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'smplan-lint-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function warningsOf(file: string): Promise<number> {
  const r = await runCli(['lint', '--format', 'json', file]);
  return (JSON.parse(r.stdout) as { severity: string }[]).filter((f) => f.severity === 'warning').length;
}

describe('exit codes', () => {
  it('0 for a finished plan, with a one-line summary and how finished it is', async () => {
    const r = await runCli(['lint', complete]);
    expect(r).toEqual({
      code: 0,
      stdout: '1 file checked: 0 errors, 0 warnings\n12 of 12 sections complete; 0 open points\n',
      stderr: '',
    });
  });

  it('ends with the readiness line: sections with no finding, and the open points the document would list', async () => {
    const r = await runCli(['lint', kaffebar]);
    const lines = r.stdout.trim().split('\n');
    expect(lines.at(-1)).toBe('0 of 12 sections complete; 14 open points');
    expect(lines.filter((l) => l.endsWith('open-point'))).toHaveLength(14);
    // Machine formats stay machine-readable: no readiness line in them.
    const json = await runCli(['lint', '--format', 'json', kaffebar]);
    expect((JSON.parse(json.stdout) as unknown[]).length).toBe(29);
  });

  it('0 for warnings only, 1 for any error', async () => {
    expect((await runCli(['lint', kaffebar])).code).toBe(0);
    expect((await runCli(['lint', wrongType])).code).toBe(1);
  });

  it('validate is an alias of lint', async () => {
    expect(await runCli(['validate', complete])).toEqual(await runCli(['lint', complete]));
  });

  it('an unknown format or flag is a usage error (2)', async () => {
    expect((await runCli(['lint', '--format', 'xml', complete])).code).toBe(2);
    expect((await runCli(['lint', '--max-warnings', 'many', complete])).code).toBe(2);
    expect((await runCli(['lint', '--no-such-flag', complete])).code).toBe(2);
  });
});

describe('--max-warnings', () => {
  it('exits 1 only when the warnings are more than N', async () => {
    const n = await warningsOf(kaffebar);
    expect(n).toBe(29);
    expect((await runCli(['lint', '--max-warnings', String(n), kaffebar])).code).toBe(0);
    const over = await runCli(['lint', '--max-warnings', String(n - 1), kaffebar]);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe(`smplan: ${n} warnings, more than --max-warnings ${n - 1}\n`);
    expect((await runCli(['lint', '--max-warnings', '0', complete])).code).toBe(0);
  });

  it('errors fail whatever the limit', async () => {
    expect((await runCli(['lint', '--max-warnings', '100', wrongType])).code).toBe(1);
  });
});

describe('--quiet', () => {
  it('reports errors only, and prints nothing when there are none', async () => {
    const quiet = await runCli(['lint', '--quiet', kaffebar]);
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
    const both = await runCli(['lint', '-q', kaffebar, wrongType]);
    expect(both.code).toBe(1);
    expect(both.stdout).not.toMatch(/ {2}warning {2}/);
    expect(both.stdout).toMatch(/wrong-type\.yaml:18:15 {2}error {2}`baseline` must be a number/);
  });

  it('with --max-warnings prints the warnings when they are what fails the run', async () => {
    const r = await runCli(['lint', '-q', '--max-warnings', '3', kaffebar]);
    expect(r.code).toBe(1);
    expect(r.stdout.match(/ {2}warning {2}/g)).toHaveLength(29);
    expect(r.stdout).toMatch(/1 file checked: 0 errors, 29 warnings\n0 of 12 sections complete; 14 open points\n$/);
    expect(r.stderr).toBe('smplan: 29 warnings, more than --max-warnings 3\n');
    // Within the limit they stay hidden.
    expect(await runCli(['lint', '-q', '--max-warnings', '29', kaffebar])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('says "1 warning", not "1 warnings"', async () => {
    cpSync(path.join(FIXTURES, 'data'), path.join(tmp, 'data'), { recursive: true });
    const one = path.join(tmp, 'one-warning.yaml');
    const text = readFileSync(complete, 'utf8');
    writeFileSync(one, oneWarning(text));
    const r = await runCli(['lint', '-q', '--max-warnings', '0', one]);
    expect(r.code).toBe(1);
    expect(r.stdout.match(/ {2}warning {2}/g)).toHaveLength(1);
    expect(r.stderr).toBe('smplan: 1 warning, more than --max-warnings 0\n');
  });

  it('leaves only errors in machine formats', async () => {
    const r = await runCli(['lint', '-q', '--format', 'json', kaffebar]);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });
});

describe('many files in one run', () => {
  it('reports the files in the order given, each by position, and one summary', async () => {
    const r = await runCli(['lint', complete, wrongType, kaffebar]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines.slice(-3)).toEqual([
      '3 files checked: 1 error, 29 warnings; 2 of 3 plans without errors',
      `${complete}: 12 of 12 sections complete; 0 open points`,
      `${kaffebar}: 0 of 12 sections complete; 14 open points`,
    ]);
    const files = lines.slice(0, -4).map((l) => l.split(':')[0]);
    expect(files).toEqual([wrongType, ...Array<string>(29).fill(kaffebar)]);
  });

  it('a missing file among others: the others are still linted, then exit 2', async () => {
    const missing = path.join(tmp, 'nope.yaml');
    const r = await runCli(['lint', wrongType, missing, complete]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`${missing}:1:1  error  cannot read: no such file  file-unreadable`);
    expect(r.stdout).toMatch(/wrong-type\.yaml:18:15/);
    expect(r.stdout).toMatch(/3 files checked: 2 errors, 0 warnings; 1 of 3 plans without errors/);
  });

  it.each(['json', 'github', 'junit', 'sarif'])(
    'an unreadable file is a file-unreadable finding in %s, exit 2',
    async (format) => {
      const missing = path.join(tmp, 'gone.yaml');
      const r = await runCli(['lint', '--format', format, missing, complete]);
      expect(r.code).toBe(2);
      expect(r.stdout).toContain('file-unreadable');
      expect(r.stdout).toContain('cannot read: no such file');
      if (format === 'json') {
        expect(JSON.parse(r.stdout)).toEqual([
          {
            file: missing,
            line: 1,
            column: 1,
            severity: 'error',
            rule: 'file-unreadable',
            message: 'cannot read: no such file',
            path: '',
          },
        ]);
      }
      if (format === 'junit') expect(parseXml(r.stdout).attributes.failures).toBe('1');
    },
  );

  it('junit lists every file linted, a clean one as passing', async () => {
    const r = await runCli(['lint', '--format', 'junit', complete, wrongType]);
    const root = parseXml(r.stdout);
    expect(root.children.map((s) => [s.attributes.name, s.attributes.failures])).toEqual([
      [complete, '0'],
      [wrongType, '1'],
    ]);
  });
});

describe('-o FILE', () => {
  it('writes the report to the file and still one summary line to stderr', async () => {
    const out = path.join(tmp, 'report.json');
    const r = await runCli(['lint', '--format', 'json', '-o', out, wrongType]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`1 file checked: 1 error, 0 warnings (report: ${out})\n`);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveLength(1);
  });
});

describe('formats through the CLI', () => {
  it('github is the default under GitHub Actions, with annotations at the line', async () => {
    const r = await runCli(['lint', wrongType], { env: { GITHUB_ACTIONS: 'true' } });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      `::error file=${wrongType},line=18,col=15,title=schema-type::\`baseline\` must be a number, not the text "lots"\n`,
    );
    // An explicit --format wins.
    expect(
      (await runCli(['lint', '--format', 'stylish', wrongType], { env: { GITHUB_ACTIONS: 'true' } })).stdout,
    ).toMatch(/^\S+:18:15 {2}error/);
  });

  it('json is the contract array and nothing else on stdout', async () => {
    const r = await runCli(['lint', '--format', 'json', wrongType]);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        file: wrongType,
        line: 18,
        column: 15,
        severity: 'error',
        rule: 'schema-type',
        message: '`baseline` must be a number, not the text "lots"',
        path: 'objectives[0].baseline',
      },
    ]);
  });

  it('sarif has the results at their lines', async () => {
    const r = await runCli(['lint', '--format', 'sarif', wrongType]);
    const log = JSON.parse(r.stdout) as {
      runs: { results: { ruleId: string; locations: { physicalLocation: { region: unknown } }[] }[] }[];
    };
    expect(log.runs[0]!.results.map((x) => [x.ruleId, x.locations[0]!.physicalLocation.region])).toEqual([
      ['schema-type', { startLine: 18, startColumn: 15 }],
    ]);
  });

  it('--output-file writes the report there and nothing on stdout', async () => {
    const out = path.join(tmp, 'report.sarif');
    const r = await runCli(['lint', '--format', 'sarif', '-o', out, kaffebar]);
    expect(r).toEqual({ code: 0, stdout: '', stderr: `1 file checked: 0 errors, 29 warnings (report: ${out})\n` });
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe('2.1.0');
    const bad = await runCli(['lint', '-o', path.join(tmp, 'no', 'such', 'dir', 'x.txt'), kaffebar]);
    expect(bad.code).toBe(2);
  });
});

describe('colour', () => {
  it('only on a TTY, never with NO_COLOR', async () => {
    const tty = await runCli(['lint', wrongType], { tty: true });
    expect(tty.stdout).toContain('\u001b[31merror');
    expect((await runCli(['lint', wrongType], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await runCli(['lint', wrongType])).stdout).not.toContain('\u001b[');
  });
});

/** The finished fixture without its crisis handbook: one warning (crisis-handbook). */
function oneWarning(text: string): string {
  return text.slice(0, text.indexOf('crisis:')) + text.slice(text.indexOf('review:'));
}
