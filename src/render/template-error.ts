import { UsageError } from '../errors.js';

/**
 * A template the user edited that does not work, naming the file. Handlebars puts the line in
 * its first line and what it expected in its last; the caret picture between is dropped.
 */
export class TemplateError extends UsageError {
  constructor(
    readonly file: string,
    what: string,
    err: unknown,
  ) {
    const lines = ((err as Error).message ?? String(err)).split('\n').filter((l) => l.trim() !== '');
    const first = lines[0] ?? '';
    const detail =
      /^Parse error on line \d+:$/.test(first) && lines.length > 1 ? `${first} ${lines.at(-1)!.slice(0, 160)}` : first;
    super(`${file}: ${what}: ${detail}`, { cause: err });
    this.name = 'TemplateError';
  }
}
