/**
 * The posts_csv files a plan names: exported posts (likes, comments, shares per post) read
 * relative to the plan's folder, never through a link out of it, with counts read by the plan's
 * locale.
 */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { PlanPath } from '../diagnostics.js';
import { readInputFile } from '../files.js';
import { engagementEntries } from './engagement-entries.js';
import { readNumber } from './numbers.js';
import { localeLanguage, type Locale, type Plan, type PostSample } from './schema.js';

const MAX_CSV_BYTES = 20 * 1024 * 1024;

/**
 * Reads a file the plan names (a posts_csv, by its path relative to the plan's folder) from
 * elsewhere than that folder: `diff --base` reads them as committed. Undefined where that
 * source has no such file: then the folder's own is read.
 */
export type SideFiles = (relativePath: string, maxBytes: number) => Promise<Buffer | undefined>;

/**
 * The posts CSVs read during one run (a batch lint, a worker thread, a preview session), so that
 * plans of one folder sampling the same export parse it once: by file (same inode, size and
 * times) and by content (a hash of the bytes, and the bytes compared on a hit). Made by the run
 * and passed down; without one, each plan reads its own.
 */
export interface PostsCsvReads {
  readonly byFile: Map<string, Promise<PostsRead>>;
  readonly byContent: Map<string, { bytes: Buffer; read: Promise<PostsRead> }>;
}

export function postsCsvReads(): PostsCsvReads {
  return { byFile: new Map(), byContent: new Map() };
}

/** What a plan's posts_csv files hold, and a problem for each one that cannot be used (where it is named). */
export interface PlanPosts {
  posts: Map<string, PostSample[]>;
  problems: { where: PlanPath; message: string }[];
}

/** Reads every posts_csv a plan (that matched the schema) names, each path once. */
export async function readPlanPosts(
  dir: string,
  plan: Plan,
  options: { reads?: PostsCsvReads | undefined; sideFiles?: SideFiles | undefined } = {},
): Promise<PlanPosts> {
  const reads = options.reads ?? postsCsvReads();
  const posts = new Map<string, PostSample[]>();
  const problems: PlanPosts['problems'] = [];
  let realDir: string | undefined;
  for (const [where, csvPath] of postsCsvReferences(plan)) {
    if (posts.has(csvPath)) continue;
    const result = await readPostsCsv(
      dir,
      () => (realDir ??= realpathSync.native(dir)),
      csvPath,
      localeLanguage(plan.plan.locale),
      reads,
      options.sideFiles,
    );
    if ('error' in result) problems.push({ where, message: `${csvPath}: ${result.error}` });
    else posts.set(csvPath, result.posts);
  }
  return { posts, problems };
}

/** Every `posts_csv` in the plan with where it is written. */
function postsCsvReferences(plan: Plan): [PlanPath, string][] {
  return engagementEntries(plan).flatMap((e): [PlanPath, string][] =>
    e.posts_csv === undefined ? [] : [[[...e.path, 'posts_csv'], e.posts_csv]],
  );
}

/** Accepted header names per engagement action (exports name them differently; X calls shares reposts). */
export const POST_COLUMNS = {
  likes: ['likes', 'reactions', 'favourites', 'favorites'],
  comments: ['comments', 'replies'],
  shares: ['shares', 'reposts', 'retweets'],
} as const;

