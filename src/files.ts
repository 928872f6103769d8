import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { lstat, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Thrown by readInputFile for a file larger than its cap (code EFBIG; `limit` in bytes). */
export class InputTooLargeError extends Error {
  readonly code = 'EFBIG';
  /** `size`: as stat gave it, when that already passes the cap. */
  constructor(
    readonly file: string,
    readonly limit: number,
    readonly size?: number,
  ) {
    super(`the file is larger than ${formatBytes(limit)}`);
    this.name = 'InputTooLargeError';
  }
}

export function formatBytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return bytes >= 1024 * 1024 ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * The one way smplan reads an input (a plan, a posts CSV, actuals): only a regular file, after
 * following links, and never more than `cap` bytes whatever stat says (a device reports size 0).
 * The file is opened without blocking, so a FIFO is refused instead of waiting for a writer.
 * Errors carry a code: ENOENT, EACCES, EISDIR, ENOTREG (a FIFO, device or socket), EFBIG.
 */
export async function readInputFile(file: string, cap: number): Promise<Buffer> {
  // Synchronous calls: a batch lint reads hundreds of small files, and each asynchronous call
  // cost more in its round trip through the thread pool than the read itself.
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw Object.assign(new Error('is a folder, not a file'), { code: 'EISDIR' });
    if (!info.isFile())
      throw Object.assign(new Error('is not a regular file (a pipe, device or socket)'), { code: 'ENOTREG' });
    if (info.size > cap) throw new InputTooLargeError(file, cap, info.size);
    // Read until the end or one byte past the cap: a file may grow after stat. The first read
    // asks for the size stat gave and a byte more; only bytes read are kept.
    const chunks: Buffer[] = [];
    let length = 0;
    while (length <= cap) {
      const want = length === 0 ? info.size + 1 : 64 * 1024;
      const chunk = Buffer.allocUnsafe(Math.min(cap + 1 - length, Math.max(want, 4096)));
      const bytesRead = readSync(fd, chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
    }
    if (length > cap) throw new InputTooLargeError(file, cap);
    return Buffer.concat(chunks, length);
  } finally {
    closeSync(fd);
  }
}

/** Writes through a temporary file beside it and a rename: a reader sees the old file or the whole new one. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  // crypto loads here, not at start-up: a lint that prints to the terminal never needs it.
  const { randomBytes } = await import('node:crypto');
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
}

/** How writeOutputFile wrote: replaced or made a regular file, through a link to one, or into a FIFO or device. */
export type WrittenAs = { kind: 'file' } | { kind: 'link'; target: string } | { kind: 'special' };

/**
 * Writes an output file the user named. A regular file (or a new one) is replaced atomically; a
 * link to a regular file replaces that file and keeps the link; a FIFO or character device
 * (/dev/stdout, /dev/null) is written directly instead of being swapped for a regular file.
 * Anything else (a folder, a socket, a dangling link) is refused with a code the caller words.
 */
export async function writeOutputFile(file: string, text: string): Promise<WrittenAs> {
  const own = await lstat(file).catch(notFound);
  if (own === undefined || own.isFile()) {
    await writeFileAtomic(file, text);
    return { kind: 'file' };
  }
  const info = own.isSymbolicLink() ? await stat(file).catch(notFound) : own;
  if (info === undefined) throw Object.assign(new Error('it is a link to nothing'), { code: 'EDANGLING' });
  if (info.isDirectory()) throw Object.assign(new Error('it is a folder'), { code: 'EISDIR' });
  if (info.isFIFO() || info.isCharacterDevice()) {
    await writeFile(file, text, { encoding: 'utf8', flag: 'w' });
    return { kind: 'special' };
  }
  if (!info.isFile()) throw Object.assign(new Error('it is not a regular file'), { code: 'ENOTREG' });
  const target = await realpath(file);
  await writeFileAtomic(target, text);
  return { kind: 'link', target };
}

function notFound(err: unknown): undefined {
  if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  throw err;
}

/** True when two paths name the same existing file (after links), e.g. an output that is an input. */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([stat(a).catch(() => undefined), stat(b).catch(() => undefined)]);
  return x !== undefined && y !== undefined && x.dev === y.dev && x.ino === y.ino;
}
