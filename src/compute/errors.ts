/**
 * A plan that passed lint but still cannot be computed (a guard the lint rules
 * do not cover yet). Carries the plan path so a command can point at FILE:LINE:COL;
 * exit 1 like every invalid plan. Compute functions throw this instead of
 * returning NaN or Infinity.
 */
import { CLIError, EXIT } from '../errors.js';
import type { PlanPath } from '../diagnostics.js';

export class PlanComputeError extends CLIError {
  constructor(message: string, readonly path: PlanPath) {
    super(message, EXIT.invalid);
    this.name = 'PlanComputeError';
  }
}
