import { describe, expect, it } from 'vitest';
import { ACCEPTANCE, hasStackTrace, runCli, spawnCli } from '../helpers/cli.js';

describe('smplan (the program)', () => {
  it('prints help and exits 0 with --help', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: smplan');
    for (const command of [
      'init',
      'lint',
      'render',
      'serve',
      'kpi',
      'competitors',
      'budget',
      'calendar',
      'track',
      'schema',
    ]) {
      expect(r.stdout).toContain(command);
    }
  });

  it('answers --help for every command', async () => {
    for (const command of [
      'init',
      'lint',
      'validate',
      'render',
      'serve',
      'kpi',
      'competitors',
      'budget',
      'calendar',
      'track',
      'schema',
    ]) {
      const r = await runCli([command, '--help']);
      expect(r.code, command).toBe(0);
      expect(r.stdout, command).toMatch(/Usage: smplan/);
    }
    const eject = await runCli(['templates', 'eject', '--help']);
    expect(eject.code).toBe(0);
  });

  it('exits 2 on an unknown flag or command, with a usage hint and no stack trace', async () => {
    for (const args of [
      ['lint', '--bogus', 'x.yaml'],
      ['frobnicate'],
      ['kpi'],
      ['calendar', 'x.yaml', '--weeks', 'many'],
    ]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^smplan: /);
      expect(r.stderr).toContain('(run with --help for usage)');
      expect(hasStackTrace(r.stderr)).toBe(false);
    }
  });

  it('exits 2 with a message when the plan file is missing', async () => {
    const r = await runCli(['lint', 'no/such/plan.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('no/such/plan.yaml:1:1  error  cannot read: no such file  file-unreadable');
  });

  it('prints the version', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('runs as a bundled binary', () => {
    const r = spawnCli(['lint', `${ACCEPTANCE}/kaffebar.yaml`]);
    expect(r.code).toBe(0);
    expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
  });

  it('never colours output when NO_COLOR is set, even on a TTY', async () => {
    const r = await runCli(['lint', `${ACCEPTANCE}/bad/wrong-type.yaml`], { tty: true, env: { NO_COLOR: '1' } });
    expect(r.stdout).not.toMatch(/\u001b\[/);
    const coloured = await runCli(['lint', `${ACCEPTANCE}/bad/wrong-type.yaml`], { tty: true, env: {} });
    expect(coloured.stdout).toMatch(/\u001b\[/);
    const piped = await runCli(['lint', `${ACCEPTANCE}/bad/wrong-type.yaml`], { tty: false, env: {} });
    expect(piped.stdout).not.toMatch(/\u001b\[/);
  });
});

describe('smplan schema', () => {
  it('prints a JSON Schema with every top-level section', async () => {
    const r = await runCli(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as { properties: Record<string, unknown>; required: string[] };
    for (const section of [
      'plan',
      'situation',
      'goals',
      'objectives',
      'audience',
      'competitors',
      'positioning',
      'channels',
      'content',
      'kpis',
      'budget',
      'team',
      'crisis',
      'review',
      'tools',
    ]) {
      expect(schema.properties, section).toHaveProperty(section);
    }
    expect(schema.required).toEqual(expect.arrayContaining(['smplan', 'plan', 'goals']));
  });
});
