import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPreview } from '../../src/serve/preview.js';
import { ACCEPTANCE } from '../helpers/cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'smplan-preview-'));
  await cp(path.join(ACCEPTANCE, 'kaffebar.yaml'), path.join(dir, 'kaffebar.yaml'));
  await cp(path.join(ACCEPTANCE, 'data'), path.join(dir, 'data'), { recursive: true });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the live preview', () => {
  it('shows the findings as lint reports them (config above the plan), and renders unless the method finds errors', async () => {
    const preview = () => createPreview({ file: 'kaffebar.yaml', cwd: dir, actuals: [], paper: 'a4' }).refresh();
    const plain = await preview();
    expect(plain.ok).toBe(true);
    expect(plain.findings.some((f) => f.rule === 'open-point')).toBe(true);
    await writeFile(path.join(dir, 'smplan.config.yaml'), 'rules:\n  open-point: off\n  budget-cap: error\n');
    const configured = await preview();
    expect(configured.findings.some((f) => f.rule === 'open-point')).toBe(false);
    expect(configured.errors).toBe(1);
    // A rule the config makes an error fails lint, not the document.
    expect(configured.ok).toBe(true);
  });

  it("watches the config it read, and names the method's error, not the config's, when it stops", async () => {
    await writeFile(path.join(dir, 'smplan.config.yaml'), 'rules:\n  open-point: error\n');
    const text = await readFile(path.join(dir, 'kaffebar.yaml'), 'utf8');
    // A goal that does not exist: the method's error, found after the schema (line 20).
    await writeFile(path.join(dir, 'broken.yaml'), text.replace('    goal: awareness', '    goal: no-such-goal'));
    const preview = createPreview({ file: 'broken.yaml', cwd: dir, actuals: [], paper: 'a4' });
    const state = await preview.refresh();
    expect(state.ok).toBe(false);
    expect(state.problem).toMatchObject({ rule: 'references', line: 20 });
    expect(state.findings.some((f) => f.rule === 'open-point' && f.severity === 'error')).toBe(true);
    expect(preview.inputs).toContain(path.join(dir, 'smplan.config.yaml'));
  });
});
