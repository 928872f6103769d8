/**
 * Watches the files a render reads (the plan, its posts_csv files, --actuals, the --templates
 * folder) and reports a change only when a file's content changed: editors touch files, save
 * unchanged buffers and write through temporary files, and none of that should re-render.
 * Watching itself is chokidar's (editor atomic saves, renames, platform differences).
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { FSWatcher } from 'chokidar';

/** After chokidar's 50 ms in which it drops a file's next change event. */
const RECHECK_MS = 70;

/** Larger files are not hashed but always count as changed (a plan is at most 5 MB, a CSV 20 MB). */
const MAX_HASHED_BYTES = 32 * 1024 * 1024;

export interface InputWatcher {
  /** Watches exactly these files and folders from now on (absolute paths). */
  follow(paths: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * Calls onChange with the changed paths, at most once per burst of events (`settleMs`), and only
 * for files whose content differs from the last content seen.
 */
export async function watchInputs(onChange: (changed: string[]) => void, settleMs = 15): Promise<InputWatcher> {
  const { watch } = await import('chokidar');
  const hashes = new Map<string, string>();
  let watched = new Set<string>();
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const flush = () => {
    timer = undefined;
    const changed = [...pending];
    pending = new Set();
    if (changed.length && !closed) onChange(changed);
  };
  // chokidar drops a file's change events for 50 ms after one it reports (a fix saved right after
  // the error it follows was shown went unseen): each file is looked at once more after that.
  const rechecks = new Map<string, NodeJS.Timeout>();
  const consider = async (file: string, again = true) => {
    if (again && !closed) {
      clearTimeout(rechecks.get(file));
      rechecks.set(
        file,
        setTimeout(() => {
          rechecks.delete(file);
          void consider(file, false);
        }, RECHECK_MS),
      );
    }
    const hash = await contentHash(file);
    if (hashes.get(file) === hash) return;
    hashes.set(file, hash);
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(flush, settleMs);
  };

  let watcher: FSWatcher | undefined;
  const start = (paths: string[]): Promise<void> => {
    // Links are not followed: a --templates folder with a link loop would be walked without end.
    const w = watch(paths, {
      ignoreInitial: true,
      persistent: true,
      ignorePermissionErrors: true,
      followSymlinks: false,
    });
    watcher = w;
    for (const event of ['add', 'change'] as const) w.on(event, (file: string) => void consider(path.resolve(file)));
    w.on('unlink', (file: string) => {
      const absolute = path.resolve(file);
      void consider(absolute);
      // chokidar forgets a file that is gone; asked again, it waits for the file to come back
      // (an editor that deletes and writes anew, a CSV export replaced).
      if (watched.has(absolute)) w.add(absolute);
    });
    // A folder that appears or goes (in --templates) may hold or have held templates.
    for (const event of ['addDir', 'unlinkDir'] as const) {
      w.on(event, (dir: string) => {
        pending.add(path.resolve(dir));
        clearTimeout(timer);
        timer = setTimeout(flush, settleMs);
      });
    }
    // A watch that fails (a folder removed, too many watches) must not end the server.
    w.on('error', () => undefined);
    return new Promise<void>((resolve) => w.once('ready', () => resolve()));
  };

  return {
    async follow(paths) {
      const next = new Set(paths.map((p) => path.resolve(p)));
      const gone = [...watched].filter((p) => !next.has(p));
      const added = [...next].filter((p) => !watched.has(p));
      // What is followed from now on counts as seen as it is now: the render that named it just read it.
      for (const file of await filesUnder(added)) hashes.set(file, await contentHash(file));
      if (gone.length) watcher?.unwatch(gone);
      // chokidar announces 'ready' once, for its first paths; later ones are added to it.
      if (added.length) await (watcher ? void watcher.add(added) : start(added));
      watched = next;
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      for (const t of rechecks.values()) clearTimeout(t);
      await watcher?.close();
    },
  };
}

/** Files hashed under one followed folder; a templates folder holds a few dozen. */
const MAX_FILES_UNDER = 10_000;

/** The paths themselves and, for folders, the files in them: links not followed, so a loop ends. */
async function filesUnder(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    files.push(p);
    const folders = [p];
    let count = 0;
    while (folders.length && count < MAX_FILES_UNDER) {
      const folder = folders.pop()!;
      const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        const child = path.join(folder, entry.name);
        if (entry.isDirectory()) folders.push(child);
        else files.push(child);
        if (++count >= MAX_FILES_UNDER) break;
      }
    }
  }
  return files;
}

/** A file's content as a hash; 'missing' for what is not a readable regular file. */
async function contentHash(file: string): Promise<string> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    // Without blocking: a file replaced by a FIFO would hold the read (and a thread) until a writer came.
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = await handle.stat();
    if (info.isDirectory()) return 'folder';
    if (!info.isFile()) return 'missing';
    if (info.size > MAX_HASHED_BYTES) return `large:${info.size}:${info.mtimeMs}`;
    return createHash('sha256')
      .update(await handle.readFile())
      .digest('hex');
  } catch {
    return 'missing';
  } finally {
    await handle?.close();
  }
}
