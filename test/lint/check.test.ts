import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanInvalidError } from '../../src/diagnostics.js';
import { readCheckedPlan, validPlan } from '../../src/lint/check.js';
import { ACCEPTANCE } from '../helpers/cli.js';

/** The one front door: every source of a plan gives the findings `smplan lint` gives for it. */
let dir: string;
let text: string;
const rules = (findings: { rule: string; severity: string }[]) => findings.map((f) => `${f.severity} ${f.rule}`);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'smplan-front-door-'));
  await cp(path.join(ACCEPTANCE, 'data'), path.join(dir, 'data'), { recursive: true });
  text = await readFile(path.join(ACCEPTANCE, 'kaffebar.yaml'), 'utf8');
  await writeFile(path.join(dir, 'kaffebar.yaml'), text);
  // Advice off, advice made an error: lint's report changes, the plan stays valid.
  await writeFile(path.join(dir, 'smplan.config.yaml'), 'rules:\n  open-point: off\n  budget-cap: error\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readCheckedPlan', () => {
  it('reads a file with the config above it: advice made an error is reported, and the plan is still valid', async () => {
    const checked = await readCheckedPlan('kaffebar.yaml', { cwd: dir });
    expect(checked.configFile).toBe(path.join(dir, 'smplan.config.yaml'));
    expect(rules(checked.findings)).toContain('error budget-cap');
    expect(rules(checked.findings).some((r) => r.endsWith('open-point'))).toBe(false);
    expect(checked.refusals).toEqual([]);
    expect(validPlan(checked).plan.plan.title).toBeTruthy();
    expect(checked.source?.text).toBe(text);
  });

  it('gives the same findings for the file, its text, the draft it was made from and a revision of it', async () => {
    const fromFile = await readCheckedPlan('kaffebar.yaml', { cwd: dir });
    const fromText = await readCheckedPlan({ file: 'kaffebar.yaml', text: Buffer.from(text) }, { cwd: dir });
    const fromDraft = await readCheckedPlan({ file: 'kaffebar.yaml', draft: parse(text) as object, dir }, { cwd: dir });
    const fromRevision = await readCheckedPlan(
      { file: 'HEAD:kaffebar.yaml', text, dir, sideFiles: async () => undefined },
      { cwd: dir, configFrom: 'kaffebar.yaml' },
    );
    expect(rules(fromText.findings)).toEqual(rules(fromFile.findings));
    // A draft is written out again: the same findings, at the lines its own text has.
    expect(rules(fromDraft.findings).sort()).toEqual(rules(fromFile.findings).sort());
    expect(rules(fromRevision.findings)).toEqual(rules(fromFile.findings));
    expect(fromRevision.findings.every((f) => f.file === 'HEAD:kaffebar.yaml')).toBe(true);
  });

  it("applies the plan's directives, or not with inlineConfig false, and lint's own config in place of the nearest", async () => {
    const disabled = text.replace(/^smplan: 1$/m, 'smplan: 1\n# smplan-disable budget-cap -- agreed with the client');
    const input = { file: 'kaffebar.yaml', text: disabled, dir };
    const silenced = await readCheckedPlan(input, { cwd: dir });
    expect(rules(silenced.findings)).not.toContain('error budget-cap');
    expect(silenced.suppressed.map((f) => f.rule)).toContain('budget-cap');
    const ignored = await readCheckedPlan(input, { cwd: dir, inlineConfig: false });
    expect(rules(ignored.findings)).toContain('error budget-cap');
    const noConfig = await readCheckedPlan(input, { cwd: dir, config: false, inlineConfig: false });
    expect(noConfig.configFile).toBeUndefined();
    expect(rules(noConfig.findings)).toContain('warning budget-cap');
    expect(rules(noConfig.findings)).toContain('warning open-point');
  });

  it("refuses a plan for the method's errors, which no config or directive changes", async () => {
    const broken = text.replace('    goal: awareness', '    goal: no-such-goal');
    const checked = await readCheckedPlan(
      { file: 'broken.yaml', text: `# smplan-disable\n${broken}`, dir },
      { cwd: dir },
    );
    expect(checked.plan).toBeUndefined();
    expect(checked.loaded).toBeDefined();
    expect(checked.refusals.map((f) => f.rule)).toEqual(['references']);
    expect(rules(checked.findings)).toContain('error references');
    expect(() => validPlan(checked)).toThrow(PlanInvalidError);
  });

  it('does not read the config of a plan that cannot be read', async () => {
    const sub = path.join(dir, 'sub');
    await cp(path.join(ACCEPTANCE, 'data'), path.join(sub, 'data'), { recursive: true });
    await writeFile(path.join(sub, 'smplan.config.yaml'), 'rules: [not, a, mapping]\n');
    const checked = await readCheckedPlan({ file: 'bad.yaml', text: 'smplan: 1\nplan: [\n', dir: sub }, { cwd: dir });
    expect(checked.loaded).toBeUndefined();
    expect(checked.refusals[0]?.rule).toBe('yaml-syntax');
    expect(checked.configFile).toBe(path.join(sub, 'smplan.config.yaml'));
    await expect(readCheckedPlan({ file: 'ok.yaml', text, dir: sub }, { cwd: dir })).rejects.toThrow(
      /smplan.config.yaml/,
    );
  });
});
