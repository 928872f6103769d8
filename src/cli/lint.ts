import path from 'node:path';
import { FileWriteError } from '../errors.js';
import { CLIError, EXIT } from './errors.js';
import { writeOutputFile } from '../files.js';
import { DEFAULT_CONFIG, findConfig, loadConfig, type LintConfig } from '../lint/config.js';
import { planArguments, type PlanArgument } from '../plan/discover.js';
import type { CheckInput } from '../lint/check.js';
import { MAX_PLAN_BYTES } from '../plan/load.js';
import { postsCsvReads } from '../plan/posts-csv.js';
import { oneLine, type Finding } from '../diagnostics.js';
import { formatStylish, summary } from '../lint/formatters/stylish.js';
import { readiness, readinessLine } from '../lint/readiness.js';
import { plural } from '../wording.js';
import { colorsFor, refuseInputAsOutput, writeLine, type Io } from './io.js';
import { checkPlan, type PlanCheck, type PlanReport } from './lint-plan.js';
import type { Concurrency } from './lint-workers.js';

interface LintOptions {
  format?: string;
  maxWarnings?: number;
  quiet?: boolean;
  outputFile?: string;
  /** --config FILE, or false for --no-config. */
  config?: string | false;
  /** false for --no-inline-config. */
  inlineConfig?: boolean;
  /** --concurrency: worker threads for many plans (default off). */
  concurrency?: Concurrency;
  /** The path the plan read from `-` stands for: its name in findings, its folder for posts_csv and the config. */
  stdinFilename?: string;
}

export async function run(args: string[], options: LintOptions, io: Io): Promise<number> {
  const plans = await planArguments(args, io.cwd);
  if (plans.filter((p) => p.stdin).length > 1) throw new CLIError('`-` (standard input) can be given once', EXIT.usage);
  if (plans.length === 0)
    throw new CLIError(`no plan found in ${args.join(', ')} (a plan is a .yaml file with \`smplan: 1\`)`, EXIT.usage);
  const stdinName = options.stdinFilename;
  if (stdinName !== undefined && !plans.some((p) => p.stdin))
    throw new CLIError(
      '--stdin-filename names the plan read from `-`: give `-` too (git show HEAD:plan.yaml | smplan lint - --stdin-filename plan.yaml)',
      EXIT.usage,
    );
  if (stdinName === '') throw new CLIError('--stdin-filename: expected a file name', EXIT.usage);
  const format = options.format ?? (io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'stylish');
  if (options.outputFile !== undefined) {
    await refuseInputAsOutput(
      [options.outputFile],
      plans.filter((p) => !p.stdin).map((p) => p.file),
      io.cwd,
    );
  }
  // One process for all files; a file that cannot be read is a finding (rule file-unreadable) in
  // every format, and makes the run exit 2 after the others are reported.
  const configFor = configResolver(options, io.cwd);
  const inlineConfig = options.inlineConfig !== false;
  const checks: PlanCheck[] = new Array(plans.length);
  // With --concurrency, worker threads check the plan files and this thread hands them out; a
  // plan's config is resolved here, so a broken one stops the run at once. worker_threads is
  // loaded only then: it costs a single plan's start-up.
  const concurrency = options.concurrency ?? 'off';
  const workers =
    concurrency === 'off' ? [] : (await import('./lint-workers.js')).lintWorkers(concurrency, plans.length);
  if (io.debug && concurrency !== 'off')
    writeLine(io.stderr, `debug: ${plural(plans.length, 'plan')}: ${plural(workers.length, 'worker thread')}`);
  let next = 0;
  const reads = postsCsvReads();
  const here = (plan: PlanArgument, config: LintConfig) =>
    plan.stdin
      ? checkPlan(stdinName ?? plan.file, () => stdinPlan(io, stdinName), io.cwd, config, inlineConfig, reads)
      : checkPlan(plan.file, plan.file, io.cwd, config, inlineConfig, reads);
  const lane = async (check: (plan: PlanArgument, config: LintConfig) => Promise<PlanCheck>) => {
    for (let i = next++; i < plans.length; i = next++) {
      const plan = plans[i]!;
      const config = await configFor(plan.stdin ? (stdinName ?? 'stdin.yaml') : plan.file);
      checks[i] = await check(plan, config);
    }
  };
  try {
    await Promise.all(
      workers.length
        ? // A few plans queued per worker, so that its next plan is waiting when it is done.
          workers.flatMap((worker) =>
            Array.from({ length: 4 }, () =>
              lane((plan, config) =>
                plan.stdin ? here(plan, config) : worker.check(plan.file, io.cwd, config, inlineConfig),
              ),
            ),
          )
        : [lane(here)],
    );
  } finally {
    await Promise.all(workers.map((w) => w.end()));
  }
  const unreadable = checks.some((c) => 'unreadable' in c);
  const results: PlanReport[] = checks.map((c, i) =>
    'report' in c
      ? c.report
      : {
          file: plans[i]!.file,
          findings: [
            {
              file: plans[i]!.file,
              line: 1,
              column: 1,
              severity: 'error',
              rule: 'file-unreadable',
              message: c.unreadable,
              path: '',
            },
          ],
          suppressed: [],
          readable: false,
        },
  );
  const allFindings: Finding[] = results.flatMap((r) => r.findings);
  let findings = allFindings;
  const errors = allFindings.filter((f) => f.severity === 'error').length;
  const warnings = allFindings.length - errors;
  // --quiet hides warnings, unless they are what fails the run: then they are the reason shown.
  const tooManyWarnings = errors === 0 && options.maxWarnings !== undefined && warnings > options.maxWarnings;
  if (options.quiet && !tooManyWarnings) findings = findings.filter((f) => f.severity === 'error');
  const warningsHidden = findings.length < allFindings.length;

  const toFile = options.outputFile !== undefined;
  const color = !toFile && colorsFor(io).level > 0;
  let report: string;
  if (format === 'stylish') {
    report = findings.length ? formatStylish(findings, { color }) + '\n\n' : '';
    if (results.length && (findings.length || !options.quiet)) {
      report += summary(allFindings, results.length, { color, warningsHidden }) + '\n';
      // How finished each readable plan is: the same open points the document lists.
      const readable = results.filter((r) => r.readable);
      for (const r of readable)
        report += `${readable.length > 1 ? `${oneLine(r.file)}: ` : ''}${readinessLine(readiness(r.findings))}\n`;
    }
  } else {
    const { formatters } = await import('../lint/formatters/index.js');
    const formatter = formatters[format as keyof typeof formatters];
    if (!formatter) throw new CLIError(`unknown format "${format}"`, EXIT.usage);
    report = formatter(findings, {
      files: results.map((r) => r.file),
      suppressed: results.flatMap((r) => r.suppressed),
      cwd: io.cwd,
    });
  }

  if (toFile) {
    await writeOutputFile(path.resolve(io.cwd, options.outputFile!), report).catch((err: unknown) => {
      throw new FileWriteError(options.outputFile!, err);
    });
    // The report went to a file: the CI log still gets the outcome in one line.
    if (results.length)
      io.stderr.write(
        summary(allFindings, results.length, { color: false, warningsHidden }) + ` (report: ${options.outputFile})\n`,
      );
  } else {
    io.stdout.write(report);
  }

  if (unreadable) return EXIT.usage;
  if (errors > 0) return EXIT.invalid;
  if (tooManyWarnings) {
    io.stderr.write(`smplan: ${plural(warnings, 'warning')}, more than --max-warnings ${options.maxWarnings}\n`);
    return EXIT.invalid;
  }
  return EXIT.ok;
}

