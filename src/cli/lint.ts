import { writeFile } from 'node:fs/promises';
import { CLIError, EXIT } from '../errors.js';
import { lintFile } from '../lint/engine.js';
import type { Finding } from '../diagnostics.js';
import { formatStylish, summary } from '../lint/formatters/stylish.js';
import { colorsFor, type Io } from './io.js';

interface LintOptions {
  format?: string;
  maxWarnings?: number;
  quiet?: boolean;
  outputFile?: string;
}

/** Files in flight at once: enough to hide the disk's latency, few enough to keep memory flat. */
const READ_AHEAD = 8;

export async function run(files: string[], options: LintOptions, io: Io): Promise<number> {
  const format = options.format ?? (io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'stylish');
  const results = [];
  // One process for all files; read errors (exit 2) stop the run after the others are reported.
  let unreadable: CLIError | undefined;
  // A few files are read ahead while one is checked, so that waiting for the disk overlaps the
  // checking; results still come in the order given.
  const checked = (file: string) => lintFile(file, io.cwd).then((result) => ({ result }), (error: unknown) => ({ error }));
  const ahead: ReturnType<typeof checked>[] = [];
  let next = 0;
  const readAhead = () => {
    while (next < files.length && ahead.length < READ_AHEAD) ahead.push(checked(files[next++]!));
  };
  readAhead();
  while (ahead.length) {
    const outcome = await ahead.shift()!;
    readAhead();
    if ('result' in outcome) {
      results.push(outcome.result);
      continue;
    }
    if (!(outcome.error instanceof CLIError)) throw outcome.error;
    unreadable ??= outcome.error;
    io.stderr.write(`smplan: ${outcome.error.message}\n`);
  }
  const allFindings: Finding[] = results.flatMap((r) => r.findings);
  let findings = allFindings;
  const errors = allFindings.filter((f) => f.severity === 'error').length;
  const warnings = allFindings.length - errors;
  if (options.quiet) findings = findings.filter((f) => f.severity === 'error');

  const toFile = options.outputFile !== undefined;
  const color = !toFile && colorsFor(io).level > 0;
  let report: string;
  if (format === 'stylish') {
    report = findings.length ? formatStylish(findings, { color }) + '\n\n' : '';
    if (results.length && (findings.length || !options.quiet)) report += summary(allFindings, results.length, { color, warningsHidden: options.quiet }) + '\n';
  } else {
    const { formatters } = await import('../lint/formatters/index.js');
    const formatter = formatters[format as keyof typeof formatters];
    if (!formatter) throw new CLIError(`unknown format "${format}"`, EXIT.usage);
    report = formatter(findings, { files: results.map((r) => r.file) });
  }

  if (toFile) {
    try {
      await writeFile(options.outputFile!, report);
    } catch (err) {
      throw new CLIError(`cannot write ${options.outputFile}: ${(err as Error).message}`, EXIT.usage, { cause: err });
    }
  } else {
    io.stdout.write(report);
  }

  if (unreadable) return EXIT.usage;
  if (errors > 0) return EXIT.invalid;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr.write(`smplan: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return EXIT.invalid;
  }
  return EXIT.ok;
}
