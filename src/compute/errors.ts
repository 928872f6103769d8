/**
 * A plan that passed lint but still cannot be computed (a guard the lint rules
 * do not cover yet). A domain error: it carries the plan path, and the CLI turns it
 * into a located FILE:LINE:COL error (exit 1). Compute functions throw this instead
 * of returning NaN or Infinity.
 */
import type { PlanPath } from '../diagnostics.js';

export class PlanComputeError extends Error {
  constructor(
    message: string,
    readonly path: PlanPath,
  ) {
    super(message);
    this.name = 'PlanComputeError';
  }
}