/**
 * Which config each plan is checked with: --config FILE for all, none with --no-config, else
 * the nearest smplan.config.yaml or .smplanrc.yaml above the plan. Each file is read once.
 */
function configResolver(options: LintOptions, cwd: string): (plan: string) => Promise<LintConfig> {
  const loaded = new Map<string, Promise<LintConfig>>();
  const read = (file: string) => {
    let config = loaded.get(file);
    if (!config) loaded.set(file, (config = loadConfig(file, cwd)));
    return config;
  };
  if (options.config === false) return async () => DEFAULT_CONFIG;
  if (typeof options.config === 'string') {
    const file = options.config;
    return () => read(file);
  }
  const found = new Map<string, Promise<string | undefined>>();
  return async (plan) => {
    const file = await findConfig(plan, cwd, found);
    return file ? read(path.relative(cwd, file) || file) : DEFAULT_CONFIG;
  };
}

async function stdinPlan(io: Io, name: string | undefined): Promise<CheckInput> {
  if (!io.readStdin || io.stdinIsTTY)
    throw new CLIError('`-` reads a plan from standard input: pipe one in (smplan lint - < plan.yaml)', EXIT.usage);
  const bytes = await io.readStdin(MAX_PLAN_BYTES).catch((err: unknown) => {
    throw new CLIError(`<stdin>: cannot read: ${(err as Error).message}`, EXIT.usage, { cause: err });
  });
  // Named, it is read as that file would be: posts_csv and the like beside it.
  return name !== undefined ? { file: name, text: bytes } : { file: '<stdin>', text: bytes, dir: io.cwd };
}