/** `realDir`: the plan folder with links resolved, asked once per plan however many CSVs it names. */
async function readPostsCsv(
  dir: string,
  realDir: () => string,
  csvPath: string,
  locale: Locale,
  reads: PostsCsvReads,
  sideFiles?: SideFiles,
): Promise<PostsRead> {
  if (path.isAbsolute(csvPath) || csvPath.split(/[\\/]/).includes('..')) {
    return { error: 'must be a path inside the plan folder, relative to the plan file (no absolute paths, no ..)' };
  }
  const resolved = path.resolve(dir, csvPath);
  try {
    const elsewhere = await sideFiles?.(csvPath, MAX_CSV_BYTES);
    if (elsewhere) return postsFromBytes(elsewhere, locale, reads);
    // Synchronous: the asynchronous call cost a batch lint more than the lookup itself.
    const folder = realDir();
    const real = realpathSync.native(resolved);
    if (path.relative(folder, real).startsWith('..')) return { error: 'links outside the plan folder' };
    // Plans of one folder name the same exports: a file unchanged since this process read it
    // (same inode, size and times) is not read again.
    const info = statSync(real, { bigint: true });
    const seen = `${real}\0${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}\0${locale}`;
    const unchanged = reads.byFile.get(seen);
    if (unchanged) return unchanged;
    const read = postsFromBytes(await readInputFile(real, MAX_CSV_BYTES), locale, reads);
    if (info.isFile()) reads.byFile.set(seen, read);
    return read;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: `no such file (looked for ${resolved})` };
    if (code === 'EISDIR' || code === 'ENOTREG' || code === 'EFBIG') return { error: (err as Error).message };
    return { error: `cannot read: ${(err as Error).message}` };
  }
}

/** The same bytes read by the same language's rules give the same posts: each is parsed once. */
function postsFromBytes(bytes: Buffer, locale: Locale, reads: PostsCsvReads): Promise<PostsRead> {
  const key = `${contentHash(bytes)}:${bytes.length}\0${locale}`;
  const known = reads.byContent.get(key);
  const read = known?.bytes.equals(bytes) ? known.read : postsFromCsv(bytes, locale);
  if (!known) reads.byContent.set(key, { bytes, read });
  return read;
}

/** FNV-1a: a cache key, not a checksum (a hit is confirmed byte for byte); node:crypto would cost start-up. */
function contentHash(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return hash >>> 0;
}

export type PostsRead = { posts: PostSample[] } | { error: string };

async function postsFromCsv(bytes: Buffer, locale: Locale): Promise<PostsRead> {
  // The CSV parser loads only for plans that use posts_csv: lint's start-up stays small.
  const { CsvError, decodeCsv, findColumn, parseCsv } = await import('./csv.js');
  const text = decodeCsv(bytes);
  if (text === undefined) return { error: 'is a binary file, not CSV (export CSV from the spreadsheet)' };
  try {
    const table = parseCsv(text);
    const columns = Object.fromEntries(
      Object.entries(POST_COLUMNS).map(([action, names]) => [action, findColumn(table.header, names)]),
    ) as Record<keyof typeof POST_COLUMNS, string | undefined>;
    const missing = Object.entries(columns)
      .filter(([, c]) => c === undefined)
      .map(([a]) => a);
    if (missing.length) {
      return {
        error: `the header row has no ${missing.join(', ')} column (found: ${table.header.join(', ') || 'nothing'}); expected likes,comments,shares`,
      };
    }
    if (table.rows.length === 0) return { error: 'has a header but no posts' };
    const posts: PostSample[] = [];
    // Counts are whole: 1,234 or 1.234 can only group thousands, whatever the language.
    for (const row of table.rows) {
      const post = { likes: 0, comments: 0, shares: 0 };
      for (const action of ['likes', 'comments', 'shares'] as const) {
        const cell = row.cells[columns[action]!] ?? '';
        const read = readNumber(cell, locale);
        const n =
          read === undefined ? 0 : 'value' in read ? read.value : 'either' in read ? read.either.thousands : undefined;
        if (n === undefined || n < 0 || !Number.isInteger(n)) {
          return { error: `line ${row.line}: ${action} is not a count: "${cell.slice(0, 40)}"` };
        }
        post[action] = n;
      }
      posts.push(post);
    }
    return { posts };
  } catch (err) {
    if (err instanceof CsvError) return { error: err.line ? `line ${err.line}: ${err.message}` : err.message };
    throw err;
  }
}
