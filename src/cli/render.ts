/**
 * `smplan render FILE [-o DIR] [--html] [--pdf] [--all]`: the strategy folder (Markdown chapters,
 * index, charts) and optionally one self-contained plan.html and a plan.pdf. Everything is made
 * in memory first and written in one atomic swap, so a failed or interrupted render leaves the
 * previous output as it was.
 */
import path from 'node:path';
import { now } from '../clock.js';
import { UsageError } from '../errors.js';
import { CLIError, EXIT } from './errors.js';
import { readCheckedPlan, validPlan } from '../lint/check.js';
import type { LoadedPlan } from '../plan/load.js';
import { localeLanguage } from '../plan/schema.js';
import type { RenderOptions, StrategyFolder } from '../render/folder.js';
import type { OutputFile } from '../render/output.js';
import type { PdfPrinter } from '../render/pdf.js';
import { planArguments } from '../plan/discover.js';
import { inPool } from './pool.js';
import { asCLIError, reportError } from './report.js';
import { plural } from '../wording.js';
import { colorsFor, writeLine, type Io } from './io.js';

interface RenderFlags {
  output?: string;
  html?: boolean;
  pdf?: boolean;
  pptx?: boolean;
  all?: boolean;
  slides?: '16:9' | '4:3';
  paper?: 'a4' | 'letter';
  templates?: string;
  browser?: string;
  timeout?: number;
  actuals?: string[];
  asOf?: string;
  map?: string;
  objective?: string;
}

/** Plans rendered at once in a batch: their printing overlaps the next one's HTML, memory stays bounded. */
const PLANS_IN_FLIGHT = 3;

export async function run(args: string[], options: Record<string, unknown>, io: Io): Promise<number> {
  const flags = options as RenderFlags;
  const wantPdf = Boolean(flags.pdf || flags.all);
  const err = colorsFor(io, 'stderr');
  const progress = (line: string) => writeLine(io.stderr, err.dim(line));

  if ((flags.asOf || flags.map || flags.objective) && !flags.actuals?.length) {
    throw new CLIError('--as-of, --map and --objective go with --actuals CSV', EXIT.usage);
  }
  const plans = await planArguments(args, io.cwd);
  if (plans.some((p) => p.stdin))
    throw new CLIError('render reads plans from files: `-` (standard input) is for lint', EXIT.usage);
  if (plans.length === 0)
    throw new CLIError(`no plan found in ${args.join(', ')} (a plan is a .yaml file with \`smplan: 1\`)`, EXIT.usage);
  const batch = plans.length > 1 || plans[0]!.file !== args[0];
  if (batch && flags.actuals?.length)
    throw new CLIError('--actuals goes with one plan: render the review of each plan on its own', EXIT.usage);
  const templatesDir = flags.templates ? await checkTemplatesDir(flags.templates, io.cwd) : undefined;

  // Before any work: no browser for --pdf is a quick, clear error.
  let browserPath: string | undefined;
  if (wantPdf) {
    const { findBrowser, systemLookup } = await import('../render/browser/index.js');
    browserPath = (await findBrowser(flags.browser, systemLookup(io.env, io.cwd))).path;
  }

  // Each plan its own folder, known before anything is written: two plans that would share one
  // (a.yaml and a.yml, names alike but for case or Unicode form) are refused here.
  const outDirs = batch
    ? flags.output
      ? outputNames(plans.map((p) => p.file)).map((name) => path.join(flags.output!, name))
      : plans.map((p) => defaultOutput(p.file))
    : [flags.output ?? defaultOutput(plans[0]!.file)];
  refuseSharedFolders(
    plans.map((p) => p.file),
    outDirs,
    io.cwd,
  );

  // One plan: refused before a browser starts. In a batch each plan is checked in its turn.
  const single = batch ? undefined : await checkedPlan(plans[0]!.file, io, progress);

  return withInterrupt(io, async (signal) => {
    // One browser for every plan; it starts now and gets ready while the first folder is rendered.
    const printer = wantPdf
      ? (await import('../render/pdf.js')).startPrinter({
          browserPath: browserPath!,
          paper: flags.paper ?? 'a4',
          timeoutMs: (flags.timeout ?? 60) * 1000,
          signal,
          progress,
          debug: io.debug ? (line) => writeLine(io.stderr, err.dim(`debug: ${line}`)) : undefined,
        })
      : undefined;
    try {
      const job: RenderJob = { flags, io, templatesDir, printer, signal, progress, closeAfterPrint: !batch };
      if (single) {
        const file = plans[0]!.file;
        // A folder the user named with -o is theirs to point anywhere; the default stays beside the plan.
        await renderPlan(file, outDirs[0]!, job, single, flags.output ? undefined : path.dirname(file));
        return EXIT.ok;
      }
      const codes = await inPool(plans, PLANS_IN_FLIGHT, async ({ file }, i) => {
        const outDir = outDirs[i]!;
        try {
          // In a batch every folder is smplan's choice: it stays inside -o (or the plan's folder), no link on the way.
          await renderPlan(file, outDir, job, undefined, flags.output ?? path.dirname(file));
          return EXIT.ok;
        } catch (error) {
          // Ctrl-C ends the whole batch; any other failure is this plan's alone.
          if (signal.aborted) throw error;
          return reportError(namingPlan(error, file), io);
        }
      });
      const failed = codes.filter((c) => c !== EXIT.ok).length;
      const summary = `Rendered ${plans.length - failed} of ${plural(plans.length, 'plan')}${failed ? `; ${failed} failed` : ''}`;
      writeLine(io.stderr, failed ? err.red(summary) : err.dim(summary));
      // The worst outcome decides: a usage or environment problem (2) over an invalid plan (1).
      return codes.reduce(
        (worst, c) => (c === EXIT.ok ? worst : worst === EXIT.ok ? c : Math.max(worst, c)),
        EXIT.ok as number,
      );
    } finally {
      await printer?.close();
    }
  });
}

