/** One way for the reference rules to say an id is not defined, in the words `references` uses. */
import type { PlanPath } from '../diagnostics.js';
import type { RuleReport } from './rule.js';

/**
 * A checker that reports ids not in `known` (undefined: the section is absent, so any id is
 * accepted, as `references` does for channels), naming the section they belong in.
 */
export function idCheck(
  reports: RuleReport[],
  kind: string,
  section: string,
  known: ReadonlySet<string> | undefined,
): (value: string | undefined, path: PlanPath) => void {
  return (value, path) => {
    if (value === undefined || known === undefined || known.has(value)) return;
    const list = [...known];
    reports.push({
      path,
      message: `${kind} \`${value}\` is not defined in ${section}${list.length ? ` (defined: ${list.join(', ')})` : ' (none defined)'}`,
    });
  };
}
