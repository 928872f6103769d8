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
