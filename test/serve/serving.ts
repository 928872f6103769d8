/** Runs the built `smplan serve` as a user would, and reads what it prints. */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIN, EXAMPLES, TEST_EPOCH } from '../helpers/cli.js';

export interface Serving {
  child: ChildProcess;
  url: string;
  /** Everything printed so far. */
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
  /** Resolves once stdout has printed a line matching re `count` times in all. */
  printed: (re: RegExp, count?: number) => Promise<void>;
  /** The same for stderr: its own pipe, which may arrive after stdout's. */
  logged: (re: RegExp, count?: number) => Promise<void>;
  stop: () => Promise<number | string>;
}

/** A folder with a copy of an example plan and its data/ (posts_csv files). */
export function exampleCopy(name = 'fieldnote-software.yaml'): { dir: string; plan: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'smplan-serve-'));
  cpSync(path.join(EXAMPLES, name), path.join(dir, 'plan.yaml'));
  cpSync(path.join(EXAMPLES, 'data'), path.join(dir, 'data'), { recursive: true });
  return { dir, plan: path.join(dir, 'plan.yaml') };
}

export function startServe(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Serving> {
  const serving = spawnServe(args, cwd, env);
  return serving.printed(/^Serving .* at http:\/\/\S+\//).then(
    () => ({ ...serving, url: /at (http:\/\/\S+\/)/.exec(serving.stdout())![1]! }),
    (err: unknown) => Promise.reject(err),
  );
}

/** `smplan serve` started, not waited for: its first render may still be under way. */
export function spawnServe(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Omit<Serving, 'url'> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], {
    cwd,
    // The same "now" as every other CLI a test runs, so the document's date matches render's.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', SOURCE_DATE_EPOCH: TEST_EPOCH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiting: (() => void)[] = [];
  const wake = () => waiting.splice(0).forEach((w) => w());
  child.stdout!.setEncoding('utf8').on('data', (s: string) => {
    stdout += s;
    wake();
  });
  child.stderr!.setEncoding('utf8').on('data', (s: string) => {
    stderr += s;
    wake();
  });
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => {
      resolve(code ?? signal ?? -1);
      wake();
    }),
  );
  const seenIn =
    (stream: () => string) =>
    (re: RegExp, count = 1) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          const seen = stream().match(new RegExp(re.source, 'gm'))?.length ?? 0;
          if (seen >= count) return resolve();
          if (child.exitCode !== null || child.signalCode !== null)
            return reject(new Error(`serve exited (${child.exitCode ?? child.signalCode}):\n${stdout}\n${stderr}`));
          waiting.push(check);
        };
        check();
      });
  const printed = seenIn(() => stdout);
  const serving: Omit<Serving, 'url'> = {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    printed,
    logged: seenIn(() => stderr),
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      return exited;
    },
  };
  return serving;
}

/** Settles a Serving that failed to start: the code and what it printed. */
export function runServe(
  args: string[],
  cwd: string,
): Promise<{ code: number | string; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', SOURCE_DATE_EPOCH: TEST_EPOCH },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  return new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code: code ?? signal ?? -1, stdout, stderr })),
  );
}
