/** One way for the reference rules to say an id is not defined, in the words `references` uses. */
import type { PlanPath } from '../diagnostics.js';
import { listOf } from '../plan/decisions.js';
import type { Plan } from '../plan/schema.js';
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

/** The checkers for the two ids the reference rules share: objectives, and channels once the plan has a channels section. */
export function planIdChecks(
  reports: RuleReport[],
  plan: Plan,
): { objective: ReturnType<typeof idCheck>; channel: ReturnType<typeof idCheck> } {
  return {
    objective: idCheck(reports, 'objective', 'objectives', new Set(listOf(plan.objectives).map((o) => o.id))),
    channel: idCheck(
      reports,
      'channel',
      'channels',
      Array.isArray(plan.channels) ? new Set(plan.channels.map((c) => c.id)) : undefined,
    ),
  };
}
