/**
 * `smplan diff OLD NEW` and `smplan diff PLAN --base REF`: what changed in the strategy, not in
 * the text. Exit 0 whatever changed; 1 when either version is not a valid plan; 2 for usage.
 */
import { type ChildProcessByStdio, execFile, spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { FileReadError } from '../errors.js';
import path from 'node:path';
import { diffPlans, type Change, type PlanDiff } from '../compute/diff.js';
import { CLIError, EXIT } from './errors.js';
import { readCheckedPlan, validPlan, type CheckedPlan } from '../lint/check.js';
import { MAX_PLAN_BYTES } from '../plan/load.js';
import { formatChange, formatMeasure, formatMoney, formatPercent } from '../wording.js';
import { colorsFor, type Io } from './io.js';
import { printJson } from './plan-input.js';
import { escapeInline } from '../render/markdown-escape.js';
import { now } from '../clock.js';
import { visible } from '../terminal.js';

interface DiffOptions {
  base?: string;
  format?: 'text' | 'markdown';
  json?: boolean;
  asOf?: string;
}

export async function run(args: string[], options: DiffOptions, io: Io): Promise<number> {
  const [first, second] = args;
  if (!first) throw new CLIError('missing the plan file argument', EXIT.usage);
  if (args.length > 2)
    throw new CLIError(
      `diff compares two versions of a plan, not ${args.length}: give OLD NEW, or PLAN --base REF`,
      EXIT.usage,
    );
  if (options.base !== undefined && second !== undefined) {
    throw new CLIError('give either two plan files, or one plan with --base REF', EXIT.usage);
  }
  if (options.base === undefined && second === undefined) {
    throw new CLIError(
      'give two plan files to compare (OLD NEW), or one plan with --base REF (e.g. --base origin/main)',
      EXIT.usage,
    );
  }
  // Each version is compared with its findings as lint reports them (the config above the plan, its directives).
  const read = (file: string) => readCheckedPlan(file, { cwd: io.cwd });
  const [before, after] = await Promise.all([
    options.base !== undefined ? baseVersion(first, options.base, io.cwd) : read(first),
    read(second ?? first),
  ]);
  const asOf = options.asOf ?? now(io.env).toISOString().slice(0, 10);
  const diff = diffPlans(comparable(before), comparable(after), asOf);
  if (options.json) {
    printJson(io, { before: before.file, after: after.file, ...diff });
    return EXIT.ok;
  }
  const labels = { before: before.file, after: after.file };
  const currency = (after.plan ?? before.plan)!.plan.plan.currency;
  io.stdout.write(
    options.format === 'markdown'
      ? markdownReport(diff, labels, currency)
      : // Plan text reaches the terminal: control characters shown, never run.
        visible(textReport(diff, labels, currency, io), { sgr: true }),
  );
  return EXIT.ok;
}

/** A version that cannot be computed is refused like every other command refuses it (exit 1). */
function comparable(checked: CheckedPlan) {
  return { loaded: validPlan(checked), findings: checked.findings };
}

/**
 * The plan as committed at `ref` (`REF:./PLAN` beside the plan), with its posts_csv files as
 * committed there too; a CSV the revision does not have is read from the folder. Every file of
 * the revision is read through one `git cat-file --batch` process, however many CSVs the plan names.
 */
async function baseVersion(file: string, ref: string, cwd: string): Promise<CheckedPlan> {
  if (ref.trim() === '')
    throw new CLIError('--base needs a git revision (e.g. --base origin/main); it is empty', EXIT.usage);
  if (ref.startsWith('-')) throw new CLIError(`--base: "${ref}" is not a git revision`, EXIT.usage);
  if (/[\r\n\0]/.test(ref) || /[\r\n\0]/.test(file))
    throw new CLIError('--base: a revision or path with a line break cannot be looked up in git', EXIT.usage);
  const absolute = path.resolve(cwd, file);
  const dir = path.dirname(absolute);
  // git runs in the plan's folder: one that is not a folder is the plan's path problem, not git's.
  const folder = await stat(dir).catch(() => undefined);
  if (!folder?.isDirectory()) throw new FileReadError(file, { code: folder ? 'ENOTDIR' : 'ENOENT' });
  const revision = new RevisionFiles(ref, dir);
  try {
    const plan = await revision.file(path.basename(absolute), MAX_PLAN_BYTES);
    if (plan.kind === 'too large')
      throw new CLIError(`${ref}:${file}: the file is larger than a plan can be`, EXIT.usage);
    if (plan.kind === 'link')
      throw new CLIError(
        `--base ${ref}: ${file} is committed there as a symbolic link, not a plan: compare the file it points to`,
        EXIT.usage,
      );
    if (plan.kind !== 'file') {
      const shown = await gitOutput(['show', `${ref}:./${path.basename(absolute)}`], dir, 4096);
      const why = 'why' in shown ? shown.why : plan.kind === 'folder' ? 'it is a folder' : 'not found';
      throw new CLIError(`--base ${ref}: cannot read ${file} there: ${why}`, EXIT.usage);
    }
    // Only a regular file as committed: a link, a folder or a file the revision lacks is read
    // from the folder, as lint reads it.
    const committedCsv = async (csvPath: string, maxBytes: number) => {
      const csv = await revision.file(csvPath.split(path.sep).join('/'), maxBytes);
      if (csv.kind === 'too large') throw new Error(`is larger than ${maxBytes / 2 ** 20} MB at ${ref}`);
      return csv.kind === 'file' ? csv.bytes : undefined;
    };
    const version = { file: `${ref}:${file}`, text: plan.bytes, dir, sideFiles: committedCsv };
    // The config is the one above the plan in the folder, as for the working copy.
    return await readCheckedPlan(version, { cwd, configFrom: file });
  } finally {
    revision.close();
  }
}

type Committed = { kind: 'file'; bytes: Buffer } | { kind: 'link' | 'folder' | 'missing' | 'too large' };

/**
 * Files of one revision, read through one `git cat-file --batch` run in `dir`: a file's mode
 * comes from its folder's tree (a link is told from a file), its bytes from the blob. Requests
 * are answered in order; a blob past its cap is read past, never kept.
 */
class RevisionFiles {
  private readonly git: ChildProcessByStdio<Writable, Readable, null>;
  private readonly pending: { cap: number; resolve: (r: { bytes: Buffer; type: string } | undefined) => void }[] = [];
  private readonly trees = new Map<string, Promise<Map<string, { mode: string; oid: string }> | undefined>>();
  private buffered: Buffer = Buffer.alloc(0);
  private failure: Error | undefined;

  constructor(
    private readonly ref: string,
    dir: string,
  ) {
    this.git = spawn('git', ['cat-file', '--batch'], { cwd: dir, stdio: ['pipe', 'pipe', 'ignore'] });
    this.git.on('error', (err: NodeJS.ErrnoException) => {
      this.fail(err.code === 'ENOENT' ? new CLIError('--base needs git, and git is not installed', EXIT.usage) : err);
    });
    this.git.stdin.on('error', () => undefined);
    this.git.stdout.on('data', (chunk: Buffer) => {
      this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
      this.drain();
    });
    this.git.on('close', () =>
      this.fail(new CLIError(`--base ${this.ref}: git stopped reading the revision`, EXIT.usage)),
    );
  }

  /** A path relative to the folder git runs in (forward slashes). */
  async file(relative: string, cap: number): Promise<Committed> {
    // A line break would end the request early: such a name cannot be asked for.
    if (/[\r\n\0]/.test(relative)) return { kind: 'missing' };
    const parts = path.posix.normalize(relative).split('/');
    const name = parts.pop()!;
    const folder = parts.join('/');
    let tree = this.trees.get(folder);
    if (!tree) {
      tree = this.object(`${this.ref}:./${folder}`, 1 << 24).then((o) =>
        o?.type === 'tree' ? parseTree(o.bytes) : undefined,
      );
      this.trees.set(folder, tree);
    }
    const entry = (await tree)?.get(name);
    if (!entry) return { kind: 'missing' };
    if (entry.mode === '120000') return { kind: 'link' };
    if (entry.mode === '40000') return { kind: 'folder' };
    if (entry.mode !== '100644' && entry.mode !== '100755') return { kind: 'missing' };
    const blob = await this.object(entry.oid, cap);
    if (!blob) return { kind: 'too large' };
    return { kind: 'file', bytes: blob.bytes };
  }

  close(): void {
    this.git.stdin.end();
    if (this.git.exitCode === null) this.git.kill();
  }

  /** One object by name, or undefined when missing or larger than `cap`. */
  private object(name: string, cap: number): Promise<{ bytes: Buffer; type: string } | undefined> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve) => {
      this.pending.push({ cap, resolve });
      this.git.stdin.write(`${name}\n`);
    });
  }

  private skipping = 0;
  private reading: { type: string; size: number; cap: number; chunks: Buffer[]; got: number } | undefined;

  private drain(): void {
    for (;;) {
      if (this.skipping > 0) {
        const n = Math.min(this.skipping, this.buffered.length);
        this.buffered = this.buffered.subarray(n);
        this.skipping -= n;
        if (this.skipping > 0) return;
      }
      const r = this.reading;
      if (r) {
        const want = r.size + 1 - r.got;
        const n = Math.min(want, this.buffered.length);
        if (r.size <= r.cap) r.chunks.push(this.buffered.subarray(0, n));
        r.got += n;
        this.buffered = this.buffered.subarray(n);
        if (r.got < r.size + 1) return;
        this.reading = undefined;
        const done = this.pending.shift()!;
        done.resolve(
          r.size <= r.cap ? { type: r.type, bytes: Buffer.concat(r.chunks).subarray(0, r.size) } : undefined,
        );
        continue;
      }
      const end = this.buffered.indexOf(10);
      if (end === -1) return;
      const header = this.buffered.subarray(0, end).toString('utf8');
      this.buffered = this.buffered.subarray(end + 1);
      const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
      if (!m) {
        // "<name> missing" or "ambiguous": no content follows.
        this.pending.shift()?.resolve(undefined);
        continue;
      }
      const size = Number(m[2]);
      const cap = this.pending[0]?.cap ?? 0;
      this.reading = { type: m[1]!, size, cap, chunks: [], got: 0 };
    }
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const p of this.pending.splice(0)) p.resolve(undefined);
  }
}

