/**
 * `smplan templates eject DIR`: copies the built-in templates (chapters, partials, document) to a
 * folder to customise; `smplan render --templates DIR` then uses a file from there wherever one
 * exists. Existing files are never overwritten without --force.
 */
import { copyFile, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { CLIError, EXIT } from './errors.js';
import { builtinTemplatesDir } from '../render/paths.js';
import { folderWriteError } from '../render/output.js';
import { plural } from '../wording.js';
import { writeLine, type Io } from './io.js';

/** The template folders a user may override, in the layout `--templates` expects. */
const TEMPLATE_FOLDERS = ['chapters', 'partials', 'document'] as const;

export async function run(args: string[], options: Record<string, unknown>, io: Io): Promise<number> {
  const dir = args[0]!;
  const target = path.resolve(io.cwd, dir);
  const force = Boolean(options.force);
  const source = builtinTemplatesDir();

  const files: string[] = [];
  for (const folder of TEMPLATE_FOLDERS) files.push(...(await listFiles(source, folder)));
  if (files.length === 0) throw new Error(`no built-in templates found in ${source}`);

  const info = await stat(target).catch(() => undefined);
  if (info && !info.isDirectory()) throw new CLIError(`${dir} exists and is not a folder`, EXIT.usage);
  const existing: string[] = [];
  for (const f of files) if (await stat(path.join(target, f)).catch(() => undefined)) existing.push(f);
  if (existing.length && !force) {
    const shown = existing
      .slice(0, 5)
      .map((f) => path.join(dir, f))
      .join(', ');
    throw new CLIError(
      `${plural(existing.length, 'file')} already exist${existing.length === 1 ? 's' : ''}: ${shown}${existing.length > 5 ? ', …' : ''}`,
      EXIT.usage,
      { hint: 'Nothing was written. Use --force to overwrite them, or eject to another folder.' },
    );
  }

  try {
    for (const f of files) {
      await mkdir(path.dirname(path.join(target, f)), { recursive: true });
      await copyFile(path.join(source, f), path.join(target, f));
      writeLine(io.stdout, `Wrote ${path.join(dir, f)}`);
    }
  } catch (err) {
    throw folderWriteError(dir, err);
  }
  writeLine(
    io.stderr,
    `Edit them, then: smplan render PLAN --templates ${dir}  (files you delete fall back to the built-in ones)`,
  );
  return EXIT.ok;
}

/** Files under `root/folder`, relative to root, sorted. */
async function listFiles(root: string, folder: string): Promise<string[]> {
  const entries = await readdir(path.join(root, folder), { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}
