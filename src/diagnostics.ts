/**
 * The vocabulary every layer reports problems in: a finding at a position, a path into the plan.
 * At the ground so that plan, compute and init can locate problems without importing lint.
 */
import { visible } from './terminal.js';

export type Severity = 'error' | 'warning';

/** A path into the plan: keys and list indexes, e.g. ['objectives', 0, 'deadline']. */
export type PlanPath = readonly (string | number)[];

/** One problem in one file, as every lint format reports it. */
export interface Finding {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  rule: string;
  message: string;
  /** Dotted/indexed location in the plan, e.g. `objectives[0].deadline`; '' for the whole file. */
  path: string;
}

/** A plan refused for the errors found in it (the CLI lists them and exits 1). */
export class PlanInvalidError extends Error {
  constructor(
    readonly file: string,
    readonly findings: readonly Finding[],
  ) {
    super(`${file} is not a valid plan`);
    this.name = 'PlanInvalidError';
  }
}

export function formatPath(path: PlanPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}

export function byPosition(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}

/** A message stays on its finding's line whatever the plan text holds. */
export function oneLine(text: string): string {
  return visible(text.replace(/[\r\n\t]+/g, ' '));
}