/** A binary tree object: `MODE NAME\0` and the raw object id, entry after entry. */
function parseTree(bytes: Buffer): Map<string, { mode: string; oid: string }> {
  const entries = new Map<string, { mode: string; oid: string }>();
  // A tree entry's id is as long as the repository's hash: 20 bytes (SHA-1) or 32 (SHA-256).
  const idLength = guessIdLength(bytes);
  let at = 0;
  while (at < bytes.length) {
    const space = bytes.indexOf(32, at);
    const nul = bytes.indexOf(0, space);
    if (space === -1 || nul === -1) break;
    const mode = bytes.subarray(at, space).toString('latin1');
    const name = bytes.subarray(space + 1, nul).toString('utf8');
    entries.set(name, { mode, oid: bytes.subarray(nul + 1, nul + 1 + idLength).toString('hex') });
    at = nul + 1 + idLength;
  }
  return entries;
}

/** 20 unless reading every entry with 20-byte ids fails and 32-byte ids fit exactly. */
function guessIdLength(bytes: Buffer): number {
  const fits = (n: number) => {
    let at = 0;
    while (at < bytes.length) {
      const nul = bytes.indexOf(0, at);
      if (nul === -1 || !/^[0-7]{5,6} /.test(bytes.subarray(at, Math.min(nul, at + 7)).toString('latin1')))
        return false;
      at = nul + 1 + n;
    }
    return at === bytes.length;
  };
  return fits(20) ? 20 : fits(32) ? 32 : 20;
}

