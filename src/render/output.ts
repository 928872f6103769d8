/**
 * Writes the rendered folder atomically: everything goes to a temporary sibling first, then the
 * generated files are swapped in. Only files smplan wrote (listed in the manifest) are replaced or
 * removed; files a user put in the folder are never touched. Any failure before or during the swap
 * leaves the previous output exactly as it was and no temporary folders behind.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CLIError, EXIT } from '../errors.js';

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
}

export interface WriteOptions {
  /** Aborting (Ctrl-C) before the swap leaves the previous output untouched. */
  signal?: AbortSignal;
  /** Test seam: called for every file written to the temporary folder. */
  writeFile?: (file: string, content: string | Uint8Array) => Promise<void>;
}

interface Manifest {
  generator: string;
  files: string[];
}

/** Replaces the generated files in `dir` with `files`, atomically with respect to failures. */
export async function writeOutputFolder(dir: string, files: OutputFile[], options: WriteOptions = {}): Promise<WriteResult> {
  const target = path.resolve(dir);
  const parent = path.dirname(target);
  const name = path.basename(target);
  for (const f of files) checkRelative(f.path);

  const existing = await statOrUndefined(target);
  if (existing && !existing.isDirectory()) {
    throw new CLIError(`${dir} exists and is not a folder; choose another output with -o`, EXIT.usage);
  }
  const previous = existing ? await readManifest(target) : [];
  const generated = new Set(previous);
  // A file we would write over that smplan did not write itself belongs to the user.
  for (const f of files) {
    if (!generated.has(f.path) && existing && (await statOrUndefined(path.join(target, f.path)))) {
      throw new CLIError(
        `${path.join(dir, f.path)} exists and was not written by smplan; move it away or choose another output folder with -o`,
        EXIT.usage,
      );
    }
  }

  await mkdir(parent, { recursive: true }).catch((err: unknown) => { throw folderWriteError(dir, err); });
  const temp = await mkdtemp(path.join(parent, `.${name}${TEMP_MARK}`)).catch(async (err: unknown) => {
    // A writable folder in a parent we may not write (-o on a mount point, a shared folder): stage inside it.
    if (existing && isPermissionError(err)) {
      return mkdtemp(path.join(target, `.${name}${TEMP_MARK}`)).catch((inner: unknown) => { throw folderWriteError(dir, inner); });
    }
    throw folderWriteError(dir, err);
  });
  // mkdtemp makes a private (0700) folder; the output folder itself gets the usual permissions.
  const staging = path.join(temp, name);
  try {
    await mkdir(staging);
    const write = options.writeFile ?? ((file, content) => writeFile(file, content));
    for (const f of files) {
      options.signal?.throwIfAborted();
      const file = path.join(staging, f.path);
      await mkdir(path.dirname(file), { recursive: true });
      await write(file, f.content);
    }
    const manifest: Manifest = { generator: 'smplan', files: files.map((f) => f.path).sort() };
    await writeFile(path.join(staging, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
    options.signal?.throwIfAborted();

    if (!existing) {
      // Nothing to preserve: the whole folder appears in one rename.
      await rename(staging, target);
      return { dir: target, written: manifest.files, removed: [] };
    }
    const removed = previous.filter((p) => !manifest.files.includes(p));
    await swapInto(target, staging, path.dirname(temp), [...manifest.files, MANIFEST], [...previous, MANIFEST]);
    return { dir: target, written: manifest.files, removed };
  } catch (err) {
    if (err instanceof CLIError || isAbort(err)) throw err;
    throw folderWriteError(dir, err);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/**
 * Moves the old generated files aside, the new ones in, and deletes the old ones last. If any
 * rename fails, everything moved so far goes back, so the folder is as before.
 */
async function swapInto(target: string, staging: string, scratch: string, incoming: string[], outgoing: string[]): Promise<void> {
  const backup = path.join(scratch, `.${path.basename(target)}${TEMP_MARK}old-${randomBytes(4).toString('hex')}`);
  const movedOut: string[] = [];
  const movedIn: string[] = [];
  const createdDirs: string[] = [];
  try {
    await mkdir(backup);
    for (const rel of outgoing) {
      const from = path.join(target, rel);
      const info = await statOrUndefined(from);
      if (!info?.isFile()) continue;
      await mkdir(path.dirname(path.join(backup, rel)), { recursive: true });
      await rename(from, path.join(backup, rel));
      movedOut.push(rel);
    }
    for (const rel of incoming) {
      const to = path.join(target, rel);
      for (const d of missingDirs(target, path.dirname(rel))) {
        if (!(await statOrUndefined(d))) {
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
      if (!(await rmdir(path.join(target, cur)).then(() => true, () => false))) break;
    }
  }
}

/** Folders from `target` down to `rel`, outermost first. */
function missingDirs(target: string, rel: string): string[] {
  if (rel === '.') return [];
  const parts = rel.split(/[\\/]/);
  return parts.map((_, i) => path.join(target, ...parts.slice(0, i + 1)));
}

async function readManifest(dir: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path.join(dir, MANIFEST), 'utf8');
  } catch {
    return [];
  }
  try {
    const data = JSON.parse(text) as Partial<Manifest>;
    // Only trust entries that stay inside the folder: the manifest is a file anyone can edit.
    return Array.isArray(data.files) ? data.files.filter((f): f is string => typeof f === 'string' && isSafeRelative(f)) : [];
  } catch {
    return [];
  }
}

function isSafeRelative(p: string): boolean {
  return p !== '' && !path.isAbsolute(p) && !/^[a-zA-Z]:/.test(p) && !p.split(/[\\/]/).some((s) => s === '..' || s === '' || s === '.') && p !== MANIFEST;
}

function checkRelative(p: string): void {
  if (!isSafeRelative(p)) throw new Error(`output path must be relative and inside the folder: ${p}`);
}

async function statOrUndefined(p: string) {
  return stat(p).catch(() => undefined);
}

function isPermissionError(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
}

function isAbort(err: unknown): boolean {
  return err instanceof Error && err.name === 'AbortError';
}

/** The one-line message for a folder smplan cannot write (contract: exit 2). */
export function folderWriteError(dir: string, err: unknown): CLIError {
  if (isPermissionError(err)) {
    return new CLIError(`output folder not writable: ${dir}`, EXIT.usage, { cause: err, hint: 'Choose another folder with -o.' });
  }
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new CLIError(`cannot write ${dir}: the disk is full; the previous output is unchanged`, EXIT.usage, { cause: err });
  }
  if (code === 'ENOTDIR' || code === 'EEXIST') {
    return new CLIError(`cannot write ${dir}: a file is in the way of the output folder`, EXIT.usage, { cause: err });
  }
  return new CLIError(`cannot write ${dir}: ${(err as Error)?.message ?? String(err)}`, EXIT.usage, { cause: err });
}

/** Temporary folders of an interrupted render are recognisable by name (for tests and cleanup). */
export async function leftoverTemps(parent: string): Promise<string[]> {
  const names = await readdir(parent).catch(() => [] as string[]);
  return names.filter((n) => n.includes(TEMP_MARK));
}
