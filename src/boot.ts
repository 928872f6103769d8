/**
 * Loads the built program (dist/cli.cjs) for bin/smplan.js and the lint worker threads, keeping
 * V8's compiled code between runs: compiling the bundle is about a third of a cold `smplan lint`
 * on Node 20, which has no compile cache of its own (Node 22's `module.enableCompileCache` does
 * for modules what this does for the one file every command runs). The cache lives in the user's
 * own cache folder; a file there that is not ours, a link, or code V8 rejects is passed over and
 * the bundle compiles as usual. NODE_DISABLE_COMPILE_CACHE=1 (Node's own switch) turns it off.
 */
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { isMainThread, Worker, workerData } from 'node:worker_threads';
import { crc32 } from 'node:zlib';
import { LINT_VALUE_OPTIONS, LINT_WORKER, LINT_WORKERS_FROM, lintWorkerCount } from './threads.js';

/** What dist/cli.cjs exports (src/cli/bundle.ts). */
export interface Cli {
  run(argv: string[], lintWorkers: Worker[]): Promise<number>;
  serveLintJobs(): void;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const bundle = path.join(here, 'cli.cjs');
/** Far above the bundle's code cache (about 1 MB): a larger file is not one we wrote. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

interface Loaded {
  cli: Cli;
  /** Writes the compiled code for the next run, if this run compiled it afresh. */
  keep(): void;
}

/** Runs the bundle, from the code cache where there is a usable one. */
export function loadCli({ keepCode = true } = {}): Loaded {
  const requireHere = createRequire(bundle);
  // --debug wants stack traces mapped to src/, which Node does for modules it loads itself.
  if (process.env.NODE_DISABLE_COMPILE_CACHE || process.sourceMapsEnabled)
    return { cli: requireHere(bundle) as Cli, keep() {} };
  const source = readFileSync(bundle, 'utf8');
  const name = `cli-${crc32(source).toString(16)}-${process.version}-${process.arch}.v8`;
  const dir = cacheDir();
  const file = dir && path.join(dir, name);
  // The package ships the code compiled by the Node it was packed with (dist/cli-….v8): a CI
  // job's one run on that Node starts from it. It is part of the package, like the code itself.
  const cachedData = (file && readCacheFile(file, { ours: true })) || readCacheFile(path.join(here, name));
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname, __smplanImport) {${source}\n})`,
    { filename: bundle, cachedData },
  );
  const module = { exports: {} as Cli };
  // Dynamic imports in code compiled by vm need a flag; the bundle asks this module instead.
  const load = (specifier: string) =>
    import(specifier.startsWith('node:') ? specifier : pathToFileURL(path.join(here, specifier)).href);
  (script.runInThisContext() as (...args: unknown[]) => void).call(
    module.exports,
    module.exports,
    requireHere,
    module,
    bundle,
    here,
    load,
  );
  const fresh = !cachedData || script.cachedDataRejected === true;
  return {
    cli: module.exports,
    keep() {
      if (fresh && keepCode && file) writeOwnFile(file, script.createCachedData());
    },
  };
}

/** The user's cache folder for smplan, or undefined where caching is off or the folder is not safely ours. */
function cacheDir(): string | undefined {
  const home = os.homedir();
  const base =
    process.env.XDG_CACHE_HOME && path.isAbsolute(process.env.XDG_CACHE_HOME)
      ? process.env.XDG_CACHE_HOME
      : process.platform === 'darwin'
        ? path.join(home, 'Library', 'Caches')
        : process.platform === 'win32'
          ? (process.env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'))
          : path.join(home, '.cache');
  if (!base || !path.isAbsolute(base)) return undefined;
  const dir = path.join(base, 'smplan');
  try {
    makeDir(dir, base);
    const stat = lstatSync(dir);
    // Code read from a folder someone else can write to would run as ours.
    if (!stat.isDirectory() || !ownedByUs(stat) || (process.platform !== 'win32' && (stat.mode & 0o022) !== 0))
      return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/**
 * The cache folder, and its parent (~/.cache) when that is missing, one level each: a recursive
 * mkdir never returns on some paths (/proc/…), and a missing home is no place to create.
 */
function makeDir(dir: string, base: string): void {
  const make = (d: string) => {
    try {
      mkdirSync(d, { mode: 0o700 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  };
  try {
    make(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    make(base);
    make(dir);
  }
}

function ownedByUs(stat: { uid: number }): boolean {
  return typeof process.getuid !== 'function' || stat.uid === process.getuid();
}

/** A regular file (of ours, where asked), not through a link; undefined for anything else. */
function readCacheFile(file: string, { ours = false } = {}): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    const stat = fstatSync(fd);
    if (!stat.isFile() || (ours && !ownedByUs(stat)) || stat.size > MAX_CACHE_BYTES) return undefined;
    const data = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, data, read, stat.size - read, read);
      if (n === 0) return undefined;
      read += n;
    }
    return data;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes atomically (a new file, then a rename) and drops this Node's caches of earlier builds. */
function writeOwnFile(file: string, data: Buffer): void {
  const dir = path.dirname(file);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    try {
      for (let written = 0; written < data.length; ) written += writeSync(fd, data, written);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
    const suffix = `-${process.version}-${process.arch}.v8`;
    for (const old of readdirSync(dir))
      if (old.startsWith('cli-') && old.endsWith(suffix) && old !== path.basename(file))
        unlinkSync(path.join(dir, old));
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // Never made.
    }
  }
}

/** bin/smplan.js: run a command, then keep the compiled code. */
export async function run(argv: string[]): Promise<number> {
  const lintWorkers = looksLikeBatchLint(argv) ? startLintWorkers() : [];
  const loaded = loadCli();
  const code = await loaded.cli.run(argv, lintWorkers);
  loaded.keep();
  return code;
}

/**
 * A lint of many plans: its worker threads start before the program loads, so that their own
 * start (about a quarter of a second each, while the main thread is busy too) overlaps the
 * program's. A guess from the words and folder listings: `lint` takes the workers it needs and
 * ends the rest, and a worker nobody takes never keeps the process alive (unref).
 */
export function looksLikeBatchLint(argv: string[]): boolean {
  const words = argv.filter((a, i) => !a.startsWith('-') && !LINT_VALUE_OPTIONS.includes(argv[i - 1] ?? ''));
  if (words[0] !== 'lint' && words[0] !== 'validate') return false;
  let plans = 0;
  for (const word of words.slice(1)) {
    // A folder counts its YAML files (not those in subfolders: a guess must stay cheap).
    try {
      plans += readdirSync(word).filter((name) => /\.ya?ml$/i.test(name)).length;
    } catch {
      plans++;
    }
    if (plans >= LINT_WORKERS_FROM) return true;
  }
  return false;
}

function startLintWorkers(): Worker[] {
  return Array.from({ length: lintWorkerCount() }, () => {
    const worker = new Worker(new URL(import.meta.url), { workerData: LINT_WORKER });
    worker.unref();
    // A worker that fails to start is the lint's to report when it takes it; until then, no crash.
    worker.on('error', () => undefined);
    return worker;
  });
}

if (!isMainThread && workerData === LINT_WORKER) loadCli({ keepCode: false }).cli.serveLintJobs();
