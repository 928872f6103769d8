/**
 * Domain errors of the layers below the CLI. They carry the facts and a one-line message; they
 * know nothing of exit codes. src/cli/report.ts alone maps them to what the user sees and the
 * exit code (a UsageError is the contract's exit 2: usage or environment).
 */

/**
 * Something the user gave or has cannot be used: a file, a folder, a template, a config, the
 * browser, a port. The message says what and where; `hint` says what to do about it.
 */
export class UsageError extends Error {
  readonly hint: string | undefined;
  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UsageError';
    this.hint = options.hint;
  }
}

function errnoCode(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

/** A file that cannot be read at all. */
export class FileReadError extends UsageError {
  readonly file: string;
  readonly code: string | undefined;
  constructor(file: string, err: unknown) {
    const code = errnoCode(err);
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
    super(`${file}: cannot read: ${why}`, { cause: err });
    this.name = 'FileReadError';
    this.file = file;
    this.code = code;
  }
}

/** A file that cannot be written (an output the user named), with the reason in words. */
export class FileWriteError extends UsageError {
  readonly file: string;
  readonly code: string | undefined;
  constructor(file: string, err: unknown) {
    const code = errnoCode(err);
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
    super(`cannot write ${file}: ${why}`, { cause: err });
    this.name = 'FileWriteError';
    this.file = file;
    this.code = code;
  }
}