/** What a git command prints (run in `dir`), or why not (git's first line). */
function gitOutput(args: string[], dir: string, maxBytes: number): Promise<{ bytes: Buffer } | { why: string }> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd: dir, encoding: 'buffer', maxBuffer: maxBytes + 1 }, (err, stdout, stderr) => {
      if (!err) return resolve({ bytes: stdout });
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return reject(new CLIError('--base needs git, and git is not installed', EXIT.usage));
      if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return resolve({ why: 'too large' });
      const why =
        stderr
          .toString('utf8')
          .trim()
          .split('\n')[0]
          ?.replace(/^fatal: /, '') || err.message;
      resolve({ why });
    });
  });
}

interface Labels {
  before: string;
  after: string;
}

const SECTION_TITLES: Record<PlanDiff['sections'][number]['section'], string> = {
  initiatives: 'Initiatives',
  campaigns: 'Campaigns',
  partners: 'Partners',
  policies: 'Policies',
  governance: 'Governance',
};

/** One change line per entry, each section with a heading; Markdown and the terminal share it. */
function sections(diff: PlanDiff, currency: string): { title: string; lines: string[] }[] {
  const money = (v: number | undefined) => (v === undefined ? '–' : formatMoney(v, currency));
  const arrow = <T>(c: Change<T>, show: (v: T) => string) => `${show(c.from)} → ${show(c.to)}`;
  const out: { title: string; lines: string[] }[] = [];
  const add = (title: string, lines: string[]) => {
    if (lines.length) out.push({ title, lines });
  };

  const o = diff.objectives;
  add('Objectives', [
    ...o.added.map(
      (x) =>
        `added ${x.id} (${x.metric}): ${formatMeasure(x.baseline, x.unit, currency)} → ${formatMeasure(x.target, x.unit, currency)} by ${x.deadline}`,
    ),
    ...o.removed.map((x) => `removed ${x.id} (${x.metric})`),
    ...o.changed.map((x) => {
      const show = (v: string | number | undefined) =>
        typeof v === 'number' ? formatMeasure(v, x.unit, currency) : (v ?? '–');
      const fields = Object.entries(x.changes).map(([key, c]) => `${key} ${arrow(c, show)}`);
      const next = x.milestones.map(
        (m) => `${m.date} ${m.from === undefined ? '' : `${show(m.from)} → `}${show(m.to)}`,
      );
      return `${x.id}: ${fields.join('; ')}${next.length ? `; next milestones: ${next.join(', ')}` : ''}`;
    }),
  ]);

  const b = diff.budget;
  if (b) {
    const lines: string[] = [];
    if (b.cap.from !== b.cap.to) lines.push(`cap ${arrow(b.cap, money)}`);
    if (b.total.from !== b.total.to) {
      const change = b.total.from > 0 ? ` (${formatChange((b.total.to - b.total.from) / b.total.from)})` : '';
      lines.push(`total ${arrow(b.total, money)}${change}`);
    }
    if (b.over_by.from !== b.over_by.to) lines.push(`over the cap by ${arrow(b.over_by, money)}`);
    lines.push(...b.added.map((n) => `added ${n}`), ...b.removed.map((n) => `removed ${n}`));
    lines.push(...b.repriced.map((r) => `${r.name}: yearly ${money(r.from)} → ${money(r.to)}`));
    lines.push(...b.now_kept.map((n) => `kept now (was cut): ${n}`), ...b.now_cut.map((n) => `cut now: ${n}`));
    add('Budget', lines);
  }

  const ch = diff.channels;
  add('Channels', [
    ...ch.added.map((c) => `added ${c.channel} (${c.role})`),
    ...ch.removed.map((c) => `removed ${c.channel} (${c.role})`),
    ...ch.role_changed.map((c) => `${c.channel}: ${c.from} → ${c.to}`),
  ]);

  const rate = (v: number | undefined) => (v === undefined ? '–' : formatPercent(v));
  const co = diff.competitors;
  add('Competitors', [
    ...co.added.map((n) => `added ${n}`),
    ...co.removed.map((n) => `removed ${n}`),
    ...co.remeasured.map((r) => `${r.competitor} on ${r.channel}: engagement per post ${rate(r.from)} → ${rate(r.to)}`),
  ]);

  add('Publishing slots', [
    ...diff.slots.added.map((s) => `added ${s.channel} ${s.weekday} ${s.time}`),
    ...diff.slots.removed.map((s) => `removed ${s.channel} ${s.weekday} ${s.time}`),
  ]);

  add(
    'Crisis contacts',
    diff.crisis.map((c) => `${c.who}: ${c.from ?? '–'} → ${c.to ?? '–'}`),
  );

  for (const s of diff.sections)
    add(SECTION_TITLES[s.section], [
      ...s.added.map((n) => `added ${n}`),
      ...s.removed.map((n) => `removed ${n}`),
      ...s.changed.map((n) => `changed ${n}`),
    ]);

  add(
    'Not applicable',
    diff.decisions.map((d) =>
      d.to === undefined
        ? `${d.part}: applies again (was: ${d.from})`
        : d.from === undefined
          ? `${d.part}: stated not to apply: ${d.to}`
          : `${d.part}: reason ${d.from} → ${d.to}`,
    ),
  );

  add('Findings', [
    ...diff.findings.appeared.map((f) => `new ${f.severity} line ${f.line}: ${f.message} (${f.rule})`),
    ...diff.findings.resolved.map((f) => `gone ${f.severity}: ${f.message} (${f.rule})`),
  ]);
  return out;
}

function textReport(diff: PlanDiff, labels: Labels, currency: string, io: Io): string {
  const c = colorsFor(io);
  const out = [c.bold(`Strategy changes: ${labels.before} → ${labels.after}`), ''];
  if (diff.count === 0)
    return [
      ...out,
      'No change to the strategy (objectives, budget, channels, competitors, slots, crisis contacts, findings).',
      '',
    ].join('\n');
  for (const s of sections(diff, currency)) out.push(c.bold(s.title), ...s.lines.map((l) => `  ${l}`), '');
  return out.join('\n');
}

function markdownReport(diff: PlanDiff, labels: Labels, currency: string): string {
  const out = [
    `### Strategy changes: \`${labels.before.replace(/`/g, "'")}\` → \`${labels.after.replace(/`/g, "'")}\``,
    '',
  ];
  if (diff.count === 0) return [...out, 'No change to the strategy.', ''].join('\n');
  for (const s of sections(diff, currency))
    out.push(`#### ${s.title}`, '', ...s.lines.map((l) => `- ${escapeInline(l)}`), '');
  return out.join('\n');
}
