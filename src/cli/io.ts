import path from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';
import { CLIError, EXIT } from './errors.js';
import { sameFile } from '../files.js';
import { visible } from '../terminal.js';

/** Where a command reads and writes: the real process, or a capture in tests. */
export interface Io {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  stdinIsTTY: boolean;
  /** Reads standard input to its end, at most `limit` bytes (more: rejects); `lint -` uses it. */
  readStdin?: (limit: number) => Promise<Uint8Array>;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Set by --debug: show internals (stack traces, browser logs). */
  debug: boolean;
  /** Set by --color / --no-color; undefined means decide from the terminal. */
  colorFlag?: boolean | undefined;
}

export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    readStdin: (limit) => readStream(process.stdin, limit),
    env: process.env,
    cwd: process.cwd(),
    debug: false,
  };
}

/** Colour only on a TTY, never with NO_COLOR (https://no-color.org), unless forced with --color. */
export function colorsFor(io: Io, stream: 'stdout' | 'stderr' = 'stdout'): ChalkInstance {
  let on: boolean;
  if (io.colorFlag !== undefined) on = io.colorFlag;
  else if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') on = false;
  else if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') on = true;
  else on = Boolean(io[stream].isTTY) && io.env.TERM !== 'dumb';
  return new Chalk({ level: on ? 1 : 0 });
}

/**
 * A line for a person (progress, results, errors): the one way such a line reaches a terminal or
 * a log, so a file name or plan text in it shows its control characters instead of running them.
 * smplan's own colours pass. Data formats (JSON, ICS, CSV) are written by their own escaping.
 */
export function writeLine(stream: Io['stdout'], text = ''): void {
  stream.write(visible(text, { sgr: true }) + '\n');
}

/** A stream read to its end, refused (not buffered further) past `limit` bytes. */
export async function readStream(stream: AsyncIterable<Uint8Array | string>, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    size += bytes.length;
    if (size > limit)
      throw Object.assign(new Error(`more than ${Math.round(limit / 1024 / 1024)} MB`), { code: 'ETOOBIG' });
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

/** An output path that is one of the inputs (`lint plan.yaml -o plan.yaml`) would destroy it: exit 2 before any work. */
export async function refuseInputAsOutput(
  outputs: readonly string[],
  inputs: readonly string[],
  cwd: string,
): Promise<void> {
  for (const output of outputs) {
    if (output === '-') continue;
    for (const input of inputs) {
      if (await sameFile(path.resolve(cwd, output), path.resolve(cwd, input))) {
        throw new CLIError(
          `${output} is also an input (${input}): writing it would destroy that file; choose another output`,
          EXIT.usage,
        );
      }
    }
  }
}
