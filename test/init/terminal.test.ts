/**
 * The built CLI in a real pseudo-terminal (tmux), as a person uses it; needs
 * `npm run build` first. Skipped where tmux is not installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { draftPath } from '../../src/init/draft.js';
import { BIN, ROOT, TEST_EPOCH, hasStackTrace, spawnCli } from '../helpers/cli.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
/** The acceptance walk (a copy of the public acceptance driver). */
const DRIVE = path.join(ROOT, 'test/init/drive-init.py');

let dir: string;
const session = `smplan-test-${process.pid}`;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'smplan-tty-'));
});
afterEach(() => {
  spawnSync('tmux', ['kill-session', '-t', session]);
  rmSync(dir, { recursive: true, force: true });
});

const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-S', '-', '-t', session);

async function waitFor(text: string | RegExp, ms = 30_000): Promise<string> {
  const until = Date.now() + ms;
  for (;;) {
    const s = screen();
    if (typeof text === 'string' ? s.includes(text) : text.test(s)) return s;
    if (Date.now() > until) throw new Error(`not on screen after ${ms} ms: ${String(text)}\n${s}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// Under CI a missing tmux fails instead of skipping (.ci/run installs it).
describe.skipIf(!hasTmux && !process.env.CI)('smplan init in a terminal', () => {
  it('a hurried newcomer (the acceptance walk: Enter, else a plausible answer) ends with a plan that lints', () => {
    const file = path.join(dir, 'plan.yaml');
    const walk = spawnSync('python3', [DRIVE, BIN, file], {
      encoding: 'utf8',
      timeout: 240_000,
      env: { ...process.env, SOURCE_DATE_EPOCH: TEST_EPOCH },
    });
    expect(walk.status, walk.stdout + walk.stderr).toBe(0);
    const lint = spawnCli(['lint', file]);
    expect(lint.code, lint.stdout).toBe(0);
  }, 250_000);

  it('Ctrl-C writes no plan, says so, and keeps the finished sections for --resume', async () => {
    const file = path.join(dir, 'plan.yaml');
    tmux(
      'new-session',
      '-d',
      '-s',
      session,
      '-x',
      '120',
      '-y',
      '40',
      `NO_COLOR=1 SOURCE_DATE_EPOCH=${TEST_EPOCH} node ${BIN} init ${file}; echo SMPLAN-EXIT=$?; sleep 30`,
    );
    await waitFor('Organisation');
    tmux('send-keys', '-t', session, '-l', 'Example');
    tmux('send-keys', '-t', session, 'Enter');
    // Enter through the rest of the plan section and the skipped situation and audience (each ends with "keep it and go on")
    for (let i = 0; i < 30; i++) {
      const s = screen();
      if (s.includes('Goal 1:')) break;
      tmux('send-keys', '-t', session, 'Enter');
      await new Promise((r) => setTimeout(r, 300));
    }
    await waitFor('Goal 1:');
    tmux('send-keys', '-t', session, 'C-c');
    const s = await waitFor(/SMPLAN-EXIT=\d+/);
    expect(s).toContain('SMPLAN-EXIT=130');
    expect(s).toContain('Interrupted: ');
    expect(hasStackTrace(s)).toBe(false);
    expect(existsSync(file)).toBe(false);
    const draft = parse(readFileSync(draftPath(file), 'utf8'));
    expect(draft.done).toEqual(['plan', 'situation', 'audience']);
    expect(draft.plan.plan.organization).toBe('Example');
  }, 90_000);

  it('without a terminal (stdin from /dev/null) exits 2 at once and writes nothing', () => {
    const file = path.join(dir, 'ci.yaml');
    const r = spawnCli(['init', file]);
    expect(r.code).toBe(2);
    expect(existsSync(file)).toBe(false);
    expect(r.stderr).toContain('smplan schema');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});
