import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { EXAMPLES, ROOT } from '../helpers/cli.js';

// The action's steps run here as the runner runs them: bash with GITHUB_* variables, an output
// file and a step-summary file (needs the built CLI: `npm test` builds first).
let repo: string;
let runnerTemp: string;

function git(...args: string[]) {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd: repo,
    stdio: 'pipe',
  }).toString();
}

async function step(script: string, env: Record<string, string>) {
  const output = path.join(runnerTemp, 'output');
  const summary = path.join(runnerTemp, 'summary.md');
  await writeFile(output, '');
  await writeFile(summary, '');
  const r = spawnSync('bash', [path.join(ROOT, 'action', script)], {
    cwd: repo,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GITHUB_ACTIONS: 'true',
      GITHUB_ACTION_PATH: ROOT,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      RUNNER_TEMP: runnerTemp,
      ...env,
    },
  });
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    output: await readFile(output, 'utf8'),
    summary: await readFile(summary, 'utf8'),
  };
}

beforeAll(async () => {
  repo = await mkdtemp(path.join(tmpdir(), 'smplan-action-'));
  runnerTemp = await mkdtemp(path.join(tmpdir(), 'smplan-runner-'));
  await cp(path.join(EXAMPLES, 'data'), path.join(repo, 'plans', 'data'), { recursive: true });
  await cp(path.join(EXAMPLES, 'nordlys-bakeri.yaml'), path.join(repo, 'plans', 'nordlys.plan.yaml'));
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'plan');
  git('checkout', '-q', '-b', 'change');
  const doc = parseDocument(await readFile(path.join(repo, 'plans', 'nordlys.plan.yaml'), 'utf8'));
  doc.setIn(['budget', 'cap'], 20000);
  await writeFile(path.join(repo, 'plans', 'nordlys.plan.yaml'), doc.toString());
  await cp(path.join(EXAMPLES, 'fieldnote-software.yaml'), path.join(repo, 'plans', 'fieldnote.plan.yaml'));
  await cp(path.join(EXAMPLES, 'data'), path.join(repo, 'plans', 'data'), { recursive: true });
});
afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
  await rm(runnerTemp, { recursive: true, force: true });
});

describe('the GitHub Action', () => {
  it('declares a composite action on Node 20 whose steps use only its declared inputs', async () => {
    const action = parse(await readFile(path.join(ROOT, 'action.yml'), 'utf8'));
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps[0]).toMatchObject({ uses: 'actions/setup-node@v4', with: { 'node-version': 20 } });
    const used = JSON.stringify(action.runs.steps).match(/inputs\.[\w-]+/g) ?? [];
    for (const input of used) expect(Object.keys(action.inputs)).toContain(input.slice('inputs.'.length));
    expect(Object.keys(action.inputs).sort()).toEqual(['diff-base', 'max-warnings', 'plans', 'sarif']);
  });

  it('builds once per commit of its code: dist/ is cached by a key of its sources, and a hit skips the install', async () => {
    const action = parse(await readFile(path.join(ROOT, 'action.yml'), 'utf8'));
    const steps = action.runs.steps as {
      id?: string;
      uses?: string;
      if?: string;
      run?: string;
      with?: Record<string, string>;
    }[];
    const cache = steps.find((s) => s.uses?.startsWith('actions/cache@'))!;
    expect(cache.with!.path).toBe('${{ github.action_path }}/dist');
    expect(cache.with!.key).toContain('${{ steps.build-key.outputs.key }}');
    const install = steps.find((s) => s.run?.includes('install.sh'))!;
    expect(install.if).toBe(`steps.${cache.id}.outputs.cache-hit != 'true'`);
    expect(steps.findIndex((s) => s.id === 'build-key')).toBeLessThan(steps.indexOf(cache));

    const tree = await mkdtemp(path.join(tmpdir(), 'smplan-action-tree-'));
    try {
      for (const [file, text] of Object.entries({
        'package.json': '{}',
        'package-lock.json': '{}',
        'bin/smplan.js': 'x',
        'scripts/build.mjs': 'x',
        'src/a.ts': 'one',
        'templates/t.hbs': 'x',
        'locales/en.json': '{}',
        'schema/plan.schema.json': '{}',
        'docs/readme.md': 'x',
      })) {
        await mkdir(path.dirname(path.join(tree, file)), { recursive: true });
        await writeFile(path.join(tree, file), text);
      }
      const key = async () => {
        const r = await step('build-key.sh', { GITHUB_ACTION_PATH: tree });
        expect(r.code).toBe(0);
        return /^key=([0-9a-f]{32})$/m.exec(r.output)![1];
      };
      const first = await key();
      expect(await key()).toBe(first);
      await writeFile(path.join(tree, 'docs', 'readme.md'), 'changed');
      expect(await key()).toBe(first);
      await writeFile(path.join(tree, 'src', 'a.ts'), 'two');
      expect(await key()).not.toBe(first);
    } finally {
      await rm(tree, { recursive: true, force: true });
    }
  });

  it('lints with annotations, passes the exit code on, and writes SARIF when asked', async () => {
    const r = await step('lint.sh', { INPUT_PLANS: '**/*.plan.yaml', INPUT_MAX_WARNINGS: '0', INPUT_SARIF: 'true' });
    expect(r.code).toBe(0);
    // the lower cap puts the nb plan over budget: a warning, and --max-warnings 0 fails
    expect(r.stdout).toMatch(/^::warning file=plans\/nordlys\.plan\.yaml,line=\d+,col=\d+,title=budget-cap::/m);
    expect(r.output).toBe('code=1\n');
    const sarif = JSON.parse(await readFile(path.join(runnerTemp, 'smplan.sarif'), 'utf8'));
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    const clean = await step('lint.sh', {
      INPUT_PLANS: 'plans/fieldnote.plan.yaml',
      INPUT_MAX_WARNINGS: '',
      INPUT_SARIF: 'false',
    });
    expect(clean.output).toBe('code=0\n');
  });

  it('an input that matches no plan is an error annotation and exit code 2', async () => {
    const r = await step('lint.sh', { INPUT_PLANS: 'nothing/*.yaml', INPUT_SARIF: 'false' });
    expect(r.stdout).toContain('::error title=smplan::no plan file matches');
    expect(r.output).toBe('code=2\n');
  });

  it('writes what changed in the strategy to the job summary, and says when a plan is new', async () => {
    await step('lint.sh', { INPUT_PLANS: '**/*.plan.yaml', INPUT_SARIF: 'false' });
    const r = await step('diff.sh', { GITHUB_BASE_REF: 'main', INPUT_DIFF_BASE: '' });
    expect(r.code).toBe(0);
    expect(r.summary).toContain('### Strategy changes: `main:plans/nordlys.plan.yaml` → `plans/nordlys.plan.yaml`');
    expect(r.summary).toMatch(/- cap NOK\s?[\d,]+ → NOK\s?20,000/);
    expect(r.summary).toContain('### Strategy changes: `plans/fieldnote.plan.yaml`\n\nA new plan (not on main).');
  });

  it('compares a plan given by its absolute path with its base too (not "a new plan")', async () => {
    await step('lint.sh', { INPUT_PLANS: path.join(repo, 'plans', 'nordlys.plan.yaml'), INPUT_SARIF: 'false' });
    const r = await step('diff.sh', { GITHUB_BASE_REF: 'main', INPUT_DIFF_BASE: '' });
    expect(r.summary).toMatch(/- cap NOK\s?[\d,]+ → NOK\s?20,000/);
    expect(r.summary).not.toContain('A new plan');
  });

  it('outside a pull request and without diff-base it writes no diff', async () => {
    await step('lint.sh', { INPUT_PLANS: '**/*.plan.yaml', INPUT_SARIF: 'false' });
    const r = await step('diff.sh', { INPUT_DIFF_BASE: '' });
    expect(r.code).toBe(0);
    expect(r.summary).toBe('');
    expect(r.stdout).toContain('no strategy diff');
  });
});

