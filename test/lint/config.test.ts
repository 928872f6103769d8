import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/lint/config.js';
import { ACCEPTANCE, hasStackTrace, ROOT, runCli } from '../helpers/cli.js';

// The acceptance fixture: 1 posts-csv error once copied away from its data folder, and
// competitor-count, post-sample-size, achievable-target … warnings to configure.
let dir: string;
let plan: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'smplan-config-'));
  await mkdir(path.join(dir, 'team', 'plans'), { recursive: true });
  plan = await readFile(path.join(ACCEPTANCE, 'kaffebar.yaml'), 'utf8');
  await writeFile(path.join(dir, 'team', 'plans', 'plan.yaml'), plan);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function lintJson(args: string[] = []) {
  const r = await runCli(['lint', '--format', 'json', ...args, 'team/plans/plan.yaml'], { cwd: dir });
  return { ...r, findings: JSON.parse(r.stdout || '[]') as { rule: string; severity: string; message: string }[] };
}
const rulesOf = (findings: { rule: string }[]) => new Set(findings.map((f) => f.rule));

describe('lint configuration', () => {
  it('without a config every rule runs as the method sets it', async () => {
    const { findings } = await lintJson();
    expect(rulesOf(findings)).toContain('smart-objective');
    expect(findings.find((f) => f.rule === 'post-sample-size')?.severity).toBe('warning');
  });

  it('finds the nearest config upward from the plan; --config wins; --no-config ignores both', async () => {
    await writeFile(path.join(dir, 'smplan.config.yaml'), 'rules:\n  smart-objective: off\n');
    await writeFile(path.join(dir, 'team', '.smplanrc.yaml'), 'rules:\n  post-sample-size: error\n');
    await writeFile(path.join(dir, 'other.yaml'), 'rules:\n  budget-cap: off\n');
    // the nearer one (team/.smplanrc.yaml) applies, not the one above it
    const near = await lintJson();
    expect(rulesOf(near.findings)).toContain('smart-objective');
    expect(near.findings.find((f) => f.rule === 'post-sample-size')?.severity).toBe('error');
    const named = await lintJson(['--config', 'other.yaml']);
    expect(rulesOf(named.findings)).not.toContain('budget-cap');
    expect(rulesOf(named.findings)).toContain('smart-objective');
    expect(named.findings.find((f) => f.rule === 'post-sample-size')?.severity).toBe('warning');
    const none = await lintJson(['--no-config']);
    expect(rulesOf(none.findings)).toContain('budget-cap');
    expect(none.findings.find((f) => f.rule === 'post-sample-size')?.severity).toBe('warning');
  });

  it('a warning made an error decides the exit code; a rule turned off reports nothing', async () => {
    await writeFile(path.join(dir, 'smplan.config.yaml'), 'rules:\n  post-sample-size: error\n  budget-cap: off\n');
    const r = await lintJson();
    expect(r.code).toBe(1);
    expect(r.findings.filter((f) => f.rule === 'post-sample-size').every((f) => f.severity === 'error')).toBe(true);
    expect(rulesOf(r.findings)).not.toContain('budget-cap');
  });

  it('thresholds: achievable-target, the sample size band, the competitor count', async () => {
    await writeFile(
      path.join(dir, 'smplan.config.yaml'),
      [
        'rules:',
        '  achievable-target: { max_growth: 0.5 }',
        '  post-sample-size: { min: 3, max: 30 }',
        '  competitor-count: { severity: error, min: 4 }',
        '',
      ].join('\n'),
    );
    const r = await lintJson();
    const growth = r.findings.filter((f) => f.rule === 'achievable-target');
    expect(growth.length).toBeGreaterThan(0);
    expect(growth[0]!.message).toContain('above the +50 % that is realistic');
    expect(r.findings.filter((f) => f.rule === 'post-sample-size').every((f) => !f.message.startsWith('3 posts'))).toBe(
      true,
    );
    expect(r.findings.find((f) => f.rule === 'competitor-count')).toMatchObject({
      severity: 'error',
      message: expect.stringContaining('at least 4'),
    });
  });

  it.each([
    ['rules:\n  post-sampel-size: off\n', '2:3', 'unknown rule "post-sampel-size": did you mean "post-sample-size"?'],
    ['rules:\n  yaml-syntax: off\n', '2:3', 'rule "yaml-syntax" cannot be configured'],
    ['rules:\n  references: warning\n', '2:3', 'rule "references" cannot be configured'],
    [
      'rules:\n  achievable-target: { max_grow: 1 }\n',
      '2:24',
      'unknown option "max_grow" for achievable-target: did you mean "max_growth"?',
    ],
    ['rules:\n  goal-count: sometimes\n', '2:15', 'expected off, warning or error'],
    ['rules:\n  post-sample-size: { min: 40, max: 30 }\n', '2:28', 'min (40) is above max (30)'],
    ['rules:\n  competitor-count: { max: 2 }\n', '2:28', 'min (3) is above max (2)'],
    ['rules:\n  achievable-target: { max_growth: "2" }\n', '2:36', 'max_growth: Invalid input: expected number'],
    ['rulez: {}\n', '1:1', 'unknown key "rulez": did you mean "rules"?'],
    ['rules: [\n', '2:1', ''],
  ])('a bad config is one located line and exit 2: %j', async (text, at, message) => {
    await writeFile(path.join(dir, 'smplan.config.yaml'), text);
    const r = await runCli(['lint', 'team/plans/plan.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`smplan.config.yaml:${at}  error  ${message}`);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it.each([
    [
      'an alias bomb',
      `a: &a [x, x, x, x, x, x, x, x, x, x]\n${Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(', ')}]`,
      ).join('\n')}\nrules: {}\n`,
      /:\d+:\d+ {2}error {2}(too many YAML aliases|the config has more than 50,000 values)/,
    ],
    [
      'deep nesting',
      `rules: ${'['.repeat(20_000)}\n`,
      /:1:\d+ {2}error {2}the YAML is nested too deeply to be a config \(more than 64 levels\)/,
    ],
    ['several documents', 'rules: {}\n---\nrules: {}\n', /:2:1 {2}error {2}a config is one YAML document/],
  ])('a config that breaks the reader (%s) is one located line and exit 2', async (_, text, message) => {
    await writeFile(path.join(dir, 'smplan.config.yaml'), text);
    const r = await runCli(['lint', 'team/plans/plan.yaml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/parseAllDocuments|call stack|internal error/);
  });

  // Only root can give a file to another user; elsewhere the check is the same code, unexercised.
  it.skipIf(process.getuid?.() !== 0)(
    'a config found in a folder anyone can write to, owned by another user, is refused; --config uses it',
    async () => {
      const shared = path.join(dir, 'shared');
      await mkdir(path.join(shared, 'plans'), { recursive: true });
      await writeFile(path.join(shared, 'plans', 'plan.yaml'), plan);
      await writeFile(path.join(shared, 'smplan.config.yaml'), 'rules:\n  smart-objective: off\n');
      await chmod(shared, 0o1777);
      await chown(path.join(shared, 'smplan.config.yaml'), 65534, 65534);
      const r = await runCli(['lint', 'shared/plans/plan.yaml'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /shared\/smplan\.config\.yaml: not used: .*shared is writable by anyone and the file belongs to another user/,
      );
      const named = await runCli(['lint', '--config', 'shared/smplan.config.yaml', 'shared/plans/plan.yaml'], {
        cwd: dir,
      });
      expect(named.code).not.toBe(2);
    },
  );

  it('parses into settings with the defaults filled in', async () => {
    const config = await parseConfig(
      'rules:\n  achievable-target: { max_growth: 1 }\n  competitor-count: off\n',
      'c.yaml',
    );
    expect(config.rules.get('achievable-target')).toEqual({
      level: 'warning',
      options: { max_growth: 1, max_decrease: 0.9 },
    });
    expect(config.rules.get('competitor-count')?.level).toBe('off');
  });

  it('schema/config.schema.json is what `smplan schema --config` prints', async () => {
    const r = await runCli(['schema', '--config']);
    expect(r.code).toBe(0);
    expect(await readFile(path.join(ROOT, 'schema/config.schema.json'), 'utf8')).toBe(r.stdout);
    const schema = JSON.parse(r.stdout);
    expect(Object.keys(schema.properties.rules.properties)).toContain('achievable-target');
    expect(Object.keys(schema.properties.rules.properties)).not.toContain('references');
  });
});
