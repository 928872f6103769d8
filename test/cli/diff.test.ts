import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { EXAMPLES, hasStackTrace, runCli } from '../helpers/cli.js';

let dir: string;
let original: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'smplan-diff-'));
  await cp(path.join(EXAMPLES, 'data'), path.join(dir, 'data'), { recursive: true });
  original = await readFile(path.join(EXAMPLES, 'nordlys-bakeri.yaml'), 'utf8');
  await writeFile(path.join(dir, 'old.yaml'), original);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The nb example with one edit made through the YAML document (comments and order kept). */
async function edited(name: string, edit: (doc: ReturnType<typeof parseDocument>) => void): Promise<string> {
  const doc = parseDocument(original);
  edit(doc);
  await writeFile(path.join(dir, name), doc.toString());
  return name;
}

async function diffJson(newFile: string, extra: string[] = []) {
  const r = await runCli(['diff', 'old.yaml', newFile, '--json', '--as-of', '2027-03-15', ...extra], { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('smplan diff', () => {
  it('finds no change in the strategy between a plan and itself', async () => {
    const d = await diffJson('old.yaml');
    expect(d.count).toBe(0);
    const text = await runCli(['diff', 'old.yaml', 'old.yaml'], { cwd: dir });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('No change to the strategy');
  });

  it('a retargeted objective: old and new target, and what that does to the next milestones', async () => {
    const plan = parseDocument(original).toJS();
    const first = plan.objectives[0];
    const file = await edited('retarget.yaml', (doc) => doc.setIn(['objectives', 0, 'target'], 9000));
    const d = await diffJson(file);
    expect(d.objectives.changed).toHaveLength(1);
    const change = d.objectives.changed[0];
    expect(change.id).toBe(first.id);
    expect(change.changes.target.to).toBe(9000);
    expect(change.milestones.length).toBeGreaterThan(0);
    for (const m of change.milestones) {
      expect(m.date > '2027-03-15').toBe(true);
      expect(m.to).toBeGreaterThan(m.from);
    }
    const md = await runCli(['diff', 'old.yaml', file, '--format', 'markdown', '--as-of', '2027-03-15'], { cwd: dir });
    expect(md.stdout).toMatch(/^### Strategy changes/);
    expect(md.stdout).toContain('#### Objectives');
    expect(md.stdout).toContain(`- ${first.id}: target`);
  });

  it('objectives added and removed', async () => {
    const file = await edited('objectives.yaml', (doc) => {
      const added = doc.createNode({ ...parseDocument(original).toJS().objectives[0], id: 'new-objective' });
      (doc.getIn(['objectives']) as { add(v: unknown): void }).add(added);
    });
    const d = await diffJson(file);
    expect(d.objectives.added.map((o: { id: string }) => o.id)).toEqual(['new-objective']);
    expect(d.objectives.removed).toEqual([]);
    const back = await runCli(['diff', file, 'old.yaml', '--json'], { cwd: dir });
    expect(JSON.parse(back.stdout).objectives).toMatchObject({
      added: [],
      removed: [{ id: 'new-objective' }],
      changed: [],
    });
  });

  it('the budget: cap, total and what is now cut', async () => {
    const file = await edited('budget.yaml', (doc) => doc.setIn(['budget', 'cap'], 20000));
    const d = await diffJson(file);
    expect(d.budget.cap).toEqual({ from: parseDocument(original).toJS().budget.cap, to: 20000 });
    expect(d.budget.now_cut.length).toBeGreaterThan(0);
    expect(d.budget.over_by.to).toBeGreaterThan(0);
    expect(d.findings.appeared.map((f: { rule: string }) => f.rule)).toContain('budget-cap');
  });

  it('findings as lint reports them: the config above the plan and its directives apply', async () => {
    const file = await edited('capped.yaml', (doc) => doc.setIn(['budget', 'cap'], 20000));
    const sub = path.join(dir, 'configured');
    await mkdir(sub, { recursive: true });
    await cp(path.join(dir, 'data'), path.join(sub, 'data'), { recursive: true });
    await cp(path.join(dir, 'old.yaml'), path.join(sub, 'old.yaml'));
    await cp(path.join(dir, file), path.join(sub, 'off.yaml'));
    const text = await readFile(path.join(dir, file), 'utf8');
    await writeFile(path.join(sub, 'silenced.yaml'), `# smplan-disable budget-cap -- agreed with the client\n${text}`);
    const rules = async (config: string, newFile: string) => {
      await writeFile(path.join(sub, 'smplan.config.yaml'), config);
      const r = await runCli(['diff', 'old.yaml', newFile, '--json', '--as-of', '2027-03-15'], { cwd: sub });
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout).findings.appeared.map(
        (f: { rule: string; severity: string }) => `${f.rule} ${f.severity}`,
      );
    };
    expect(await rules('rules:\n  budget-cap: off\n', 'off.yaml')).not.toContain('budget-cap warning');
    // Made an error by the config, it is reported as one; the plan is still valid (exit 0).
    expect(await rules('rules:\n  budget-cap: error\n', 'off.yaml')).toContain('budget-cap error');
    expect(await rules('rules: {}\n', 'silenced.yaml')).not.toContain('budget-cap warning');
    expect(await rules('rules: {}\n', 'off.yaml')).toContain('budget-cap warning');
  });

  it('channels, competitor figures, slots and crisis contacts', async () => {
    const plan = parseDocument(original).toJS();
    const file = await edited('many.yaml', (doc) => {
      doc.setIn(['channels', 0, 'role'], plan.channels[0].role === 'primary' ? 'secondary' : 'primary');
      doc.setIn(['competitors', 0, 'channels', 1, 'sample', 'likes'], 3700);
      doc.setIn(['content', 'slots', 0, 'time'], '06:15');
      doc.setIn(['crisis', 'responders', 0, 'contact'], '+47 400 00 000');
    });
    const d = await diffJson(file);
    expect(d.channels.role_changed).toEqual([
      { channel: plan.channels[0].id, from: plan.channels[0].role, to: expect.any(String) },
    ]);
    expect(d.competitors.remeasured).toEqual([
      { competitor: plan.competitors[0].name, channel: 'facebook', from: expect.any(Number), to: expect.any(Number) },
    ]);
    expect(d.competitors.remeasured[0].to).toBeGreaterThan(d.competitors.remeasured[0].from);
    const slot = plan.content.slots[0];
    expect(d.slots.removed).toEqual([{ channel: slot.channel, weekday: slot.weekday, time: slot.time }]);
    expect(d.slots.added).toEqual([{ channel: slot.channel, weekday: slot.weekday, time: '06:15' }]);
    expect(d.crisis).toEqual([
      { who: plan.crisis.responders[0].name, from: expect.any(String), to: expect.stringContaining('+47 400 00 000') },
    ]);
  });

  it('findings that went away are listed, findings that only moved are not', async () => {
    const broken = await edited('broken.yaml', (doc) => doc.setIn(['budget', 'cap'], 20000));
    const back = parseDocument(await readFile(path.join(dir, broken), 'utf8'));
    back.setIn(['budget', 'cap'], parseDocument(original).toJS().budget.cap);
    back.setIn(['plan', 'problem'], 'one line\nand another\nmoves every line below');
    await writeFile(path.join(dir, 'fixed.yaml'), back.toString());
    const r = await runCli(['diff', broken, 'fixed.yaml', '--json', '--as-of', '2027-03-15'], { cwd: dir });
    const d = JSON.parse(r.stdout);
    expect(d.findings.resolved.map((f: { rule: string }) => f.rule)).toEqual(['budget-cap']);
    expect(d.findings.appeared).toEqual([]);
  });

  it('--base REF compares with the plan as committed', async () => {
    const repo = await mkdtemp(path.join(tmpdir(), 'smplan-diff-git-'));
    try {
      await cp(path.join(dir, 'data'), path.join(repo, 'plans', 'data'), { recursive: true });
      await writeFile(path.join(repo, 'plans', 'plan.yaml'), original);
      const git = (...args: string[]) =>
        execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
          cwd: repo,
          stdio: 'pipe',
        });
      git('init', '-q');
      git('add', '.');
      git('commit', '-qm', 'plan');
      const doc = parseDocument(original);
      doc.setIn(['budget', 'cap'], 20000);
      await writeFile(path.join(repo, 'plans', 'plan.yaml'), doc.toString());
      // From a subfolder, with the path as the user types it there.
      const r = await runCli(['diff', 'plan.yaml', '--base', 'HEAD', '--json', '--as-of', '2027-03-15'], {
        cwd: path.join(repo, 'plans'),
      });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({
        before: 'HEAD:plan.yaml',
        after: 'plan.yaml',
        budget: { cap: { to: 20000 } },
      });
      // A competitor re-measured in its posts CSV: the base reads the CSV as committed.
      const plan = parseDocument(original).toJS();
      const csvPath = plan.competitors
        .flatMap((c: { channels: { posts_csv?: string }[] }) => c.channels)
        .find((ch: { posts_csv?: string }) => ch.posts_csv).posts_csv as string;
      const csvFile = path.join(repo, 'plans', csvPath);
      const [header, ...rows] = (await readFile(csvFile, 'utf8')).trimEnd().split('\n');
      expect(header).toMatch(/,likes,comments,shares$/);
      const tripled = rows.map((row) =>
        row.replace(/,(\d+),(\d+),(\d+)$/, (_, l, c, sh) => `,${Number(l) * 3},${c},${sh}`),
      );
      await writeFile(csvFile, [header, ...tripled].join('\n') + '\n');
      const measured = await runCli(['diff', 'plan.yaml', '--base', 'HEAD', '--json', '--as-of', '2027-03-15'], {
        cwd: path.join(repo, 'plans'),
      });
      expect(measured.code, measured.stderr).toBe(0);
      const { remeasured } = JSON.parse(measured.stdout).competitors;
      expect(remeasured).toHaveLength(1);
      expect(remeasured[0].to).toBeGreaterThan(remeasured[0].from * 2);
      // A CSV the revision does not have is read from the folder for both versions.
      git('rm', '-q', '--cached', path.join('plans', csvPath));
      git('commit', '-qm', 'untrack the export');
      const untracked = await runCli(['diff', 'plan.yaml', '--base', 'HEAD', '--json', '--as-of', '2027-03-15'], {
        cwd: path.join(repo, 'plans'),
      });
      expect(untracked.code, untracked.stderr).toBe(0);
      expect(JSON.parse(untracked.stdout).competitors.remeasured).toEqual([]);
      // Committed as a link (git shows its target's name, not a CSV): read from the folder too.
      await rename(csvFile, `${csvFile}.real`);
      await symlink(`${path.basename(csvFile)}.real`, csvFile);
      git('add', '.');
      git('commit', '-qm', 'the export as a link');
      const linked = await runCli(['diff', 'plan.yaml', '--base', 'HEAD', '--json', '--as-of', '2027-03-15'], {
        cwd: path.join(repo, 'plans'),
      });
      expect(linked.code, linked.stderr).toBe(0);
      expect(JSON.parse(linked.stdout).competitors.remeasured).toEqual([]);
      const bad = await runCli(['diff', 'plan.yaml', '--base', 'no-such-ref'], { cwd: path.join(repo, 'plans') });
      expect(bad.code).toBe(2);
      expect(bad.stderr.trim().split('\n')).toHaveLength(1);
      expect(bad.stderr).toContain('no-such-ref');
    } finally {
      await rm(repo, { recursive: true, force: true });
    }
  });

  it('exit 1 for an invalid plan, 2 for usage; never a stack trace', async () => {
    await writeFile(path.join(dir, 'invalid.yaml'), original.replace(/^smplan: 1$/m, 'smplan: 1\nsurprise: true'));
    const invalid = await runCli(['diff', 'old.yaml', 'invalid.yaml'], { cwd: dir });
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/invalid\.yaml:\d+:\d+ +error/);
    const one = await runCli(['diff', 'old.yaml'], { cwd: dir });
    expect(one.code).toBe(2);
    const both = await runCli(['diff', 'old.yaml', 'old.yaml', '--base', 'HEAD'], { cwd: dir });
    expect(both.code).toBe(2);
    const missing = await runCli(['diff', 'old.yaml', 'nope.yaml'], { cwd: dir });
    expect(missing.code).toBe(2);
    const three = await runCli(['diff', 'old.yaml', 'old.yaml', 'nope.yaml'], { cwd: dir });
    expect(three.code).toBe(2);
    expect(three.stderr).toMatch(/not 3/);
    for (const r of [invalid, one, both, missing, three]) expect(hasStackTrace(r.stderr)).toBe(false);
  });
});

