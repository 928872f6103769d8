import type { LoadedPlan } from '../plan/load.js';
import type { Plan } from '../plan/schema.js';
import type { PlanPath, Severity } from '../diagnostics.js';
import type { Anchor } from '../plan/positions.js';

export interface RuleReport {
  path: PlanPath;
  message: string;
  /** Point at the key instead of its value. */
  anchor?: Anchor;
}

/** One method rule: what it checks, how bad it is, and the method.md section it enforces. */
export interface Rule {
  id: string;
  severity: Severity;
  /** The method.md section this rule enforces, e.g. "§2 Objectives". */
  method: string;
  description: string;
  check(plan: Plan, context: RuleContext): RuleReport[];
}

export interface RuleContext {
  loaded: LoadedPlan;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