interface RenderJob {
  flags: RenderFlags;
  io: Io;
  templatesDir: string | undefined;
  printer: PdfPrinter | undefined;
  signal: AbortSignal;
  progress: (line: string) => void;
  /** One plan: the browser ends while the output is written. */
  closeAfterPrint: boolean;
}

async function checkedPlan(file: string, io: Io, progress: (line: string) => void): Promise<LoadedPlan> {
  const checked = await readCheckedPlan(file, { cwd: io.cwd });
  const loaded = validPlan(checked);
  const { findings } = checked;
  const errors = findings.filter((f) => f.severity === 'error').length;
  if (findings.length) {
    const counts = errors
      ? `${plural(errors, 'error')} (made errors by the lint config), ${plural(findings.length - errors, 'warning')}`
      : plural(findings.length, 'warning');
    progress(`${file}: ${counts} (\`smplan lint ${file}\` lists them)`);
  }
  return loaded;
}

/** One plan into its folder: checked, rendered in memory, printed, then written in one atomic swap. */
async function renderPlan(
  file: string,
  outDir: string,
  job: RenderJob,
  checked?: LoadedPlan,
  within?: string,
): Promise<void> {
  const { flags, io, templatesDir, printer, signal, progress } = job;
  const wantHtml = Boolean(flags.html || flags.all);
  const wantPdf = Boolean(printer);
  const wantDeck = Boolean(flags.pptx || flags.all);
  const loaded = checked ?? (await checkedPlan(file, io, progress));
  const renderOptions: RenderOptions = { ...(templatesDir ? { templatesDir } : {}) };
  if (flags.actuals?.length)
    renderOptions.tracking = await (await import('./tracking.js')).readTracking(loaded, flags, io);
  const { renderStrategyFolder } = await import('../render/folder.js');
  const folder = await renderStrategyFolder(loaded, renderOptions);
  const files = folderFiles(folder);
  const artefacts: string[] = [];
  const shown = (name: string) => display(path.join(path.resolve(io.cwd, outDir), name), io.cwd);

  let html: string | undefined;
  if (wantHtml || wantPdf) {
    const { renderHtml } = await import('../render/html.js');
    html = await renderHtml(folder, loaded, {
      templatesDir,
      paper: flags.paper ?? 'a4',
    });
    if (wantHtml) files.push({ path: 'plan.html', content: html });
  }
  if (printer) {
    // The page label in the plan's language, for browsers without CSS margin boxes.
    const { documentMessages } = await import('../render/html.js');
    const pageOf = (await documentMessages(folder, localeLanguage(loaded.plan.plan.locale), templatesDir))(
      'document.page_of',
    );
    const result = await printer.print(html!, { title: folder.title, pageOf });
    if (job.closeAfterPrint) void printer.close();
    const { headingTexts, withDocumentInfo } = await import('../render/pdf-info.js');
    const plan = loaded.plan.plan;
    result.pdf = withDocumentInfo(result.pdf, {
      title: folder.title,
      author: plan.author ?? plan.organization,
      created: now(io.env),
      headings: headingTexts(html!),
      creator: 'smplan',
    });
    files.push({ path: 'plan.pdf', content: result.pdf });
    artefacts.push(`Wrote ${shown('plan.pdf')} (${plural(result.pages, 'page')}, ${size(result.pdf.byteLength)})`);
    if (result.refusedRequests.length) {
      progress(`Refused ${result.refusedRequests.length} request(s) from the document (nothing is fetched)`);
    }
  }
  if (wantHtml) artefacts.unshift(`Wrote ${shown('plan.html')} (${size(Buffer.byteLength(html!))})`);
  if (wantDeck) {
    const { renderDeck } = await import('../render/deck/index.js');
    const deck = await renderDeck(folder, loaded, flags.slides ?? '16:9');
    files.push({ path: 'plan.pptx', content: deck.pptx });
    artefacts.push(
      `Wrote ${shown('plan.pptx')} (${plural(deck.slides.length, 'slide')}, ${size(deck.pptx.byteLength)})`,
    );
  }

  signal.throwIfAborted();
  const { writeOutputFolder } = await import('../render/output.js');
  // plan.html, plan.pdf and plan.pptx are other kinds of output: a render that does not write them keeps them.
  const result = await writeOutputFolder(path.resolve(io.cwd, outDir), files, {
    signal,
    keepUnlessWritten: ['plan.html', 'plan.pdf', 'plan.pptx'],
    ...(within === undefined ? {} : { within: path.resolve(io.cwd, within) }),
  });
  const charts = folder.charts.length;
  artefacts.unshift(
    `Wrote ${display(result.dir, io.cwd)}${path.sep} (README.md, ${folder.chapters.length} chapters` +
      (charts ? `, ${plural(charts, 'chart')})` : ')'),
  );
  for (const line of artefacts) writeLine(io.stdout, line);
  if (result.removed.length)
    progress(`Removed ${plural(result.removed.length, 'file')} an earlier render made that this plan no longer needs`);
  if (result.kept.length) {
    progress(
      `Left ${plural(result.kept.length, 'file')} an earlier render made and that changed since (${result.kept.slice(0, 3).join(', ')}${result.kept.length > 3 ? ', …' : ''}): yours now`,
    );
  }
}

