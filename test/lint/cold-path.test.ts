import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { ACCEPTANCE, ROOT, runCli, spawnCli } from '../helpers/cli.js';

// `yaml` (the positioned parser, the largest module lint can load) is what a cold `smplan lint`
// must not pay for unless the plan needs it. Here, loading it at all is a failure.
const loaded = vi.hoisted(() => ({ yaml: 0 }));
vi.mock('yaml', async (importOriginal) => {
  loaded.yaml++;
  return importOriginal();
});

describe('the cold lint path', () => {
  it('lints a clean plan and a plan with warnings without loading the positioned parser', async () => {
    const clean = await runCli(['lint', path.join(ROOT, 'test/lint/fixtures/complete.yaml')]);
    expect(clean.code).toBe(0);
    const warned = await runCli(['lint', path.join(ACCEPTANCE, 'kaffebar.yaml')]);
    expect(warned.stdout).toMatch(/warning/);
    expect(loaded.yaml).toBe(0);
  });

  it('loads it for a plan with an inline directive, and reads the directive', async () => {
    // Beside the fixture, so that its posts CSVs are found.
    const file = path.join(ACCEPTANCE, `.cold-path-${process.pid}.yaml`);
    const text = readFileSync(path.join(ACCEPTANCE, 'kaffebar.yaml'), 'utf8');
    writeFileSync(file, `# smplan-disable\n${text}`);
    const r = await runCli(['lint', file]).finally(() => rmSync(file));
    expect(r.stdout).toMatch(/0 errors, 0 warnings/);
    expect(loaded.yaml).toBeGreaterThan(0);
  });

  // The bundle loads `yaml` through a chunk of its own: what a dynamic import gives there differs.
  it('reads directives and a config in the built program', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'smplan-cold-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const plan = readFileSync(path.join(ROOT, 'test/lint/fixtures/complete.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'plan.yaml'), `# smplan-disable-next-line no-such-rule\n${plan}`);
    writeFileSync(path.join(dir, 'smplan.config.yaml'), 'rules:\n  competitor-cont: off\n');
    const withConfig = spawnCli(['lint', 'plan.yaml'], { cwd: dir });
    expect(withConfig.code).toBe(2);
    expect(withConfig.stderr).toContain('smplan.config.yaml:2:3');
    expect(withConfig.stderr).toContain('did you mean "competitor-count"?');
    const withDirective = spawnCli(['lint', 'plan.yaml', '--no-config'], { cwd: dir });
    expect(withDirective.stdout).toMatch(
      /plan\.yaml:1:1 +warning +smplan-disable names an unknown rule "no-such-rule"/,
    );
    expect(withDirective.stderr).toBe('');
  });
});