describe('smplan diff on odd inputs', () => {
  let repo: string;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, stdio: 'pipe' });
  beforeAll(async () => {
    repo = await mkdtemp(path.join(tmpdir(), 'smplan-diff-odd-'));
    await cp(path.join(dir, 'data'), path.join(repo, 'data'), { recursive: true });
    await writeFile(path.join(repo, 'plan.yaml'), original);
    await symlink('plan.yaml', path.join(repo, 'linked.yaml'));
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'plan');
  });
  afterAll(async () => {
    await rm(repo, { recursive: true, force: true });
  });

  it('a path whose parent is a file, an empty --base, a plan committed as a link: one line, exit 2', async () => {
    for (const args of [
      ['diff', 'plan.yaml/x.yaml', '--base', 'HEAD'],
      ['diff', 'plan.yaml/x.yaml', 'plan.yaml'],
      ['diff', 'plan.yaml', '--base', ''],
      ['diff', 'linked.yaml', '--base', 'HEAD'],
    ]) {
      const r = await runCli(args, { cwd: repo });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/internal error|ENOTDIR|not a valid plan/);
    }
    const link = await runCli(['diff', 'linked.yaml', '--base', 'HEAD'], { cwd: repo });
    expect(link.stderr).toContain('linked.yaml is committed there as a symbolic link');
  });

  it('reads the revision in one git process however many posts CSVs the plan names', async () => {
    const bin = await mkdtemp(path.join(tmpdir(), 'smplan-git-log-'));
    const log = path.join(bin, 'calls');
    const real = execFileSync('sh', ['-c', 'command -v git']).toString().trim();
    await writeFile(path.join(bin, 'git'), `#!/bin/sh\necho "$1" >> '${log}'\nexec '${real}' "$@"\n`, { mode: 0o755 });
    const saved = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${saved}`;
    try {
      const r = await runCli(['diff', 'plan.yaml', '--base', 'HEAD', '--json', '--as-of', '2027-03-15'], { cwd: repo });
      expect(r.code, r.stderr).toBe(0);
      const csvs = (original.match(/posts_csv:/g) ?? []).length;
      expect(csvs).toBeGreaterThan(2);
      expect((await readFile(log, 'utf8')).trim().split('\n')).toEqual(['cat-file']);
    } finally {
      process.env.PATH = saved;
      await rm(bin, { recursive: true, force: true });
    }
  });
});
