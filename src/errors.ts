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

/** The reason a file operation failed, in words for the codes a user can act on. */
function reason(err: unknown, words: Readonly<Record<string, string>>): { code: string | undefined; why: string } {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code !== undefined && Object.hasOwn(words, code) ? words[code]! : ((err as Error)?.message ?? String(err));
  return { code, why };
}

const READ_REASONS = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a folder on its path is a file',
  ENOTREG: 'is not a regular file (a pipe, device or socket)',
};

/** A file that cannot be read at all. */
export class FileReadError extends UsageError {
  readonly file: string;
  readonly code: string | undefined;
  constructor(file: string, err: unknown) {
    const { code, why } = reason(err, READ_REASONS);
    super(`${file}: cannot read: ${why}`, { cause: err });
    this.name = 'FileReadError';
    this.file = file;
    this.code = code;
  }
}

const WRITE_REASONS = {
  ENOENT: 'the folder does not exist',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'permission denied',
  EISDIR: 'it is a folder',
  EDANGLING: 'it is a link to nothing',
  ENOTREG: 'it is not a regular file, a pipe or a terminal',
};

/** A file that cannot be written (an output the user named), with the reason in words. */
export class FileWriteError extends UsageError {
  readonly file: string;
  readonly code: string | undefined;
  constructor(file: string, err: unknown) {
    const { code, why } = reason(err, WRITE_REASONS);
    super(`cannot write ${file}: ${why}`, { cause: err });
    this.name = 'FileWriteError';
    this.file = file;
    this.code = code;
  }
}
