/**
 * The whole interview through the real @inquirer/prompts, each prompt rendered by
 * @inquirer/testing and answered by key presses as the hurried newcomer of the
 * acceptance walk answers: Enter, and where that is refused, the next plausible text.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as lib from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run } from '../../src/cli/init.js';
import type { Io } from '../../src/cli/io.js';
import { inquirerPrompts } from '../../src/init/ask.js';
import { readCheckedPlan } from '../../src/lint/check.js';
import { TEST_EPOCH } from '../helpers/cli.js';

const ROTATION = ['', 'Example', '100', '2027-06-30', 'instagram', '1', 'yes', 'Example text, long enough to pass.'];

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'smplan-inq-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Screens on which an answer was refused, with the message inquirer showed. */
const refusals: string[] = [];

function drive<C extends { message: string }, V>(prompt: (config: C) => Promise<V>) {
  return async (config: C): Promise<V> => {
    const { answer, events, getScreen } = await render(prompt as never, config as never);
    let settled: { value: V } | undefined;
    void (answer as Promise<V>).then(
      (value) => {
        settled = { value };
      },
      () => undefined,
    );
    for (const keys of ROTATION) {
      events.keypress({ name: 'u', ctrl: true });
      if (keys) events.type(keys);
      events.keypress('enter');
      for (let waited = 0; waited < 400 && !settled; waited += 10) await new Promise((r) => setTimeout(r, 10));
      if (settled) return settled.value;
      refusals.push(getScreen());
    }
    throw new Error(`no answer accepted:\n${getScreen()}`);
  };
}

it('the real prompts, answered by key presses, write a plan that lints without errors', async () => {
  const driven = {
    ...lib,
    input: drive(lib.input),
    select: drive(lib.select),
    checkbox: drive(lib.checkbox),
    confirm: drive(lib.confirm),
  };
  let out = '';
  const io: Io = {
    stdout: {
      write: (s: string) => {
        out += s;
        return true;
      },
    },
    stderr: {
      write: (s: string) => {
        out += s;
        return true;
      },
    },
    stdinIsTTY: true,
    // The interview's default dates follow today: pin it.
    env: { NO_COLOR: '1', SOURCE_DATE_EPOCH: TEST_EPOCH },
    cwd: dir,
    debug: false,
  };
  const code = await run(['plan.yaml'], {}, io, inquirerPrompts(driven as typeof lib));
  expect(code, out).toBe(0);
  const file = path.join(dir, 'plan.yaml');
  const { findings } = await readCheckedPlan(file, { cwd: dir });
  expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  const data = parse(await readFile(file, 'utf8'));
  expect(data.plan.organization).toBe('Example');
  expect(data.objectives[0]).toMatchObject({ baseline: 100, target: '+20%', curve: 'linear' });
  // Enter on a question without a default is refused at the prompt, with the reason under it.
  expect(
    refusals.some(
      (s) => s.includes('Organisation: who is the strategy for?') && s.includes('an answer is needed here'),
    ),
  ).toBe(true);
  expect(refusals.some((s) => /baseline[\s\S]*expected a number/.test(s))).toBe(true);
}, 120_000);
