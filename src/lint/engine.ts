import { findingAt, loadPlan, type LoadedPlan, type LoadOutcome } from '../plan/load.js';
import { byPosition, type Finding } from '../diagnostics.js';
import { rules } from './rules/index.js';

export interface LintResult {
  file: string;
  findings: Finding[];
  /** The plan, when it could be read; present even when rules found errors. */
  loaded?: LoadedPlan;
}

/** Runs every method rule on a plan that passed the schema. */
export function runRules(loaded: LoadedPlan): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const report of rule.check(loaded.plan, { loaded })) {
      findings.push(findingAt(loaded, report.path, rule.severity, rule.id, report.message, report.anchor));
    }
  }
  return findings;
}

export function lintOutcome(file: string, outcome: LoadOutcome): LintResult {
  const findings = [...outcome.findings];
  if (outcome.loaded) findings.push(...runRules(outcome.loaded));
  findings.sort(byPosition);
  return { file, findings, ...(outcome.loaded ? { loaded: outcome.loaded } : {}) };
}

export async function lintFile(file: string, cwd?: string): Promise<LintResult> {
  return lintOutcome(file, await loadPlan(file, cwd));
}
