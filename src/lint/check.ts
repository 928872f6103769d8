/** How every command but `lint` reads a plan: errors refuse it (PlanInvalidError), warnings never do. */
import { PlanInvalidError, type Finding } from '../diagnostics.js';
import { loadPlan, type LoadedPlan } from '../plan/load.js';
import { lintAsConfigured, lintOutcome } from './engine.js';

export interface CheckedPlan {
  loaded: LoadedPlan;
  /**
   * What `smplan lint FILE` reports of it (the config above the plan and its directives apply):
   * a config may turn advice off or into an error, which refuses the plan only in lint.
   */
  reported(): Promise<Finding[]>;
}

export async function loadCheckedPlan(file: string, cwd = process.cwd()): Promise<CheckedPlan> {
  const outcome = await loadPlan(file, cwd);
  const result = lintOutcome(file, outcome);
  const errors = result.findings.filter((f) => f.severity === 'error');
  if (errors.length || !result.loaded) throw new PlanInvalidError(file, errors);
  return {
    loaded: result.loaded,
    reported: async () => (await lintAsConfigured(result, outcome, cwd)).reported.findings,
  };
}
