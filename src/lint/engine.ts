/** The method's rules and the plan's inline directives, applied to a plan that matched the schema. */
import { findingAt, type LoadedPlan } from '../plan/load.js';
import { isProtected, optionsFor, severityFor, type LintConfig } from './config.js';
import { applyDirectives, UNUSED_DISABLE, type DirectiveOutcome } from './directives.js';
import type { Finding } from '../diagnostics.js';
import { ruleCatalog } from './catalog.js';
import { rules } from './rules/index.js';

/** Runs every method rule on a plan that passed the schema, as the config sets them. */
export function runRules(loaded: LoadedPlan, config: LintConfig): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const severity = severityFor(config, rule);
    if (!severity) continue;
    for (const report of rule.check(loaded.plan, { loaded, options: optionsFor(config, rule) })) {
      findings.push(findingAt(loaded, report.path, severity, rule.id, report.message, report.anchor));
    }
  }
  return findings;
}

/** The plan's smplan-disable comments applied to what the config's rules found. */
export async function withDirectives(
  loaded: LoadedPlan,
  findings: readonly Finding[],
  config: LintConfig,
): Promise<DirectiveOutcome> {
  const level = severityFor(config, { id: UNUSED_DISABLE, severity: 'warning' });
  const outcome = await applyDirectives(loaded.file, loaded.text, findings, {
    suppressible: (rule) => !isProtected(rule),
    knownRules: ruleCatalog().map((r) => r.id),
    reportUnused: level !== undefined,
  });
  if (level) for (const f of outcome.findings) if (f.rule === UNUSED_DISABLE) f.severity = level;
  return outcome;
}