/**
 * Each plan's folder name in a batch: its file name without .yaml; plans with the same name
 * (clients/a/plan.yaml, clients/b/plan.yaml) take their folders' names too, so none overwrites another.
 */
export function outputNames(files: readonly string[]): string[] {
  const parts = files.map((f) => {
    const folders = path
      .dirname(path.normalize(f))
      .split(path.sep)
      .filter((p) => p && p !== '.' && p !== '..');
    return [...folders, planStem(f)];
  });
  const depth = files.map(() => 1);
  for (;;) {
    const names = parts.map((p, i) => p.slice(-depth[i]!).join('-'));
    // Names that differ only in case or Unicode form are one folder on macOS and Windows.
    const keys = names.map(folderKey);
    const clash = keys.map((n, i) => keys.indexOf(n) !== i || keys.lastIndexOf(n) !== i);
    if (!clash.some(Boolean) || clash.every((c, i) => !c || depth[i]! >= parts[i]!.length))
      return names.map((n, i) => (clash[i] ? `${n}-${i + 1}` : n));
    clash.forEach((c, i) => {
      if (c && depth[i]! < parts[i]!.length) depth[i]!++;
    });
  }
}

/** A plan's error in a batch names the plan (a browser or disk message alone would not). */
function namingPlan(error: unknown, file: string): unknown {
  if (error instanceof UsageError) error = asCLIError(error);
  if (!(error instanceof CLIError) || !error.message || error.message.includes(file)) return error;
  return new CLIError(`${file}: ${error.message}`, error.exitCode, {
    ...(error.hint ? { hint: error.hint } : {}),
    cause: error.cause,
  });
}

