/** How every command but `lint` reads a plan: errors refuse it (exit 1), warnings never do. */
import { CLIError, EXIT } from '../errors.js';
import type { LoadedPlan } from '../plan/load.js';
import { lintFile } from './engine.js';
import type { Finding } from '../diagnostics.js';
import { formatStylish } from './formatters/stylish.js';

export class PlanInvalidError extends CLIError {
  constructor(readonly file: string, readonly findings: Finding[]) {
    super(
      `${file} is not a valid plan:\n${formatStylish(findings, { color: false })}`,
      EXIT.invalid,
      { hint: 'Fix the errors above (`smplan lint` lists them all), then run this again.' },
    );
    this.name = 'PlanInvalidError';
  }
}

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
