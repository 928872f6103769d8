/**
 * `smplan diff OLD NEW` and `smplan diff PLAN --base REF`: what changed in the strategy, not in
 * the text. Exit 0 whatever changed; 1 when either version is not a valid plan; 2 for usage.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { diffPlans, type Change, type PlanDiff } from '../compute/diff.js';
import { CLIError, EXIT } from './errors.js';
import { lintAsConfigured, lintOutcome, type LintResult } from '../lint/engine.js';
import { PlanInvalidError } from '../diagnostics.js';
import { loadPlan, MAX_PLAN_BYTES, parsePlan, type LoadedPlan, type LoadOutcome } from '../plan/load.js';
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
  const lint = async (file: string) => versionOf(file, await loadPlan(file, io.cwd), io.cwd);
  const [before, after] = await Promise.all([
    options.base !== undefined ? baseVersion(first, options.base, io.cwd) : lint(first),
    lint(second ?? first),
  ]);
  const asOf = options.asOf ?? now(io.env).toISOString().slice(0, 10);
  const diff = diffPlans(checked(before), checked(after), asOf);
  if (options.json) {
    printJson(io, { before: before.method.file, after: after.method.file, ...diff });
    return EXIT.ok;
  }
  const labels = { before: before.method.file, after: after.method.file };
  const currency = (after.method.loaded ?? before.method.loaded)!.plan.plan.currency;
  io.stdout.write(
    options.format === 'markdown'
      ? markdownReport(diff, labels, currency)
      : // Plan text reaches the terminal: control characters shown, never run.
        visible(textReport(diff, labels, currency, io), { sgr: true }),
  );
  return EXIT.ok;
}

/**
 * One version of the plan: checked by the method alone (what makes it invalid), and as lint
 * reports it (the config above `configFrom` and the plan's directives: the findings compared).
 */
interface Version {
  method: LintResult;
  reported: LintResult;
}

async function versionOf(file: string, outcome: LoadOutcome, cwd: string, configFrom = file): Promise<Version> {
  const method = lintOutcome(file, outcome);
  return { method, reported: (await lintAsConfigured(method, outcome, cwd, configFrom)).reported };
}

/** A version that cannot be computed is refused like every other command refuses it (exit 1). */
function checked({ method, reported }: Version): { loaded: LoadedPlan; findings: LintResult['findings'] } {
  const errors = method.findings.filter((f) => f.severity === 'error');
  if (errors.length || !method.loaded) throw new PlanInvalidError(method.file, errors);
  return { loaded: method.loaded, findings: reported.findings };
}

/**
 * The plan as committed at `ref` (`git show REF:./PLAN` beside the plan), with its posts_csv
 * files as committed there too; a CSV the revision does not have is read from the folder.
 */
async function baseVersion(file: string, ref: string, cwd: string): Promise<Version> {
  if (ref.startsWith('-')) throw new CLIError(`--base: "${ref}" is not a git revision`, EXIT.usage);
  const absolute = path.resolve(cwd, file);
  const dir = path.dirname(absolute);
  const shown = await gitOutput(['show', `${ref}:./${path.basename(absolute)}`], dir, MAX_PLAN_BYTES);
  if ('why' in shown) {
    if (shown.why === 'too large')
      throw new CLIError(`${ref}:${file}: the file is larger than a plan can be`, EXIT.usage);
    throw new CLIError(`--base ${ref}: cannot read ${file} there: ${shown.why}`, EXIT.usage);
  }
  const committedCsv = async (csvPath: string, maxBytes: number) => {
    const relative = `./${csvPath.split(path.sep).join('/')}`;
    // Only a regular file as committed: git shows a link as its target's name and a folder as
    // a listing; those, like a file the revision lacks, are read from the folder as lint reads them.
    const listed = await gitOutput(['ls-tree', ref, '--', relative], dir, 4096);
    if (!('bytes' in listed) || !/^100(644|755) blob /.test(listed.bytes.toString('utf8'))) return undefined;
    const csv = await gitOutput(['show', `${ref}:${relative}`], dir, maxBytes);
    if ('bytes' in csv) return csv.bytes;
    if (csv.why === 'too large') throw new Error(`is larger than ${maxBytes / 2 ** 20} MB at ${ref}`);
    return undefined;
  };
  const label = `${ref}:${file}`;
  return versionOf(label, await parsePlan(shown.bytes, label, dir, committedCsv), cwd, file);
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
