import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin/smplan.js');
export const EXAMPLES = path.join(ROOT, 'examples');
/** Copies of the public acceptance fixtures, so that the suite runs from a clean clone. */
export const ACCEPTANCE = path.join(ROOT, 'test/fixtures/acceptance');

/** "Now" for every CLI a test runs (2026-11-15 12:00 UTC), passed as SOURCE_DATE_EPOCH. */
export const TEST_EPOCH = String(Date.UTC(2026, 10, 15, 12) / 1000);

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process with captured output (fast; no bundle needed). */
export async function runCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; tty?: boolean } = {},
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: {
      write: (s: string) => {
        stdout += s;
        return true;
      },
      isTTY: options.tty ?? false,
    },
    stderr: {
      write: (s: string) => {
        stderr += s;
        return true;
      },
      isTTY: options.tty ?? false,
    },
    stdinIsTTY: options.tty ?? false,
    env: { SOURCE_DATE_EPOCH: TEST_EPOCH, ...options.env },
    cwd: options.cwd ?? ROOT,
    debug: false,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** Runs the built bin/smplan.js as a user would (needs `npm run build`). */
export function spawnCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; timeout?: number } = {},
): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    // A fixed "now" (the document's date, ICS stamps, the interview's defaults): tests never read the clock.
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NO_COLOR: '1',
      SOURCE_DATE_EPOCH: TEST_EPOCH,
      ...options.env,
    },
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: options.timeout ?? 90_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** True when a stack trace leaked into user-facing output. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .*(\.js|\.ts|node:)/m.test(text);
}
