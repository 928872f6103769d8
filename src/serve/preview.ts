/**
 * The live document: the plan read, linted and rendered to the same HTML as `render --html`,
 * again on every change. A plan that stops being valid keeps the last good document and says
 * why; the files the render read are what the server watches next.
 */
import { localeLanguage } from '../plan/schema.js';
import path from 'node:path';
import type { TrackingResult } from '../compute/track.js';
import { oneLine, PlanInvalidError, type Finding } from '../diagnostics.js';
import { UsageError } from '../errors.js';
import { readCheckedPlan } from '../lint/check.js';
import { postsCsvReads } from '../plan/posts-csv.js';
import { findingAt, type LoadedPlan } from '../plan/load.js';
import type { StrategyFolder } from '../render/folder.js';

export interface PreviewOptions {
  /** The plan as the user named it (shown in messages), read relative to cwd. */
  file: string;
  cwd: string;
  /** Absolute --templates folder. */
  templatesDir?: string | undefined;
  /** The --actuals files (watched), relative to cwd. */
  actuals: string[];
  /** Plan versus actual from those files, with every finding on them (the CLI reads its flags). */
  track?: ((loaded: LoadedPlan) => Promise<{ tracking?: TrackingResult; findings: Finding[] }>) | undefined;
  paper: 'a4' | 'letter';
}

/** What the page shows about the latest read of the plan (sent to it as JSON). */
export interface PreviewState {
  /** The document on show: counts up with every good render; 0 before the first. */
  version: number;
  /** Whether the latest read of the plan rendered; when not, the document is an older one. */
  ok: boolean;
  /** The reason the latest read did not render, located where it can be (see `unlocated`). */
  problem?: Finding | undefined;
  /** Lint's findings, plus those on the actual figures. */
  findings: Finding[];
  errors: number;
  warnings: number;
  /** The one-line readiness summary. */
  readiness: string;
  title?: string | undefined;
  /** How long the latest read and render took. */
  ms: number;
}

/**
 * A problem that is no rule's finding at a place in the plan (a file that cannot be read, a
 * template that does not compile), as a finding: line and column 0 and rule '' are left out
 * where the page and the terminal list it.
 */
function unlocated(file: string, message: string): Finding {
  return { file, line: 0, column: 0, severity: 'error', rule: '', message, path: '' };
}

/** The last good document and what printing it needs. */
export interface RenderedDocument {
  version: number;
  html: string;
  title: string;
  /** The page label for browsers without CSS margin boxes, in the plan's language. */
  pageOf: () => Promise<string>;
}

export interface Preview {
  readonly state: PreviewState;
  readonly document: RenderedDocument | undefined;
  /** Every file and folder the latest read depended on (absolute). */
  readonly inputs: string[];
  /** Reads and renders the plan again; resolves with the new state. */
  refresh(): Promise<PreviewState>;
}

