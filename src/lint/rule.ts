import type * as z from 'zod';
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
export interface Rule<Options extends object = object> {
  id: string;
  severity: Severity;
  /** The method.md section this rule enforces, e.g. "§2 Objectives". */
  method: string;
  description: string;
  /**
   * The thresholds a config file may change (`rules: { ID: { max: 6 } }`): a zod object whose
   * fields all have the method's value as default, so parsing `{}` gives the defaults.
   */
  options?: z.ZodType<Options, Partial<Options>>;
  check(plan: Plan, context: RuleContext<Options>): RuleReport[];
}

export interface RuleContext<Options extends object = object> {
  loaded: LoadedPlan;
  options: Options;
}

export function defineRule<Options extends object = object>(rule: Rule<Options>): Rule<Options> {
  return rule;
}
