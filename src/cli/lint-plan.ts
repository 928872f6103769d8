/**
 * One plan file checked as `smplan lint` checks it, reduced to what the report needs (no plan
 * kept in memory), in the main thread or in a lint worker alike.
 */
import { UsageError } from '../errors.js';
import { CLIError } from './errors.js';
import type { LintConfig } from '../lint/config.js';
import { lintWithSettings, type LintResult } from '../lint/engine.js';
import { loadPlan, type LoadOutcome } from '../plan/load.js';

export type PlanReport = Pick<LintResult, 'file' | 'findings' | 'suppressed'> & { readable: boolean };

/** A plan checked, or why its file could not be read (the message a CLIError gave). */
export type PlanCheck = { report: PlanReport } | { unreadable: string };

export async function checkPlan(
  file: string,
  read: () => Promise<LoadOutcome>,
  config: LintConfig,
  inlineConfig: boolean,
): Promise<PlanCheck> {
  let outcome: LoadOutcome;
  try {
    outcome = await read();
  } catch (err) {
    if (!(err instanceof UsageError || err instanceof CLIError)) throw err;
    // FileReadError says "FILE: cannot read: why"; the finding carries the file already.
    const message = err.message.startsWith(`${file}: `) ? err.message.slice(file.length + 2) : err.message;
    return { unreadable: message };
  }
  const { findings, suppressed, loaded } = await lintWithSettings(file, outcome, { config, inlineConfig });
  return { report: { file, findings, ...(suppressed ? { suppressed } : {}), readable: loaded !== undefined } };
}

export function checkPlanFile(file: string, cwd: string, config: LintConfig, inlineConfig: boolean) {
  return checkPlan(file, () => loadPlan(file, cwd), config, inlineConfig);
}