/** `plan.yaml` -> `plan-strategy/` beside the plan. */
function defaultOutput(file: string): string {
  return path.join(path.dirname(file), `${planStem(file)}-strategy`);
}

/** A plan's file name without .yaml/.yml; a file named only `.yaml` is `plan`. */
function planStem(file: string): string {
  return path.basename(file).replace(/\.(ya?ml)$/i, '') || 'plan';
}

/** What makes two folder names one folder on some file system: case and Unicode form. */
function folderKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** Two plans whose output folders are one (or could be, on a case-insensitive disk): exit 2 before any write. */
function refuseSharedFolders(files: readonly string[], outDirs: readonly string[], cwd: string): void {
  const seen = new Map<string, number>();
  outDirs.forEach((dir, i) => {
    const key = folderKey(path.resolve(cwd, dir));
    const other = seen.get(key);
    if (other !== undefined) {
      throw new CLIError(
        `${files[other]} and ${files[i]} would both render into ${dir}: render them one at a time with -o DIR each, or rename one`,
        EXIT.usage,
      );
    }
    seen.set(key, i);
  });
}

/** The Markdown folder as files: README, chapters, charts. */
function folderFiles(folder: StrategyFolder): OutputFile[] {
  return [
    { path: 'README.md', content: folder.readme },
    ...folder.chapters.map((c) => ({ path: c.file, content: c.markdown })),
    ...folder.charts.map((c) => ({ path: c.file, content: c.svg })),
  ];
}

/** --templates: an existing folder, as an absolute path (render and serve). */
export async function checkTemplatesDir(dir: string, cwd: string): Promise<string> {
  const { stat } = await import('node:fs/promises');
  const absolute = path.resolve(cwd, dir);
  const info = await stat(absolute).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new CLIError(`--templates ${dir}: no such folder`, EXIT.usage, {
      hint: 'Create one with `smplan templates eject DIR`.',
    });
  }
  return absolute;
}

/**
 * Ctrl-C (and SIGTERM, and SIGHUP from a closed terminal or a dropped SSH session) abort the render instead of killing the process, so the browser is closed,
 * temporary files are removed and the previous output stays as it was.
 */
async function withInterrupt(io: Io, work: (signal: AbortSignal) => Promise<number>): Promise<number> {
  const controller = new AbortController();
  const onSignal = () => controller.abort(new CLIError('', EXIT.interrupted));
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const s of signals) process.on(s, onSignal);
  try {
    return await work(controller.signal);
  } catch (err) {
    if (controller.signal.aborted) {
      // After SIGHUP the terminal may be gone: the message is best effort, the exit code is not.
      try {
        writeLine(io.stderr, colorsFor(io, 'stderr').dim('Interrupted; the previous output is unchanged.'));
      } catch {
        // nothing to tell it to
      }
      throw new CLIError('', EXIT.interrupted);
    }
    throw err;
  } finally {
    for (const s of signals) process.off(s, onSignal);
  }
}

function display(absolute: string, cwd: string): string {
  const rel = path.relative(cwd, absolute);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : absolute;
}

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
