import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