export function createPreview(options: PreviewOptions, now: () => number = () => performance.now()): Preview {
  const planPath = path.resolve(options.cwd, options.file);
  const fixedInputs = [
    planPath,
    ...options.actuals.map((a) => path.resolve(options.cwd, a)),
    ...(options.templatesDir ? [options.templatesDir] : []),
  ];
  let postsCsv: string[] = [];
  /** The posts CSVs read in this session: a file unchanged since its last read is not read again. */
  const reads = postsCsvReads();
  /** The lint config the findings were read with: editing it changes what the page lists. */
  let configFile: string | undefined;
  let document: RenderedDocument | undefined;
  let version = 0;
  let state: PreviewState = { version: 0, ok: false, findings: [], errors: 0, warnings: 0, readiness: '', ms: 0 };

  const refresh = async (): Promise<PreviewState> => {
    const started = now();
    const outcome = await build();
    // A problem that is no finding (a file that cannot be read, a template that breaks) is listed too.
    const findings =
      outcome.problem && !outcome.findings.includes(outcome.problem)
        ? [outcome.problem, ...outcome.findings]
        : outcome.findings;
    const errors = findings.filter((f) => f.severity === 'error').length;
    if (outcome.rendered) {
      version += 1;
      document = { version, ...outcome.rendered };
    }
    state = {
      version,
      ok: Boolean(outcome.rendered),
      problem: outcome.problem,
      findings,
      errors,
      warnings: findings.length - errors,
      readiness: readiness(errors, findings.length - errors),
      title: outcome.rendered?.title ?? document?.title,
      ms: Math.round(now() - started),
    };
    return state;
  };

  async function build(): Promise<{
    findings: Finding[];
    problem?: Finding;
    rendered?: Omit<RenderedDocument, 'version'>;
  }> {
    let loaded: LoadedPlan | undefined;
    let findings: Finding[] = [];
    try {
      // The findings shown are lint's (config, directives); what stops the preview is an error
      // no config can change, never one the config made of advice.
      const checked = await readCheckedPlan(options.file, { cwd: options.cwd, reads });
      configFile = checked.configFile;
      findings = checked.findings.map(fromFinding);
      loaded = checked.loaded;
      if (loaded) postsCsv = [...loaded.postsCsv.keys()].map((p) => path.resolve(loaded!.dir, p));
      const firstError = checked.refusals[0] && fromFinding(checked.refusals[0]);
      if (firstError || !loaded)
        return {
          findings,
          problem: firstError ?? unlocated(options.file, 'not a valid plan'),
        };

      const { renderStrategyFolder } = await import('../render/folder.js');
      const { renderHtml } = await import('../render/html.js');
      let tracking: TrackingResult | undefined;
      if (options.track) {
        const tracked = await options.track(loaded);
        for (const f of tracked.findings) findings.push({ ...f, message: oneLine(f.message) });
        if (!tracked.tracking) return { findings, problem: findings.find((f) => f.severity === 'error')! };
        tracking = tracked.tracking;
      }
      const folder = await renderStrategyFolder(loaded, {
        ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}),
        ...(tracking ? { tracking } : {}),
      });
      const html = await renderHtml(folder, loaded, { templatesDir: options.templatesDir, paper: options.paper });
      return { findings, rendered: { html, title: folder.title, pageOf: () => pageLabel(folder, loaded!) } };
    } catch (err) {
      return { findings, problem: await problemFrom(err, loaded) };
    }
  }

  async function pageLabel(folder: StrategyFolder, loaded: LoadedPlan): Promise<string> {
    const { documentMessages } = await import('../render/html.js');
    return (await documentMessages(folder, localeLanguage(loaded.plan.plan.locale), options.templatesDir))(
      'document.page_of',
    );
  }

  async function problemFrom(err: unknown, loaded: LoadedPlan | undefined): Promise<Finding> {
    const { PlanComputeError } = await import('../compute/errors.js');
    if (err instanceof PlanComputeError && loaded) {
      return fromFinding(findingAt(loaded, err.path, 'error', 'compute', err.message));
    }
    if (err instanceof PlanInvalidError && err.findings.length) return fromFinding(err.findings[0]!);
    // A plan that cannot be read (removed mid-save), a template that does not compile.
    if (err instanceof UsageError) {
      const message = oneLine(err.message.split('\n')[0]!);
      // "plan.yaml: cannot read: …" names its file itself.
      const named = /^(.+?): (.*)$/.exec(message);
      return named ? unlocated(named[1]!, named[2]!) : unlocated(options.file, message);
    }
    throw err;
  }

  return {
    get state() {
      return state;
    },
    get document() {
      return document;
    },
    get inputs() {
      return [...fixedInputs, ...postsCsv, ...(configFile ? [configFile] : [])];
    },
    refresh,
  };
}

/** A finding as the page and the terminal list it: its message on one line. */
function fromFinding(f: Finding): Finding {
  return { ...f, message: oneLine(f.message) };
}

function readiness(errors: number, warnings: number): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return errors
    ? `Not ready: ${count(errors, 'error')}, ${count(warnings, 'warning')}`
    : warnings
      ? `Ready with ${count(warnings, 'warning')}`
      : 'Ready: no findings';
}
