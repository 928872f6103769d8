/**
 * `smplan render FILE [-o DIR] [--html] [--pdf] [--all]`: the strategy folder (Markdown chapters,
 * index, charts) and optionally one self-contained plan.html and a plan.pdf. Everything is made
 * in memory first and written in one atomic swap, so a failed or interrupted render leaves the
 * previous output as it was.
 */
import path from 'node:path';
import { CLIError, EXIT } from '../errors.js';
import { loadCheckedPlan } from '../lint/check.js';
import type { RenderOptions, StrategyFolder } from '../render/folder.js';
import type { OutputFile } from '../render/output.js';
import { plural } from '../wording.js';
import { colorsFor, writeLine, type Io } from './io.js';

interface RenderFlags {
  output?: string;
  html?: boolean;
  pdf?: boolean;
  all?: boolean;
  paper?: 'a4' | 'letter';
  templates?: string;
  browser?: string;
  timeout?: number;
  actuals?: string[];
  asOf?: string;
  map?: string;
  objective?: string;
}

export async function run(args: string[], options: Record<string, unknown>, io: Io): Promise<number> {
  const flags = options as RenderFlags;
  const file = args[0]!;
  const wantHtml = Boolean(flags.html || flags.all);
  const wantPdf = Boolean(flags.pdf || flags.all);
  const outDir = flags.output ?? defaultOutput(file);
  const err = colorsFor(io, 'stderr');
  const progress = (line: string) => writeLine(io.stderr, err.dim(line));

  if ((flags.asOf || flags.map || flags.objective) && !flags.actuals?.length) {
    throw new CLIError('--as-of, --map and --objective go with --actuals CSV', EXIT.usage);
  }
  const templatesDir = flags.templates ? await checkTemplatesDir(flags.templates, io.cwd) : undefined;

  const { loaded, warnings } = await loadCheckedPlan(file, io.cwd);
  if (warnings.length) {
    progress(`${file}: ${plural(warnings.length, 'warning')} (\`smplan lint ${file}\` lists them)`);
  }

  // Before any work: no browser for --pdf is a quick, clear error.
  let browserPath: string | undefined;
  if (wantPdf) {
    const { findBrowser, systemLookup } = await import('../render/browser/index.js');
    browserPath = (await findBrowser(flags.browser, systemLookup(io.env, io.cwd))).path;
  }

  return withInterrupt(io, async (signal) => {
    const renderOptions: RenderOptions = { ...(templatesDir ? { templatesDir } : {}) };
    if (flags.actuals?.length) renderOptions.tracking = await (await import('./tracking.js')).readTracking(loaded, flags, io);
    // The browser starts now and gets ready while the folder and the HTML are rendered.
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
      const { renderStrategyFolder } = await import('../render/folder.js');
      const folder = await renderStrategyFolder(loaded, renderOptions);
      const files = folderFiles(folder);
      const artefacts: string[] = [];
      const shown = (name: string) => display(path.join(path.resolve(io.cwd, outDir), name), io.cwd);

      let html: string | undefined;
      if (wantHtml || wantPdf) {
        const { renderHtml } = await import('../render/html.js');
        html = await renderHtml(folder, loaded, { templatesDir, paper: flags.paper ?? 'a4' });
        if (wantHtml) files.push({ path: 'plan.html', content: html });
      }
      if (printer) {
        // The page label in the plan's language, for browsers without CSS margin boxes.
        const { documentMessages } = await import('../render/html.js');
        const pageOf = (await documentMessages(folder, loaded.plan.plan.locale, templatesDir))('document.page_of');
        const result = await printer.print(html!, { title: folder.title, pageOf });
        // The browser ends while the output is written.
        void printer.close();
        files.push({ path: 'plan.pdf', content: result.pdf });
        artefacts.push(`Wrote ${shown('plan.pdf')} (${plural(result.pages, 'page')}, ${size(result.pdf.byteLength)})`);
        if (result.refusedRequests.length) {
          progress(`Refused ${result.refusedRequests.length} request(s) from the document (nothing is fetched)`);
        }
      }
      if (wantHtml) artefacts.unshift(`Wrote ${shown('plan.html')} (${size(Buffer.byteLength(html!))})`);

      signal.throwIfAborted();
      const { writeOutputFolder } = await import('../render/output.js');
      const result = await writeOutputFolder(path.resolve(io.cwd, outDir), files, { signal });
      const charts = folder.charts.length;
      artefacts.unshift(
        `Wrote ${display(result.dir, io.cwd)}${path.sep} (README.md, ${folder.chapters.length} chapters` +
          (charts ? `, ${plural(charts, 'chart')})` : ')'),
      );
      for (const line of artefacts) writeLine(io.stdout, line);
      if (result.removed.length) progress(`Removed ${result.removed.length} file(s) an earlier render made that this plan no longer needs`);
      return EXIT.ok;
    } finally {
      await printer?.close();
    }
  });
}

/** `plan.yaml` -> `plan-strategy/` beside the plan. */
function defaultOutput(file: string): string {
  const stem = path.basename(file).replace(/\.(ya?ml)$/i, '');
  return path.join(path.dirname(file), `${stem}-strategy`);
}

/** The Markdown folder as files: README, chapters, charts. */
function folderFiles(folder: StrategyFolder): OutputFile[] {
  return [
    { path: 'README.md', content: folder.readme },
    ...folder.chapters.map((c) => ({ path: c.file, content: c.markdown })),
    ...folder.charts.map((c) => ({ path: c.file, content: c.svg })),
  ];
}

async function checkTemplatesDir(dir: string, cwd: string): Promise<string> {
  const { stat } = await import('node:fs/promises');
  const absolute = path.resolve(cwd, dir);
  const info = await stat(absolute).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new CLIError(`--templates ${dir}: no such folder`, EXIT.usage, { hint: 'Create one with `smplan templates eject DIR`.' });
  }
  return absolute;
}

/**
 * Ctrl-C (and SIGTERM) abort the render instead of killing the process, so the browser is closed,
 * temporary files are removed and the previous output stays as it was.
 */
async function withInterrupt(io: Io, work: (signal: AbortSignal) => Promise<number>): Promise<number> {
  const controller = new AbortController();
  const onSignal = () => controller.abort(new CLIError('', EXIT.interrupted));
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await work(controller.signal);
  } catch (err) {
    if (controller.signal.aborted) {
      writeLine(io.stderr, colorsFor(io, 'stderr').dim('Interrupted; the previous output is unchanged.'));
      throw new CLIError('', EXIT.interrupted);
    }
    throw err;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function display(absolute: string, cwd: string): string {
  const rel = path.relative(cwd, absolute);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : absolute;
}

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
