/**
 * Property tests over whole plans: valid plans lint, compute and render; mutated plans
 * give exit 0 or 1 and never a stack trace; whatever lint accepts, every command handles.
 * FUZZ_RUNS raises the number of cases (`npm run fuzz`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../helpers/cli.js';
import { mutate, mutation, validPlan } from './arbitraries.js';

// A short default keeps `npm test` quick (each case renders a plan); `npm run fuzz` runs many.
const runs = Number(process.env.FUZZ_RUNS ?? 4);
const dir = mkdtempSync(path.join(os.tmpdir(), 'smplan-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
function writePlan(text: string): string {
  const file = path.join(dir, `plan-${counter++}.yaml`);
  writeFileSync(file, text);
  return file;
}

const COMPUTE = ['kpi', 'competitors', 'budget', 'calendar'] as const;

/** Every number in the JSON output is finite: NaN and Infinity serialise as null. */
function assertFiniteJson(text: string, label: string): void {
  const data = JSON.parse(text) as unknown;
  const walk = (v: unknown, at: string): void => {
    if (v === null) throw new Error(`${label}: null at ${at} (NaN or Infinity?)`);
    if (typeof v === 'number') expect(Number.isFinite(v), `${label} ${at}`).toBe(true);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}[${i}]`));
    else if (typeof v === 'object')
      for (const [k, x] of Object.entries(v as object)) if (x !== undefined) walk(x, `${at}.${k}`);
  };
  walk(data, '$');
}

async function everyCommandAccepts(file: string): Promise<void> {
  for (const command of COMPUTE) {
    const r = await runCli([command, '--json', file]);
    expect(r.code, `${command}: ${r.stderr}`).toBe(0);
    assertFiniteJson(r.stdout, command);
  }
  const out = path.join(dir, `out-${counter++}`);
  const r = await runCli(['render', file, '-o', out]);
  expect(r.code, `render: ${r.stderr}`).toBe(0);
}

describe('fuzz: generated plans', () => {
  it('valid plans lint without errors, compute finite numbers and render', async () => {
    await fc.assert(
      fc.asyncProperty(validPlan, async (plan) => {
        const file = writePlan(stringify(plan, { lineWidth: 0 }));
        const lint = await runCli(['lint', '--format', 'json', file]);
        const errors = (JSON.parse(lint.stdout) as { severity: string; message: string; path: string }[]).filter(
          (f) => f.severity === 'error',
        );
        expect(errors, JSON.stringify(errors)).toEqual([]);
        expect(lint.code).toBe(0);
        await everyCommandAccepts(file);
      }),
      { numRuns: runs, endOnFailure: true },
    );
  }, 600_000);

  it('mutated plans give exit 0 or 1, never a crash; what lint accepts every command handles', async () => {
    await fc.assert(
      fc.asyncProperty(validPlan, fc.array(mutation, { minLength: 1, maxLength: 4 }), async (plan, mutations) => {
        const text = mutate(stringify(plan, { lineWidth: 0 }), mutations);
        const file = writePlan(text);
        const lint = await runCli(['lint', file]);
        expect([0, 1], `${lint.stdout}${lint.stderr}`).toContain(lint.code);
        expect(hasStackTrace(lint.stdout + lint.stderr)).toBe(false);
        if (lint.code === 0) await everyCommandAccepts(file);
        else {
          for (const command of COMPUTE) {
            const r = await runCli([command, file]);
            expect(r.code, `${command} on a plan lint rejects: ${r.stderr}`).toBe(1);
            expect(hasStackTrace(r.stderr)).toBe(false);
          }
        }
      }),
      { numRuns: runs * 3, endOnFailure: true },
    );
  }, 600_000);
});
