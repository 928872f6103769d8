import path from 'node:path';
import { findingAt, loadPlan, type LoadedPlan, type LoadOutcome } from '../plan/load.js';
import {
  DEFAULT_CONFIG,
  findConfig,
  isProtected,
  loadConfig,
  optionsFor,
  severityFor,
  type LintConfig,
} from './config.js';
import { applyDirectives, UNUSED_DISABLE, type SuppressedFinding } from './directives.js';
import { byPosition, type Finding } from '../diagnostics.js';
import { ruleCatalog } from './catalog.js';
import { rules } from './rules/index.js';

export interface LintResult {
  file: string;
  findings: Finding[];
  /** The plan, when it could be read; present even when rules found errors. */
  loaded?: LoadedPlan;
  /** Findings silenced by the plan's smplan-disable comments (SARIF shows them as dismissed). */
  suppressed?: SuppressedFinding[];
}

export interface LintSettings {
  config?: LintConfig;
  /** false: ignore smplan-disable comments (--no-inline-config). */
  inlineConfig?: boolean;
}

/** Runs every method rule on a plan that passed the schema, as the config sets them. */
export function runRules(loaded: LoadedPlan, config: LintConfig = DEFAULT_CONFIG): Finding[] {
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

export function lintOutcome(file: string, outcome: LoadOutcome, config: LintConfig = DEFAULT_CONFIG): LintResult {
  const findings = [...outcome.findings];
  if (outcome.loaded) for (const f of runRules(outcome.loaded, config)) findings.push(f);
  findings.sort(byPosition);
  return { file, findings, ...(outcome.loaded ? { loaded: outcome.loaded } : {}) };
}

export async function lintFile(file: string, cwd?: string, config: LintConfig = DEFAULT_CONFIG): Promise<LintResult> {
  return lintOutcome(file, await loadPlan(file, cwd), config);
}

/** A plan checked as `smplan lint` checks it: the config's rules, then the plan's inline directives. */
export async function lintWithSettings(
  file: string,
  outcome: LoadOutcome,
  settings: LintSettings = {},
): Promise<LintResult> {
  const config = settings.config ?? DEFAULT_CONFIG;
  return withDirectives(lintOutcome(file, outcome, config), config, settings.inlineConfig !== false);
}

/** The plan's inline directives applied to what the config's rules found. */
async function withDirectives(result: LintResult, config: LintConfig, inlineConfig: boolean): Promise<LintResult> {
  if (!inlineConfig || !result.loaded) return result;
  const reportUnused = severityFor(config, { id: UNUSED_DISABLE, severity: 'warning' }) !== undefined;
  const { findings, suppressed } = await applyDirectives(result.file, result.loaded.text, result.findings, {
    suppressible: (rule) => !isProtected(rule),
    knownRules: ruleCatalog().map((r) => r.id),
    reportUnused,
  });
  if (reportUnused) {
    const level = severityFor(config, { id: UNUSED_DISABLE, severity: 'warning' })!;
    for (const f of findings) if (f.rule === UNUSED_DISABLE) f.severity = level;
  }
  findings.sort(byPosition);
  return { ...result, findings, suppressed };
}

/**
 * A plan the method has checked (`method`, from lintOutcome), as `smplan lint FILE` reports it
 * without flags: the nearest config above `configFrom` (the plan's own path, also for a version
 * read from git) and the plan's directives; `configFile` is that config. A config that cannot
 * be read is a ConfigError or FileReadError, as in lint.
 */
export async function lintAsConfigured(
  method: LintResult,
  outcome: LoadOutcome,
  cwd: string,
  configFrom = method.file,
): Promise<{ reported: LintResult; configFile?: string }> {
  const configFile = await findConfig(configFrom, cwd);
  if (!configFile) return { reported: await withDirectives(method, DEFAULT_CONFIG, true) };
  const config = await loadConfig(path.relative(cwd, configFile) || configFile, cwd);
  return { reported: await withDirectives(lintOutcome(method.file, outcome, config), config, true), configFile };
}
