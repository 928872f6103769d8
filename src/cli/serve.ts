/**
 * `smplan serve PLAN`: the document in a browser beside the editor, rendered again whenever the
 * plan or a file it reads changes, with lint's findings under it. Runs until Ctrl-C (exit 130).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { FileReadError } from '../errors.js';
import { CLIError, EXIT } from './errors.js';
import type { Finding } from '../diagnostics.js';
import type { PreviewState } from '../serve/preview.js';
import { checkTemplatesDir } from './render.js';
import { colorsFor, writeLine, type Io } from './io.js';

interface ServeFlags {
  port?: number;
  host?: string;
  open?: boolean;
  paper?: 'a4' | 'letter';
  templates?: string;
  browser?: string;
  actuals?: string[];
  asOf?: string;
  map?: string;
  objective?: string;
}

export async function run(args: string[], options: Record<string, unknown>, io: Io): Promise<number> {
  const flags = options as ServeFlags;
  const file = args[0]!;
  if ((flags.asOf || flags.map || flags.objective) && !flags.actuals?.length) {
    throw new CLIError('--as-of, --map and --objective go with --actuals CSV', EXIT.usage);
  }
  // What the user named must exist now; later, a file that goes away mid-save is only a banner.
  for (const named of [file, ...(flags.actuals ?? [])]) {
    const info = await stat(path.resolve(io.cwd, named)).catch((err: unknown) => {
      throw new FileReadError(named, err);
    });
    if (!info.isFile())
      throw new FileReadError(
        named,
        Object.assign(new Error('not a file'), { code: info.isDirectory() ? 'EISDIR' : 'EINVAL' }),
      );
  }
  const templatesDir = flags.templates ? await checkTemplatesDir(flags.templates, io.cwd) : undefined;
  // A --map that cannot be read is a usage error now, not a banner on every save.
  if (flags.map !== undefined) (await import('./tracking.js')).parseColumnMap(flags.map);

  // Listening from the start: a Ctrl-C during the first render still stops cleanly with 130.
  const interrupt = listenForInterrupt();
  try {
    return await serve(file, flags, templatesDir, interrupt.happened, io);
  } finally {
    interrupt.dispose();
  }
}

async function serve(
  file: string,
  flags: ServeFlags,
  templatesDir: string | undefined,
  interrupted: Promise<void>,
  io: Io,
): Promise<number> {
  const [{ previewInThread }, { startServer }, { watchInputs }, { createPdfPrinter }] = await Promise.all([
    import('./preview-thread.js'),
    import('../serve/server.js'),
    import('../serve/watch.js'),
    import('../serve/print.js'),
  ]);
  const out = colorsFor(io, 'stdout');
  const stopped = new AbortController();
  void interrupted.then(() => stopped.abort());
  // Rendered in a thread of its own: the render never holds up the browser or Ctrl-C.
  const tracking = flags.actuals?.length
    ? { actuals: flags.actuals, asOf: flags.asOf, map: flags.map, objective: flags.objective }
    : undefined;
  const preview = await previewInThread(
    { file, cwd: io.cwd, templatesDir, actuals: flags.actuals ?? [], paper: flags.paper ?? 'a4' },
    tracking,
  );
  let reported: string | undefined;
  const report = (state: PreviewState) => {
    reported = reportChange(io, file, state, reported);
  };
  // Listening first: a port in use is said at once, not after the whole plan has rendered.
  const listening = startServer({
    preview,
    file,
    host: flags.host,
    port: flags.port ?? DEFAULT_PORT,
    printPdf: createPdfPrinter({
      browser: flags.browser,
      env: io.env,
      cwd: io.cwd,
      paper: flags.paper ?? 'a4',
      timeoutMs: 60_000,
      signal: stopped.signal,
      debug: io.debug ? (line) => writeLine(io.stderr, colorsFor(io, 'stderr').dim(`debug: ${line}`)) : undefined,
    }),
  });
  const server = await listening.catch(async (err: unknown) => {
    await preview.close();
    throw err;
  });
  writeLine(io.stderr, colorsFor(io, 'stderr').dim(`Rendering ${file}…`));
  let first: PreviewState | undefined;
  try {
    // Ctrl-C during a long first render stops now: the render is not waited for.
    first = await Promise.race([preview.refresh(), interrupted.then(() => undefined)]);
  } catch (err) {
    await Promise.all([preview.close(), server.close()]);
    throw err;
  }
  if (!first || stopped.signal.aborted) {
    await Promise.all([preview.close(), server.close()]);
    return stop(io);
  }
  server.publish(first);
  report(first);

  // One refresh at a time; changes during one make one more after it.
  let refreshing: Promise<void> | undefined;
  let again = false;
  const refresh = () => {
    if (refreshing) {
      again = true;
      return;
    }
    refreshing = (async () => {
      do {
        again = false;
        try {
          const state = await preview.refresh();
          server.publish(state);
          report(state);
          await watcher?.follow(preview.inputs);
        } catch (err) {
          // Stopping ends a render under way: that is no bug.
          if (stopped.signal.aborted) break;
          // A bug must not end the preview: say it once and keep serving the last document.
          writeLine(
            io.stderr,
            `${colorsFor(io, 'stderr').red('smplan: internal error:')} ${String((err as Error)?.message ?? err).split('\n')[0]}`,
          );
          if (io.debug) writeLine(io.stderr, (err as Error)?.stack ?? '');
        }
      } while (again && !stopped.signal.aborted);
      refreshing = undefined;
    })();
  };
  let watcher: Awaited<ReturnType<typeof watchInputs>> | undefined;
  try {
    watcher = await watchInputs(() => refresh());
    await watcher.follow(preview.inputs);
    if (server.exposed) {
      // Anyone on the network can read the plan: said before the address, every time.
      writeLine(
        io.stderr,
        colorsFor(io, 'stderr').yellow(
          `Warning: --host ${flags.host} makes the preview reachable from the network: anyone who can reach ${server.listening.join(' and ')} can read the plan.`,
        ),
      );
    }
    if (server.exposed) writeLine(io.stdout, `Listening on ${server.listening.join(', ')}`);
    writeLine(io.stdout, `Serving ${file} at ${out.bold(server.url)} (printed pages: ${server.url}print)`);
    writeLine(io.stdout, out.dim('Edit and save the plan: the page updates. Ctrl-C stops.'));
    if (flags.open) await openBrowser(server.url, io);
    await interrupted;
  } finally {
    stopped.abort();
    // A render under way is ended, not waited for.
    await Promise.all([watcher?.close(), server.close(), preview.close()]);
    await refreshing;
  }
  return stop(io);
}

function stop(io: Io): number {
  writeLine(io.stderr, colorsFor(io, 'stderr').dim('Stopped.'));
  return EXIT.interrupted;
}

/** The port when --port is not given: fixed, so that a browser tab left open finds the next run. */
export const DEFAULT_PORT = 4177;

