import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { parse, stringify } from 'yaml';
import { readCheckedPlan } from '../../src/lint/check.js';
import type { Finding } from '../../src/diagnostics.js';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** A plan with every section, on which no rule reports anything (fixtures/complete.yaml). */
export type PlanData = Record<string, any>;
export function completePlan(): PlanData {
  return parse(readFileSync(path.join(FIXTURES, 'complete.yaml'), 'utf8')) as PlanData;
}

/**
 * Lints YAML text as if it were FIXTURES/plan.yaml (posts_csv paths resolve in FIXTURES), by the
 * method alone: no lint config, no inline directives.
 */
export async function lintText(text: string, file = 'plan.yaml'): Promise<Finding[]> {
  const checked = await readCheckedPlan(
    { file, text, dir: FIXTURES },
    { cwd: FIXTURES, config: false, inlineConfig: false },
  );
  return checked.findings;
}

export async function lintData(plan: PlanData): Promise<Finding[]> {
  return lintText(stringify(plan, { lineWidth: 0 }));
}

/** The complete plan with one change applied. */
export async function lintChanged(change: (plan: PlanData) => void): Promise<Finding[]> {
  const plan = completePlan();
  change(plan);
  return lintData(plan);
}

/** Findings as `severity rule path`, easy to compare in assertions. */
export function summarise(findings: Finding[]): string[] {
  return findings.map((f) => `${f.severity} ${f.rule} ${f.path}`);
}

/** Lints the complete plan with `change` and expects exactly `expected` (`severity rule path`). */
export async function expectFindings(change: (plan: PlanData) => void, expected: string[]): Promise<void> {
  expect(summarise(await lintChanged(change))).toEqual(expected);
}

/** Lints the complete plan with `change`; returns the findings and the YAML text they point into. */
export async function lintWith(change: (plan: PlanData) => void) {
  const plan = completePlan();
  change(plan);
  const text = stringify(plan, { lineWidth: 0 });
  return { findings: await lintText(text), lines: text.split('\n') };
}

/** Expects exactly one finding, of `rule` at `path`, whose line:col starts with `startsWith` in the file. */
export async function expectOne(
  change: (plan: PlanData) => void,
  rule: string,
  path: string,
  startsWith: string,
): Promise<string> {
  const { findings, lines } = await lintWith(change);
  expect(summarise(findings)).toEqual([`warning ${rule} ${path}`]);
  const f = findings[0]!;
  expect(lines[f.line - 1]!.slice(f.column - 1)).toMatch(
    new RegExp(`^${startsWith.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
  );
  return f.message;
}
