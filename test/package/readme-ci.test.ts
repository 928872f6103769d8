/**
 * The README's "Lint in CI" section, run as written against a clone of this repository:
 * each workflow's steps in bash, in a clean npm prefix, with the repository URL pointed at
 * a local `git clone` (file URL) of the commit under test; that is all that is adapted.
 * Also what pre-commit does for a `language: node` hook (npm install in the clone, pack,
 * install the tarball). Packing from git installs devDependencies (from npm's cache when it
 * can), so this runs in `npm run test:package` (part of `npm run check`, what CI runs), or under CI.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/cli.js';

const enabled = Boolean(process.env.CI || process.env.SMPLAN_PACK_TEST);
const dir = mkdtempSync(path.join(os.tmpdir(), 'smplan-readme-ci-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }), 300_000);

const REPOSITORY = 'git+https://github.com/smplan/smplan.git#main';

/** The yaml blocks between "## Lint in CI" and the next "## ". */
function ciBlocks(): Record<string, unknown>[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(
    readme.indexOf('## Lint in CI'),
    readme.indexOf('\n## ', readme.indexOf('## Lint in CI') + 3),
  );
  return [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1]!) as Record<string, unknown>);
}

describe('the README for CI', () => {
  it('pins what exists: no registry-only npx, no tag that was never made', () => {
    const text = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = text.slice(text.indexOf('## Lint in CI'), text.indexOf('## The numbers'));
    expect(section).not.toMatch(/^\s*-?\s*(run:\s*)?npx /m);
    expect(section).not.toMatch(/rev: v\d/);
    expect(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')).not.toMatch(/rev: v\d/);
    expect(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.prepare).toMatch(/build/);
    const blocks = ciBlocks();
    expect(blocks.filter((b) => JSON.stringify(b).includes(REPOSITORY))).toHaveLength(2);
    expect(blocks.some((b) => 'repos' in b)).toBe(true);
  });
});

describe.skipIf(!enabled)('the README CI section, run as written', () => {
  // The commit under test, cloned as a user's CI would clone it: dist/ is not in git.
  const clone = path.join(dir, 'smplan');
  const branch = execFileSync('git', ['rev-parse', '--abbrev-ref', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  const local = `git+file://${clone}#${branch === 'HEAD' ? execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim() : branch}`;

  const run = (command: string, cwd: string, prefix: string) =>
    spawnSync('bash', ['-euo', 'pipefail', '-c', command.replaceAll(REPOSITORY, local)], {
      cwd,
      encoding: 'utf8',
      timeout: 600_000,
      env: {
        PATH: `${path.join(prefix, 'bin')}:${process.env.PATH}`,
        HOME: process.env.HOME,
        NO_COLOR: '1',
        npm_config_prefix: prefix,
        npm_config_prefer_offline: 'true',
        npm_config_audit: 'false',
        npm_config_fund: 'false',
      },
    });

  /** A repository with plans in plans/, as the snippets expect. */
  function workspace(name: string): string {
    const work = path.join(dir, name);
    mkdirSync(path.join(work, 'plans'), { recursive: true });
    for (const f of readdirSync(path.join(ROOT, 'examples')))
      if (f.endsWith('.yaml')) cpSync(path.join(ROOT, 'examples', f), path.join(work, 'plans', f));
    cpSync(path.join(ROOT, 'examples', 'data'), path.join(work, 'plans', 'data'), { recursive: true });
    return work;
  }

  it('GitHub Actions and GitLab: install from the repository in a clean prefix, then lint', () => {
    execFileSync('git', ['clone', '--quiet', '--no-hardlinks', ROOT, clone]);
    if (branch !== 'HEAD') execFileSync('git', ['checkout', '--quiet', branch], { cwd: clone });
    expect(existsSync(path.join(clone, 'dist'))).toBe(false);
    const blocks = ciBlocks();
    const github = blocks.find((b) => 'jobs' in b) as { jobs: { lint: { steps: { run?: string }[] } } };
    const gitlab = blocks.find((b) => 'plan-lint' in b) as { 'plan-lint': { script: string[] } };

    const ghWork = workspace('github');
    const ghPrefix = path.join(dir, 'prefix-github');
    for (const step of github.jobs.lint.steps) {
      if (!step.run) continue; // actions/checkout and setup-node: the workspace and this Node.
      const r = run(step.run, ghWork, ghPrefix);
      expect(r.status, `${step.run}\n${r.stderr.slice(-2000)}`).toBe(0);
    }
    expect(existsSync(path.join(ghPrefix, 'bin', 'smplan'))).toBe(true);

    const glWork = workspace('gitlab');
    const glPrefix = path.join(dir, 'prefix-gitlab');
    let last = { stdout: '', stderr: '' };
    for (const command of gitlab['plan-lint'].script) {
      const r = run(command, glWork, glPrefix);
      expect(r.status, `${command}\n${r.stderr.slice(-2000)}`).toBe(0);
      last = r;
    }
    expect(readFileSync(path.join(glWork, 'smplan-lint.xml'), 'utf8')).toContain('<testsuites name="smplan lint"');
    expect(JSON.parse(readFileSync(path.join(glWork, 'gl-code-quality.json'), 'utf8'))).toEqual([]);
    // -o FILE: the log still gets the outcome.
    expect(last.stderr).toMatch(/4 files checked: 0 errors, 0 warnings \(report: smplan-lint\.xml\)/);
  }, 2_400_000);

  it('pre-commit (language: node): npm install in the clone builds it; its pack installs and lints', () => {
    const hook = path.join(dir, 'hook');
    execFileSync('git', ['clone', '--quiet', '--no-hardlinks', clone, hook]);
    const prefix = path.join(dir, 'prefix-pre-commit');
    for (const command of ['npm install --no-save', 'npm install -g "$(npm pack --silent)"']) {
      const r = run(command, hook, prefix);
      expect(r.status, `${command}\n${r.stderr.slice(-2000)}`).toBe(0);
    }
    const entry = (parse(readFileSync(path.join(hook, '.pre-commit-hooks.yaml'), 'utf8')) as { entry: string }[])[0]!
      .entry;
    const r = run(`${entry} plans/nordlys-bakeri.yaml`, workspace('pre-commit'), prefix);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toBe('1 file checked: 0 errors, 0 warnings\n12 of 12 sections complete; 0 open points\n');
  }, 2_400_000);
});