/** How long the preview has to close down after Ctrl-C before the process ends regardless. */
const STOP_GRACE_MS = 700;

/**
 * Ctrl-C (or SIGTERM) ends the preview instead of the process, so that it can close down. What
 * cannot be stopped (a render under way, a file read stuck on a pipe) must not keep it alive:
 * past STOP_GRACE_MS, or at a second Ctrl-C, the process ends with 130 whatever it is doing.
 */
function listenForInterrupt(): { happened: Promise<void>; dispose: () => void } {
  let done = () => {};
  const happened = new Promise<void>((resolve) => (done = resolve));
  let signalled = false;
  const onSignal = () => {
    if (signalled) process.exit(EXIT.interrupted);
    signalled = true;
    done();
    // Unreferenced: a preview that closed down in time exits on its own, with its own output.
    setTimeout(() => process.exit(EXIT.interrupted), STOP_GRACE_MS).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    happened,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

async function openBrowser(url: string, io: Io): Promise<void> {
  try {
    const { default: open } = await import('open');
    const child = await open(url);
    // A browser that cannot start is a note, not the end of the preview.
    child.once('error', () => writeLine(io.stderr, `smplan: could not open a browser; open ${url} yourself`));
  } catch {
    writeLine(io.stderr, `smplan: could not open a browser; open ${url} yourself`);
  }
}

/**
 * One block per change: the outcome in one line, then the findings when they differ from the
 * last ones shown, so that saving repeatedly does not scroll the same list past.
 */
function reportChange(io: Io, file: string, state: PreviewState, previous: string | undefined): string {
  const c = colorsFor(io, 'stdout');
  const time = new Date().toTimeString().slice(0, 8);
  const outcome = state.ok
    ? `${file}: updated in ${state.ms} ms`
    : `${file}: ${c.red('not updated')}${state.version ? ' (the page keeps the last good document)' : ''}`;
  const lines = state.findings.map((f) => problemLine(f, c));
  const key = lines.join('\n');
  const block = [`${c.dim(time)} ${outcome} · ${state.readiness}`];
  if (key && key !== previous) block.push(...lines.map((line) => `  ${line}`));
  else if (key) block.push(c.dim('  (the same findings as before)'));
  // One write: the block arrives whole, also in a pipe.
  writeLine(io.stdout, block.join('\n'));
  return key;
}

function problemLine(f: Finding, c: ReturnType<typeof colorsFor>): string {
  const where = `${f.file}${f.line ? `:${f.line}${f.column ? `:${f.column}` : ''}` : ''}`;
  const severity = f.severity === 'error' ? c.red('error') : c.yellow('warning');
  return `${where}  ${severity}  ${f.message}${f.rule ? `  ${c.dim(f.rule)}` : ''}`;
}
