/** How every command but `lint` reads a plan: errors refuse it (PlanInvalidError), warnings never do. */
import { PlanInvalidError, type Finding } from '../diagnostics.js';
import type { LoadedPlan } from '../plan/load.js';
import { lintFile } from './engine.js';

export interface CheckedPlan {
  loaded: LoadedPlan;
  warnings: Finding[];
}

export async function loadCheckedPlan(file: string, cwd?: string): Promise<CheckedPlan> {
  const result = await lintFile(file, cwd);
  const errors = result.findings.filter((f) => f.severity === 'error');
  if (errors.length || !result.loaded) throw new PlanInvalidError(file, errors);
  return { loaded: result.loaded, warnings: result.findings.filter((f) => f.severity === 'warning') };
}
