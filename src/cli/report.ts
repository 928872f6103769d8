/** Where errors become what a user sees and the exit code: the CLI's one mapping. */
import { PlanComputeError } from '../compute/errors.js';
import { PlanInvalidError } from '../diagnostics.js';
import { UsageError } from '../errors.js';
import { CLIError, EXIT } from './errors.js';
import { formatStylish } from '../lint/formatters/stylish.js';
import { colorsFor, writeLine, type Io } from './io.js';
import { visible } from '../terminal.js';

function isPromptExit(err: unknown): boolean {
  return err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError');
}

/** The domain errors below the CLI, as the message and exit code a user sees. */
export function asCLIError(err: unknown): unknown {
  if (err instanceof PlanInvalidError) {
    return new CLIError(`${err.message}:\n${formatStylish([...err.findings], { color: false })}`, EXIT.invalid, {
      hint: 'Fix the errors above (`smplan lint` lists them all), then run this again.',
    });
  }
  // Commands locate it through computeFor; one that escapes still refuses the plan, unlocated.
  if (err instanceof PlanComputeError) return new CLIError(err.message, EXIT.invalid);
  // A file, folder, template, config, browser or port that cannot be used: the contract's exit 2.
  if (err instanceof UsageError) {
    return new CLIError(err.message, EXIT.usage, {
      ...(err.hint ? { hint: err.hint } : {}),
      ...(err.cause === undefined ? {} : { cause: err.cause }),
    });
  }
  return err;
}

/**
 * An error as the user sees it (one line, a hint, the stack only with --debug) and its exit code.
 * main() reports a command's error this way; a batch reports each plan's own.
 */
export function reportError(err: unknown, io: Io): number {
  const c = colorsFor(io, 'stderr');
  if (isPromptExit(err)) {
    writeLine(io.stderr, c.dim('Interrupted.'));
    return EXIT.interrupted;
  }
  err = asCLIError(err);
  if (err instanceof CLIError) {
    // A message quotes file names and plan text: escape sequences in them are shown, not obeyed.
    if (err.message) writeLine(io.stderr, `${c.red('smplan:')} ${visible(err.message)}`);
    if (err.hint) writeLine(io.stderr, c.dim(visible(err.hint)));
    if (io.debug && err.cause instanceof Error) writeLine(io.stderr, err.cause.stack ?? String(err.cause));
    return err.exitCode;
  }
  if (io.debug) {
    writeLine(io.stderr, (err as Error)?.stack ?? String(err));
  } else {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    writeLine(io.stderr, `${c.red('smplan: internal error:')} ${visible(message ?? '')}`);
    writeLine(io.stderr, c.dim('This is a bug in smplan. Rerun with --debug for details and report it.'));
  }
  return EXIT.internal;
}