describe('the GitHub Action with hostile file names and links', () => {
  it('refuses a plan that links outside the workspace and never quotes its content', async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'smplan-outside-'));
    const link = path.join(repo, 'plans', 'stolen.plan.yaml');
    try {
      await writeFile(path.join(outside, 'secret.yaml'), 'smplan: 1\nSECRET_TOKEN: [ghp_not_for_annotations\n');
      await symlink(path.join(outside, 'secret.yaml'), link);
      const r = await step('lint.sh', { INPUT_PLANS: '**/*.plan.yaml', INPUT_SARIF: 'true', GITHUB_WORKSPACE: repo });
      expect(r.stdout).toMatch(/^::error title=smplan::refused plans\/stolen\.plan\.yaml: a link to outside/m);
      expect(r.stdout + r.stderr).not.toContain('ghp_not_for_annotations');
      expect(await readFile(path.join(runnerTemp, 'smplan.sarif'), 'utf8')).not.toContain('ghp_not_for_annotations');
      expect(await readFile(path.join(runnerTemp, 'smplan-plans.txt'), 'utf8')).not.toContain('stolen');
      expect(r.output).toBe('code=2\n');
    } finally {
      await rm(link, { force: true });
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('a plan whose name starts with "-" is a file, and a backtick in a name stays inside its code span', async () => {
    const dashed = path.join(repo, '-x.plan.yaml');
    const ticked = path.join(repo, 'plans', 'a`<img src=x>`.plan.yaml');
    try {
      await cp(path.join(EXAMPLES, 'fieldnote-software.yaml'), dashed);
      await cp(path.join(EXAMPLES, 'data'), path.join(repo, 'data'), { recursive: true });
      await cp(path.join(EXAMPLES, 'fieldnote-software.yaml'), ticked);
      const r = await step('lint.sh', { INPUT_PLANS: '*.plan.yaml plans/a*', INPUT_SARIF: 'false' });
      expect(r.stderr).not.toMatch(/unknown option/);
      expect(r.output).toBe('code=0\n');
      const d = await step('diff.sh', { GITHUB_BASE_REF: 'main', INPUT_DIFF_BASE: '' });
      expect(d.summary).toContain(
        "### Strategy changes: `plans/a'<img src=x>'.plan.yaml`\n\nA new plan (not on main).",
      );
      expect(d.summary).toContain('### Strategy changes: `./-x.plan.yaml`');
      expect(d.summary).not.toContain('`<img');
    } finally {
      await rm(dashed, { force: true });
      await rm(path.join(repo, 'data'), { recursive: true, force: true });
      await rm(ticked, { force: true });
    }
  });
});
