/**
 * What the computing commands (kpi, competitors, budget, calendar, track, render) share: read
 * a checked plan, turn a plan that cannot be computed into a located error, print JSON.
 */
import { PlanComputeError } from '../compute/errors.js';
import { PlanInvalidError } from '../diagnostics.js';
import { readCheckedPlan, validPlan } from '../lint/check.js';
import { findingAt, type LoadedPlan } from '../plan/load.js';
import { CLIError, EXIT } from './errors.js';
import type { Io } from './io.js';

/** The plan named on the command line, refused (exit 1) when lint finds errors. */
export async function readPlan(args: readonly string[], io: Io): Promise<LoadedPlan> {
  const file = args[0];
  if (!file) throw new CLIError('missing the plan file argument', EXIT.usage);
  // These commands print no findings, only refuse a plan with errors, which no lint config or
  // directive changes: neither is read (a broken config is lint's and render's problem).
  return validPlan(await readCheckedPlan(file, { cwd: io.cwd, config: false, inlineConfig: false }));
}

/**
 * Runs a computation; a PlanComputeError (a guard lint does not cover) becomes the same
 * FILE:LINE:COL error lint would print, exit 1.
 */
export function computeFor<T>(loaded: LoadedPlan, compute: () => T): T {
  try {
    return compute();
  } catch (err) {
    if (err instanceof PlanComputeError) {
      throw new PlanInvalidError(loaded.file, [findingAt(loaded, err.path, 'error', 'compute', err.message)]);
    }
    throw err;
  }
}

/** The --json output: the value alone on stdout. */
export function printJson(io: Io, value: unknown): void {
  io.stdout.write(JSON.stringify(value, null, 2) + '\n');
}
