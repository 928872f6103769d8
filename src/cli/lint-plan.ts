/**
 * One plan checked as `smplan lint` checks it, reduced to what the report needs (no plan kept in
 * memory), in the main thread or in a lint worker alike.
 */
import { UsageError } from '../errors.js';
import { CLIError } from './errors.js';
import type { LintConfig } from '../lint/config.js';
import { readCheckedPlan, type CheckedPlan, type CheckInput } from '../lint/check.js';
import type { PostsCsvReads } from '../plan/posts-csv.js';

export type PlanReport = Pick<CheckedPlan, 'file' | 'findings' | 'suppressed'> & {
  /** The plan matched the schema (its readiness is shown). */
  readable: boolean;
};

/** A plan checked, or why its file could not be read (the message a CLIError gave). */
export type PlanCheck = { report: PlanReport } | { unreadable: string };

/**
 * The plan `file` (its name in findings) from `input`: the plan, or how to get it (standard input
 * is read only then, so that a pipe that fails is this plan's problem, not the whole run's).
 */
export async function checkPlan(
  file: string,
  input: CheckInput | (() => Promise<CheckInput>),
  cwd: string,
  config: LintConfig,
  inlineConfig: boolean,
  /** This run's posts CSVs: plans of one folder often sample the same export. */
  reads: PostsCsvReads,
): Promise<PlanCheck> {
  try {
    const plan = typeof input === 'function' ? await input() : input;
    const { findings, suppressed, loaded } = await readCheckedPlan(plan, { cwd, config, inlineConfig, reads });
    return { report: { file, findings, suppressed, readable: loaded !== undefined } };
  } catch (err) {
    if (!(err instanceof UsageError || err instanceof CLIError)) throw err;
    // FileReadError says "FILE: cannot read: why"; the finding carries the file already.
    const message = err.message.startsWith(`${file}: `) ? err.message.slice(file.length + 2) : err.message;
    return { unreadable: message };
  }
}
