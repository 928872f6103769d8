/**
 * Writes the rendered folder atomically: everything goes to a temporary sibling first, then the
 * generated files are swapped in. Only files smplan wrote (listed in the manifest) are replaced or
 * removed; files a user put in the folder are never touched. Any failure before or during the swap
 * leaves the previous output exactly as it was and no temporary folders behind.
 */
import { createHash } from 'node:crypto';
import { lstat, mkdir, mkdtemp, readFile, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';

export const MANIFEST = '.smplan-manifest.json';
const TEMP_MARK = '.smplan-tmp-';

export interface OutputFile {
  /** Relative path with forward slashes, e.g. `charts/kpi-ig-reach.svg`. */
  path: string;
  content: string | Uint8Array;
}

export interface WriteResult {
  /** Absolute output folder. */
  dir: string;
  written: string[];
  /** Generated files of the previous render that this render no longer produces. */
  removed: string[];
  /** Files an earlier render made that this one no longer produces but that changed since: the user's now, left alone. */
  kept: string[];
}

export interface WriteOptions {
  /** Aborting (Ctrl-C) before the swap leaves the previous output untouched. */
  signal?: AbortSignal;
  /**
   * Earlier outputs that stay unless this render writes them again: another kind of output than
   * the folder (plan.html, plan.pdf), which the flags of this render did not ask for.
   */
  keepUnlessWritten?: readonly string[];
  /**
   * The folder the output folder must stay inside (a batch's -o, the plan's folder for the
   * default output): no link or file between it and the output folder, which may not exist yet.
   */
  within?: string;
  /** Test seam: called for every file written to the temporary folder. */
  writeFile?: (file: string, content: string | Uint8Array) => Promise<void>;
}

interface Manifest {
  generator: string;
  files: string[];
  /** The SHA-256 of each file as written: what proves a file is still ours before it is removed. */
  sha256?: Record<string, string>;
}

/** Replaces the generated files in `dir` with `files`, atomically with respect to failures. */
export async function writeOutputFolder(
  dir: string,
  files: OutputFile[],
  options: WriteOptions = {},
): Promise<WriteResult> {
  const target = path.resolve(dir);
  const parent = path.dirname(target);
  const name = path.basename(target);
  for (const f of files) checkRelative(f.path);
  if (options.within !== undefined) await checkWithin(path.resolve(options.within), target, dir);
  await mkdir(parent, { recursive: true }).catch((err: unknown) => {
    throw folderWriteError(dir, err);
  });
  // Renders into one folder at once (a CI matrix, a preview and a render) take turns: each
  // sees the folder as the one before left it, so none takes another's files for the user's.
  return withFolderLock(parent, name, dir, options.signal, () => writeLocked(dir, target, files, options));
}

/** A lock taken longer than this is another render stuck or gone without its process ending. */
const LOCK_WAIT_MS = 120_000;

async function withFolderLock<T>(
  parent: string,
  name: string,
  dir: string,
  signal: AbortSignal | undefined,
  work: () => Promise<T>,
): Promise<T> {
  let lock = path.join(parent, `.${name}.smplan-lock`);
  let inside = false;
  for (let waited = 0; ; ) {
    try {
      await writeFile(lock, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // A folder of one's own on a read-only parent (a mount point): the lock goes inside it.
      if (!inside && isPermissionError(err) && (await statOrUndefined(path.join(parent, name)))?.isDirectory()) {
        inside = true;
        lock = path.join(parent, name, '.smplan-lock');
        continue;
      }
      if (code !== 'EEXIST') throw folderWriteError(dir, err);
    }
    // A lock whose process is gone (killed mid-write) is stale: taken over.
    const holder = Number.parseInt(await readFile(lock, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(holder) && holder > 0 && !alive(holder)) {
      await rm(lock, { force: true });
      continue;
    }
    if (waited >= LOCK_WAIT_MS) {
      throw new OutputError(
        dir,
        `another smplan render (process ${holder}) has been writing ${dir} for ${LOCK_WAIT_MS / 1000} s; wait for it, or remove ${lock} if none is running`,
      );
    }
    signal?.throwIfAborted();
    await new Promise((resolve) => setTimeout(resolve, 50));
    waited += 50;
  }
  try {
    return await work();
  } finally {
    await rm(lock, { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function writeLocked(
  dir: string,
  target: string,
  files: OutputFile[],
  options: WriteOptions,
): Promise<WriteResult> {
  const parent = path.dirname(target);
  const name = path.basename(target);
  const existing = await statOrUndefined(target);
  if (existing && !existing.isDirectory()) {
    throw new OutputError(dir, `${dir} exists and is not a folder; choose another output with -o`);
  }
  const previous = existing ? await readManifest(target) : { files: [], sha256: {} };
  const generated = new Set(previous.files);
  for (const f of files) {
    if (!existing) break;
    // Never write through a link inside the output folder: it may lead anywhere.
    const link = await linkedComponent(target, f.path);
    if (link) {
      throw new OutputError(
        dir,
        `${path.join(dir, link)} is a link or not a folder; smplan writes only inside the output folder: remove it or choose another output folder with -o`,
      );
    }
    // A file we would write over that smplan did not write itself belongs to the user.
    if (!generated.has(f.path) && (await lstatOrUndefined(path.join(target, f.path)))) {
      throw new OutputError(
        dir,
        `${path.join(dir, f.path)} exists and was not written by smplan; move it away or choose another output folder with -o`,
      );
    }
  }

  // An existing folder is staged inside itself: on a mount point (a volume, a CI cache) a rename
  // from its parent crosses file systems (EXDEV).
  const stagingParent = existing ? target : parent;
  const temp = await mkdtemp(path.join(stagingParent, `.${name}${TEMP_MARK}`)).catch((err: unknown) => {
    throw folderWriteError(dir, err);
  });
  // mkdtemp makes a private (0700) folder; the output folder itself gets the usual permissions.
  const staging = path.join(temp, name);
  try {
    await mkdir(staging);
    const write = options.writeFile ?? ((file, content) => writeFile(file, content));
    const sha256: Record<string, string> = {};
    for (const f of files) {
      options.signal?.throwIfAborted();
      const file = path.join(staging, f.path);
      await mkdir(path.dirname(file), { recursive: true });
      await write(file, f.content);
      sha256[f.path] = hash(f.content);
    }
    const writing = new Set(files.map((f) => f.path));
    // What this render does not produce: removed when provably ours and of a kind it writes;
    // kept (and still listed) when of another kind; left to the user when changed since.
    const removed: string[] = [];
    const kept: string[] = [];
    const listed = new Set(writing);
    for (const rel of previous.files) {
      if (writing.has(rel)) continue;
      const proof = await provenOurs(target, rel, previous.sha256[rel]);
      if (proof === 'gone') continue;
      if (proof === 'not-ours') kept.push(rel);
      else if (options.keepUnlessWritten?.includes(rel)) {
        listed.add(rel);
        sha256[rel] = previous.sha256[rel]!;
      } else removed.push(rel);
    }
    const manifest: Manifest = {
      generator: 'smplan',
      files: [...listed].sort(),
      sha256: Object.fromEntries([...listed].sort().map((rel) => [rel, sha256[rel]!])),
    };
    await writeFile(path.join(staging, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
    options.signal?.throwIfAborted();

    const written = [...writing].sort();
    if (!existing) {
      // Nothing to preserve: the whole folder appears in one rename.
      await rename(staging, target);
      return { dir: target, written, removed: [], kept: [] };
    }
    const replaced = previous.files.filter((rel) => writing.has(rel));
    await swapInto(target, staging, temp, [...written, MANIFEST], [...replaced, ...removed, MANIFEST]);
    return { dir: target, written, removed, kept };
  } catch (err) {
    if (err instanceof UsageError || isAbort(err)) throw err;
    throw folderWriteError(dir, err);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

function hash(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * The first component of `rel` under `target` that exists and is not a real folder (a link, a
 * file), or undefined. The last component is the file itself and is not checked here.
 */
async function linkedComponent(target: string, rel: string): Promise<string | undefined> {
  const parts = rel.split('/').slice(0, -1);
  for (let i = 1; i <= parts.length; i++) {
    const sub = parts.slice(0, i).join('/');
    const info = await lstatOrUndefined(path.join(target, sub));
    if (!info) return undefined;
    if (!info.isDirectory()) return sub;
  }
  return undefined;
}

/**
 * The output folder's own path is held to the rule its files are: from `root` down to `target`
 * every existing component is a real folder, never a link that would lead out of `root`.
 */
async function checkWithin(root: string, target: string, dir: string): Promise<void> {
  const rel = path.relative(root, target);
  if (rel === '') return;
  if (rel.startsWith('..') || path.isAbsolute(rel))
    throw new OutputError(dir, `${dir} is outside ${root}; smplan writes a plan's folder only inside it`);
  const link = await linkedComponent(root, `${rel.split(path.sep).join('/')}/x`);
  if (link) {
    throw new OutputError(
      dir,
      `${path.join(root, link)} is a link or not a folder; smplan writes only inside the output folder: remove it or choose another output folder with -o`,
    );
  }
}

/**
 * A manifest entry is a claim, not a proof: a file is ours when its path stays inside the folder
 * (no link on the way), it is a regular file and its bytes hash to what the manifest recorded.
 */
async function provenOurs(
  target: string,
  rel: string,
  sha256: string | undefined,
): Promise<'ours' | 'gone' | 'not-ours'> {
  if (await linkedComponent(target, rel)) return 'not-ours';
  const info = await lstatOrUndefined(path.join(target, rel));
  if (!info) return 'gone';
  if (!info.isFile() || sha256 === undefined) return 'not-ours';
  const bytes = await readFile(path.join(target, rel)).catch(() => undefined);
  return bytes !== undefined && hash(bytes) === sha256 ? 'ours' : 'not-ours';
}

/**
 * Moves the old generated files aside, the new ones in, and deletes the old ones last. If any
 * rename fails, everything moved so far goes back, so the folder is as before.
 */
async function swapInto(
  target: string,
  staging: string,
  scratch: string,
  incoming: string[],
  outgoing: string[],
): Promise<void> {
  const backup = path.join(scratch, 'old');
  const movedOut: string[] = [];
  const movedIn: string[] = [];
  const createdDirs: string[] = [];
  try {
    await mkdir(backup);
    for (const rel of outgoing) {
      if (await linkedComponent(target, rel)) continue;
      const from = path.join(target, rel);
      const info = await lstatOrUndefined(from);
      if (!info?.isFile()) continue;
      await mkdir(path.dirname(path.join(backup, rel)), { recursive: true });
      await rename(from, path.join(backup, rel));
      movedOut.push(rel);
    }
    for (const rel of incoming) {
      const to = path.join(target, rel);
      for (const d of missingDirs(target, path.dirname(rel))) {
        if (!(await lstatOrUndefined(d))) {
          await mkdir(d);
          createdDirs.push(d);
        }
      }
      await rename(path.join(staging, rel), to);
      movedIn.push(rel);
    }
  } catch (err) {
    for (const rel of movedIn.reverse()) await rm(path.join(target, rel), { force: true }).catch(() => undefined);
    for (const d of createdDirs.reverse()) await rmdir(d).catch(() => undefined);
    for (const rel of movedOut) await rename(path.join(backup, rel), path.join(target, rel)).catch(() => undefined);
    await rm(backup, { recursive: true, force: true });
    throw err;
  }
  await rm(backup, { recursive: true, force: true });
  // Folders that held only generated files that are gone now (e.g. charts/) go too; others stay.
  const dirs = new Set(outgoing.map((rel) => path.dirname(rel)).filter((d) => d !== '.'));
  for (const d of [...dirs].sort((a, b) => b.length - a.length)) {
    for (let cur = d; cur !== '.'; cur = path.dirname(cur)) {
      if (await linkedComponent(target, `${cur}/x`)) break;
      if (
        !(await rmdir(path.join(target, cur)).then(
          () => true,
          () => false,
        ))
      )
        break;
    }
  }
}

/** Folders from `target` down to `rel`, outermost first. */
function missingDirs(target: string, rel: string): string[] {
  if (rel === '.') return [];
  const parts = rel.split(/[\\/]/);
  return parts.map((_, i) => path.join(target, ...parts.slice(0, i + 1)));
}

async function readManifest(dir: string): Promise<{ files: string[]; sha256: Record<string, string> }> {
  const none = { files: [], sha256: {} };
  const info = await lstatOrUndefined(path.join(dir, MANIFEST));
  if (!info?.isFile()) return none;
  let data: Partial<Manifest>;
  try {
    data = JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8')) as Partial<Manifest>;
  } catch {
    return none;
  }
  // Only entries that stay inside the folder count: the manifest is a file anyone can edit.
  const files = Array.isArray(data.files)
    ? data.files.filter((f): f is string => typeof f === 'string' && isSafeRelative(f))
    : [];
  const sha256: Record<string, string> = Object.create(null) as Record<string, string>;
  const recorded = data.sha256 && typeof data.sha256 === 'object' ? data.sha256 : {};
  for (const f of files) {
    const h = Object.hasOwn(recorded, f) ? (recorded as Record<string, unknown>)[f] : undefined;
    if (typeof h === 'string') sha256[f] = h;
  }
  return { files, sha256 };
}

function isSafeRelative(p: string): boolean {
  return (
    p !== '' &&
    !path.isAbsolute(p) &&
    !/^[a-zA-Z]:/.test(p) &&
    !p.split(/[\\/]/).some((s) => s === '..' || s === '' || s === '.') &&
    p !== MANIFEST
  );
}

function checkRelative(p: string): void {
  if (!isSafeRelative(p)) throw new Error(`output path must be relative and inside the folder: ${p}`);
}

async function statOrUndefined(p: string) {
  return stat(p).catch(() => undefined);
}

async function lstatOrUndefined(p: string) {
  return lstat(p).catch(() => undefined);
}

function isPermissionError(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
}

function isAbort(err: unknown): boolean {
  return err instanceof Error && err.name === 'AbortError';
}

/** The output folder cannot be written, or writing it would overwrite what is not smplan's. */
export class OutputError extends UsageError {
  constructor(
    readonly dir: string,
    message: string,
    options: { hint?: string; cause?: unknown } = {},
  ) {
    super(message, options);
    this.name = 'OutputError';
  }
}

/** The one-line message for a folder smplan cannot write. */
export function folderWriteError(dir: string, err: unknown): OutputError {
  if (isPermissionError(err)) {
    return new OutputError(dir, `output folder not writable: ${dir}`, {
      cause: err,
      hint: 'Choose another folder with -o.',
    });
  }
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new OutputError(dir, `cannot write ${dir}: the disk is full; the previous output is unchanged`, {
      cause: err,
    });
  }
  if (code === 'ENOTDIR' || code === 'EEXIST') {
    return new OutputError(dir, `cannot write ${dir}: a file is in the way of the output folder`, { cause: err });
  }
  return new OutputError(dir, `cannot write ${dir}: ${(err as Error)?.message ?? String(err)}`, { cause: err });
}

/** Temporary folders of an interrupted render are recognisable by name (for tests and cleanup). */
export async function leftoverTemps(parent: string): Promise<string[]> {
  const names = await readdir(parent).catch(() => [] as string[]);
  return names.filter((n) => n.includes(TEMP_MARK));
}
