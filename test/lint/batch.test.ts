import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planArguments } from '../../src/plan/discover.js';
import { EXAMPLES, runCli, spawnCli } from '../helpers/cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'smplan-batch-'));
  await cp(path.join(EXAMPLES, 'data'), path.join(dir, 'clients', 'data'), { recursive: true });
  await cp(path.join(EXAMPLES, 'nordlys-bakeri.yaml'), path.join(dir, 'clients', 'nordlys.yaml'));
  await mkdir(path.join(dir, 'clients', 'bg'), { recursive: true });
  await cp(path.join(EXAMPLES, 'data'), path.join(dir, 'clients', 'bg', 'data'), { recursive: true });
  await cp(path.join(EXAMPLES, 'rodopski-sklon.yaml'), path.join(dir, 'clients', 'bg', 'rodopski.yml'));
  // not plans: no marker, a dependency folder, a hidden folder
  await writeFile(path.join(dir, 'clients', 'docker-compose.yaml'), 'services: {}\n');
  await mkdir(path.join(dir, 'clients', 'node_modules', 'x'), { recursive: true });
  await writeFile(path.join(dir, 'clients', 'node_modules', 'x', 'plan.yaml'), 'smplan: 1\n');
  await mkdir(path.join(dir, 'clients', '.cache'), { recursive: true });
  await writeFile(path.join(dir, 'clients', '.cache', 'plan.yaml'), 'smplan: 1\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('many plans in one lint run', () => {
  it('a folder stands for every plan inside it, found by the smplan: 1 marker', async () => {
    expect(await planArguments(['clients'], dir)).toEqual([
      { file: path.join('clients', 'bg', 'rodopski.yml') },
      { file: path.join('clients', 'nordlys.yaml') },
    ]);
    const r = await runCli(['lint', 'clients'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 files checked: 0 errors, 0 warnings');
  });

  it('a plan named twice (another spelling, or inside a folder also named) is checked once', async () => {
    const nordlys = path.join('clients', 'nordlys.yaml');
    expect(await planArguments([nordlys, `.${path.sep}${nordlys}`, path.join(dir, nordlys), 'clients'], dir)).toEqual([
      { file: nordlys },
      { file: path.join('clients', 'bg', 'rodopski.yml') },
    ]);
  });

  it('a plan that fails does not stop the others; the exit code is the worst', async () => {
    await writeFile(path.join(dir, 'clients', 'broken.yaml'), 'smplan: 1\nplan: [\n');
    try {
      const r = await runCli(['lint', '--format', 'json', 'clients', 'missing.yaml'], { cwd: dir });
      expect(r.code).toBe(2); // a file that cannot be read outranks an invalid plan
      const findings = JSON.parse(r.stdout) as { file: string; rule: string }[];
      expect(new Set(findings.map((f) => f.file))).toContain(path.join('clients', 'broken.yaml'));
      const only = await runCli(['lint', 'clients'], { cwd: dir });
      expect(only.code).toBe(1);
      expect(only.stdout).toMatch(/3 files checked: [1-9]\d* errors?/);
    } finally {
      await rm(path.join(dir, 'clients', 'broken.yaml'));
    }
  });

  // --concurrency checks plans in worker threads of the built program: the report must not change.
  it('many plans through worker threads give the same report, in the same order, as one thread', async () => {
    const many = path.join(dir, 'many');
    await cp(path.join(EXAMPLES, 'data'), path.join(many, 'data'), { recursive: true });
    const text = await readFile(path.join(EXAMPLES, 'nordlys-bakeri.yaml'), 'utf8');
    const files: string[] = [];
    for (let i = 0; i < 30; i++) {
      const file = `client-${String(i).padStart(2, '0')}.yaml`;
      // Some plans with warnings (over the budget cap), one with an error, one that is not there.
      const plan = i % 7 === 3 ? text.replace(/^( {2}cap:\s*)\d+/m, '$11000') : text;
      await writeFile(path.join(many, file), i === 11 ? plan.replace('smplan: 1', 'smplan: 1\nplan: [') : plan);
      files.push(file);
    }
    files.splice(20, 0, 'missing.yaml');
    for (const format of ['stylish', 'json']) {
      const threads = spawnCli(['lint', '--concurrency', '3', '--format', format, ...files], { cwd: many });
      const one = await runCli(['lint', '--format', format, ...files], { cwd: many });
      expect(threads.code).toBe(2);
      expect(threads.stderr).toBe('');
      expect(threads.stdout).toBe(one.stdout);
    }
    const stylish = spawnCli(['lint', '--concurrency', '2', ...files], { cwd: many }).stdout;
    expect(stylish).toContain('31 files checked: ');
    expect(stylish).toMatch(/missing\.yaml:1:1 {2}error {2}cannot read: no such file {2}file-unreadable/);
    // A broken config stops the run, as with one thread.
    await writeFile(path.join(many, 'smplan.config.yaml'), 'rules:\n  no-such-rule: off\n');
    const configured = spawnCli(['lint', '--concurrency', '2', ...files], { cwd: many });
    expect(configured.code).toBe(2);
    expect(configured.stderr).toMatch(/smplan\.config\.yaml:2:3 .*unknown rule "no-such-rule"/);
    expect(configured.stdout).toBe('');
    await rm(path.join(many, 'smplan.config.yaml'));
    // A folder gives the same report, and --debug says how many threads checked it.
    const folder = spawnCli(['lint', '--debug', '--concurrency', '2', '--format', 'json', '.'], { cwd: many });
    const folderOne = await runCli(['lint', '--format', 'json', '.'], { cwd: many });
    expect(folder.code).toBe(1);
    expect(folder.stdout).toBe(folderOne.stdout);
    expect(folder.stderr).toBe('debug: 30 plans: 2 worker threads\n');
    // Standard input is read and checked in the main thread beside the workers.
    const one = await readFile(path.join(many, 'client-00.yaml'), 'utf8');
    const withStdin = spawnCli(['lint', '--concurrency', '2', '--format', 'json', '-', ...files], {
      cwd: many,
      input: one,
    });
    const withStdinOne = spawnCli(['lint', '--format', 'json', '-', ...files], { cwd: many, input: one });
    expect(withStdin.code).toBe(2);
    expect(withStdin.stdout).toBe(withStdinOne.stdout);
    const refused = spawnCli(['lint', '--format', 'nope', ...files], { cwd: many });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/argument 'nope' is invalid/);
    const twice = spawnCli(['lint', '-', '-', ...files], { cwd: many, input: '' });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('`-` (standard input) can be given once');
  });

  it('--concurrency: a number of threads, auto (one per 50 plans, at most half the cores) or off', async () => {
    const { workerCount } = await import('../../src/cli/lint-workers.js');
    expect(workerCount('off', 500, 8)).toBe(0);
    expect(workerCount('auto', 50, 8)).toBe(0); // one thread is this thread
    expect(workerCount('auto', 51, 8)).toBe(2);
    expect(workerCount('auto', 200, 8)).toBe(4);
    expect(workerCount('auto', 1000, 8)).toBe(4);
    expect(workerCount('auto', 200, 2)).toBe(0);
    expect(workerCount(3, 200, 2)).toBe(3);
    expect(workerCount(3, 2, 8)).toBe(2); // no more threads than plans
    expect(workerCount(1, 200, 8)).toBe(0);
    for (const bad of ['0', 'two', '1.5', '65']) {
      const r = await runCli(['lint', '--concurrency', bad, 'clients'], { cwd: dir });
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toContain('expected a number of threads from 1 to 64, auto or off');
    }
    const auto = await runCli(['lint', '--concurrency', 'auto', 'clients'], { cwd: dir });
    expect(auto.code).toBe(0);
    expect(auto.stdout).toContain('2 files checked: 0 errors, 0 warnings');
  });

  it('a folder of many YAML files but one plan is checked in one thread, whatever --concurrency asks', async () => {
    const few = path.join(dir, 'few');
    await mkdir(few, { recursive: true });
    for (let i = 0; i < 30; i++) await writeFile(path.join(few, `compose-${i}.yaml`), 'services: {}\n');
    await cp(path.join(dir, 'clients', 'data'), path.join(few, 'data'), { recursive: true });
    await cp(path.join(dir, 'clients', 'nordlys.yaml'), path.join(few, 'nordlys.yaml'));
    const r = spawnCli(['lint', '--debug', '--concurrency', '4', 'few'], { cwd: dir });
    expect(r.stderr).toBe('debug: 1 plan: 0 worker threads\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 file checked: 0 errors, 0 warnings');
  });

  it('a folder with no plan is a usage error', async () => {
    await mkdir(path.join(dir, 'empty'), { recursive: true });
    const r = await runCli(['lint', 'empty'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no plan found in empty');
  });

  it('`-` reads one plan from standard input, with side files relative to the current folder', async () => {
    const text = await readFile(path.join(dir, 'clients', 'nordlys.yaml'), 'utf8');
    const r = spawnCli(['lint', '-'], { cwd: path.join(dir, 'clients'), input: text });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 file checked: 0 errors, 0 warnings');
    const bad = spawnCli(['lint', '--format', 'json', '-'], { cwd: dir, input: 'smplan: 1\nplan: {}\ngoals: []\n' });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)[0].file).toBe('<stdin>');
    const twice = await runCli(['lint', '-', '-'], { cwd: dir });
    expect(twice.code).toBe(2);
  });

  it('--stdin-filename reads `-` as that file: named in findings, posts_csv beside it', async () => {
    const text = await readFile(path.join(dir, 'clients', 'nordlys.yaml'), 'utf8');
    // From the folder above the plan's, its data/ folder is found only through the name.
    const named = spawnCli(['lint', '-', '--stdin-filename', 'clients/nordlys.yaml'], { cwd: dir, input: text });
    expect(named.stderr).toBe('');
    expect(named.stdout).toContain('1 file checked: 0 errors, 0 warnings');
    expect(named.code).toBe(0);
    const unnamed = spawnCli(['lint', '--format', 'json', '-'], { cwd: dir, input: text });
    expect(unnamed.code).toBe(1);
    expect(JSON.parse(unnamed.stdout)[0]).toMatchObject({ file: '<stdin>', rule: 'posts-csv' });
    const bad = spawnCli(['lint', '--format', 'github', '-', '--stdin-filename', 'clients/nordlys.yaml'], {
      cwd: dir,
      input: text.replace('baseline: 4800', 'baseline: -5'),
    });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^::error file=clients\/nordlys\.yaml,line=\d+/m);
    const alone = await runCli(['lint', 'clients/nordlys.yaml', '--stdin-filename', 'x.yaml'], { cwd: dir });
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--stdin-filename names the plan read from `-`');
  });
});
