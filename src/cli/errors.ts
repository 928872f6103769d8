/** Exit codes of the public contract. */
export const EXIT = {
  ok: 0,
  invalid: 1,
  usage: 2,
  /** Not in the contract: an internal bug, reported in one line. */
  internal: 70,
  /** Ctrl-C in a prompt or during long work (128 + SIGINT). */
  interrupted: 130,
} as const;

/**
 * An error as the user sees it: its message is printed as is (no stack trace) and the process
 * exits with `exitCode`. Only the CLI makes these; the layers below throw domain errors
 * (src/errors.ts, PlanInvalidError, PlanComputeError) that report.ts maps here.
 */
export class CLIError extends Error {
  readonly exitCode: number;
  readonly hint: string | undefined;
  constructor(message: string, exitCode: number = EXIT.usage, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CLIError';
    this.exitCode = exitCode;
    this.hint = options.hint;
  }
}
