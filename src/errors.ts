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
 * An error meant for the user: its message is printed as is (no stack trace)
 * and the process exits with `exitCode`. Nothing below the CLI calls process.exit.
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

/** A file that cannot be read at all: exit 2 per the contract. */
export function fileError(file: string, err: unknown): CLIError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : code === 'ENOTREG'
            ? 'is not a regular file (a pipe, device or socket)'
            : ((err as Error)?.message ?? String(err));
  return new CLIError(`${file}: cannot read: ${why}`, EXIT.usage, { cause: err });
}

/** A file that cannot be written (an output the user named): exit 2 with the reason in words. */
export function writeError(file: string, err: unknown): CLIError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code === 'ENOENT'
      ? 'the folder does not exist'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'EDANGLING'
            ? 'it is a link to nothing'
            : code === 'ENOTREG'
              ? 'it is not a regular file, a pipe or a terminal'
              : ((err as Error)?.message ?? String(err));
  return new CLIError(`cannot write ${file}: ${why}`, EXIT.usage, { cause: err });
}
