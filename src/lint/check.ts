/**
 * The one way every command reads a plan: from a file, standard input, a git revision or an
 * interview draft, with its findings exactly as `smplan lint` reports them (the method's rules
 * as the lint config sets them, then the plan's smplan-disable comments).
 */
import path from 'node:path';
import { byPosition, PlanInvalidError, type Finding } from '../diagnostics.js';
import {
  loadPlan,
  type LoadedPlan,
  type PlanInput,
  type PlanSource,
  type PlanText,
  type PostsCsvReads,
} from '../plan/load.js';
import { DEFAULT_CONFIG, findConfig, isProtected, loadConfig, type LintConfig } from './config.js';
import type { SuppressedFinding } from './directives.js';
import { runRules, withDirectives } from './engine.js';

/** A plan to read: a file (relative to cwd), plan text, or an interview's draft (plain data in the plan format). */
export type CheckInput = PlanInput | { file: string; draft: object; dir?: string | undefined };

export interface CheckOptions {
  cwd?: string | undefined;
  /**
   * The lint config. By default the nearest smplan.config.yaml or .smplanrc.yaml above
   * `configFrom` (as `smplan lint FILE` finds it); lint passes the one its flags chose, false for none.
   */
  config?: LintConfig | false | undefined;
  /** Where the nearest config is looked for: the plan's own path (also for a version read from git). */
  configFrom?: string | undefined;
  /** false: the plan's smplan-disable comments are ignored (--no-inline-config). */
  inlineConfig?: boolean | undefined;
  /** The posts CSVs this run has read (a batch lint, a preview session): each is parsed once. */
  reads?: PostsCsvReads | undefined;
}

export interface CheckedPlan {
  /** The plan's name in findings. */
  file: string;
  /** What `smplan lint` reports, in position order. */
  findings: Finding[];
  /** Findings silenced by the plan's smplan-disable comments (SARIF shows them as dismissed). */
  suppressed: SuppressedFinding[];
  /**
   * The plan to compute from: undefined when it is invalid, that is when it has an error no
   * config or directive can change (`refusals`). A config may make advice an error: that fails
   * lint, but never stops render, diff or serve.
   */
  plan?: LoadedPlan | undefined;
  /** The errors that make it invalid (empty when `plan` is there). */
  refusals: Finding[];
  /** The plan when it parsed and matched the schema, so that the rules ran on it (even if they found errors). */
  loaded?: LoadedPlan | undefined;
  /** Its text and where each plan path is in it, when it was text at all. */
  source?: PlanSource | undefined;
  /** The config file found above the plan (the default lookup only). */
  configFile?: string | undefined;
}

/** Reads and checks one plan. Throws only when the plan or its config cannot be read (a UsageError). */
export async function readCheckedPlan(input: CheckInput, options: CheckOptions = {}): Promise<CheckedPlan> {
  const cwd = options.cwd ?? process.cwd();
  const text = typeof input !== 'string' && 'draft' in input ? await draftText(input) : input;
  const file = typeof text === 'string' ? text : text.file;
  const outcome = await loadPlan(text, cwd, { reads: options.reads });
  const loaded = outcome.loaded;

  let config: LintConfig = DEFAULT_CONFIG;
  let configFile: string | undefined;
  if (options.config === undefined) {
    configFile = await findConfig(options.configFrom ?? configPlace(text), cwd);
    // A plan that cannot be read has only findings no config changes: its config is not read.
    if (configFile && loaded) config = await loadConfig(path.relative(cwd, configFile) || configFile, cwd);
  } else if (options.config) config = options.config;

  let findings = [...outcome.findings];
  if (loaded) findings.push(...runRules(loaded, config));
  // Protected rules (the loader's, and the method's errors) are neither configured nor suppressed.
  const refusals = findings.filter((f) => f.severity === 'error' && isProtected(f.rule));
  let suppressed: SuppressedFinding[] = [];
  if (loaded && options.inlineConfig !== false)
    ({ findings, suppressed } = await withDirectives(loaded, findings, config));
  findings.sort(byPosition);
  refusals.sort(byPosition);
  return {
    file,
    findings,
    suppressed,
    plan: loaded && refusals.length === 0 ? loaded : undefined,
    refusals,
    loaded,
    source: outcome.source,
    configFile,
  };
}

/** The plan to compute from, or a PlanInvalidError listing its errors (the CLI prints them, exit 1). */
export function validPlan(checked: CheckedPlan): LoadedPlan {
  if (!checked.plan) throw new PlanInvalidError(checked.file, checked.refusals);
  return checked.plan;
}

/** A draft as the text it would be written as (`yaml` loads only for the interview). */
async function draftText(input: { file: string; draft: object; dir?: string | undefined }): Promise<PlanText> {
  const { stringify } = await import('../plan/syntax.js');
  return { file: input.file, text: stringify(input.draft), dir: input.dir };
}

/** Where a plan's config is looked for by default: its own path, or for text, a file in its folder. */
function configPlace(input: PlanInput): string {
  if (typeof input === 'string') return input;
  return input.dir === undefined ? input.file : path.join(input.dir, path.basename(input.file));
}
