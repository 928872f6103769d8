import { Chalk } from 'chalk';
import { oneLine, type Finding } from '../../diagnostics.js';
import { plural } from '../../wording.js';

/** `FILE:LINE:COL  error|warning  MESSAGE  RULE-ID`, one line per finding (contract). */
export function formatStylish(findings: Finding[], options: { color: boolean }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  return findings
    .map((f) => {
      const severity = f.severity === 'error' ? c.red('error') : c.yellow('warning');
      // The file name is text like the message: a name may carry escape sequences too.
      return `${oneLine(f.file)}:${f.line}:${f.column}  ${severity}  ${oneLine(f.message)}  ${c.dim(oneLine(f.rule))}`;
    })
    .join('\n');
}

export function summary(
  findings: Finding[],
  files: number,
  options: { color: boolean; warningsHidden?: boolean | undefined },
): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  // Of many plans, how many passed: the others need fixing before anything else runs on them.
  const failed = new Set(findings.filter((f) => f.severity === 'error').map((f) => f.file)).size;
  const passed = files > 1 && errors ? `; ${files - failed} of ${files} plans without errors` : '';
  const text = `${plural(files, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${passed}${options.warningsHidden && warnings ? ' (not shown: --quiet)' : ''}`;
  return errors ? c.red(text) : warnings ? c.yellow(text) : c.green(text);
}
