/**
 * Which plans a command line names: files as given, every plan inside a folder (a `.yaml` or
 * `.yml` file that starts a line with `smplan: 1`, the format's marker), and `-` for stdin.
 */
import { closeSync, constants, openSync, readSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Folders never searched: dependencies, version control, and the strategy folders smplan writes. */
const SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn']);
/** The marker is near the top of a plan; a folder search reads no more of each file than this. */
const MARKER_BYTES = 16 * 1024;
const MARKER = /^smplan:\s*1\s*(#.*)?$/m;

export const STDIN = '-';

export interface PlanArgument {
  /** As it is shown in findings: the path given or found, or `<stdin>`. */
  file: string;
  stdin?: true;
}

/** Expands folders into the plans inside them (sorted, so runs are repeatable); files and `-` stay as given. */
export async function planArguments(args: readonly string[], cwd: string): Promise<PlanArgument[]> {
  const out: PlanArgument[] = [];
  // A plan named twice (a.yaml ./a.yaml, or a file and its folder) is checked once, as first named.
  const named = new Set<string>();
  const add = (file: string) => {
    const absolute = path.resolve(cwd, file);
    if (named.has(absolute)) return;
    named.add(absolute);
    out.push({ file });
  };
  for (const arg of args) {
    if (arg === STDIN) {
      out.push({ file: '<stdin>', stdin: true });
      continue;
    }
    const info = await stat(path.resolve(cwd, arg)).catch(() => undefined);
    if (!info?.isDirectory()) {
      add(arg);
      continue;
    }
    for (const found of await plansIn(arg, cwd)) add(found);
  }
  return out;
}

async function plansIn(dir: string, cwd: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (relative: string) => {
    const entries = await readdir(path.resolve(cwd, relative), { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const child = path.join(relative, entry.name);
      // Symlinks are not followed: a link to a parent folder would loop.
      if (entry.isDirectory() && !SKIPPED.has(entry.name) && !entry.name.startsWith('.')) await walk(child);
      else if (entry.isFile() && /\.ya?ml$/i.test(entry.name) && (await hasMarker(path.resolve(cwd, child))))
        found.push(child);
    }
  };
  await walk(dir);
  return found;
}

/** Synchronous: a folder of hundreds of plans is searched before any is checked, and each file needs one small read. */
async function hasMarker(file: string): Promise<boolean> {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return false;
  }
  try {
    const buffer = Buffer.allocUnsafe(MARKER_BYTES);
    const bytesRead = readSync(fd, buffer, 0, MARKER_BYTES, 0);
    return MARKER.test(buffer.subarray(0, bytesRead).toString('utf8'));
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}
