/**
 * Plan versus actual for `smplan track` and `smplan render --actuals`, read one way for both:
 * the flags become options, plan/actuals.ts reads and checks the files, compute/track.ts
 * checks the rows against each objective's window and tracks. Errors refuse the actuals
 * (exit 1), warnings go to stderr and do not.
 */
import { rowsOutsideWindow, trackPlan, type TrackingResult } from '../compute/track.js';
import type { Finding } from '../diagnostics.js';
import { CLIError, EXIT } from './errors.js';
import {
  formatActualsFinding,
  LISTED_PER_FILE,
  MAPPABLE_COLUMNS,
  objectiveHint,
  objectiveIds,
  readActuals,
  type ColumnMap,
  type MappableColumn,
} from '../plan/actuals.js';
import type { LoadedPlan } from '../plan/load.js';
import { didYouMean } from '../plan/suggest.js';
import { plural } from '../wording.js';
import { colorsFor, writeLine, type Io } from './io.js';
import { computeFor } from './plan-input.js';

/** The flags `track` and `render` share for plan versus actual. */
export interface TrackingFlags {
  actuals?: string[];
  asOf?: string;
  map?: string;
  objective?: string;
}

/** Findings on the actuals: those listed (at most LISTED_PER_FILE a file) and per file how many more there are. */
export interface ActualsReport {
  findings: Finding[];
  omitted: ReadonlyMap<string, { error: number; warning: number }>;
}

/** Actuals with errors: exit 1, every error listed (as PlanInvalidError does for plans). */
export class ActualsInvalidError extends CLIError {
  readonly findings: Finding[];
  constructor(report: ActualsReport) {
    const errors =
      report.findings.filter((f) => f.severity === 'error').length +
      [...report.omitted.values()].reduce((n, m) => n + m.error, 0);
    super(`the actual figures have ${plural(errors, 'error')}:\n${listed(report).join('\n')}`, EXIT.invalid, {
      hint: 'Fix those rows (or leave them out of the export), then run this again.',
    });
    this.name = 'ActualsInvalidError';
    this.findings = report.findings;
  }
}

/** Parses `--map date=Dato,value=Reach,objective=KPI`; a bad mapping is a usage error (exit 2). */
export function parseColumnMap(spec: string | undefined): ColumnMap {
  const map: ColumnMap = {};
  if (spec === undefined) return map;
  for (const part of spec.split(',')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    const name = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (!(MAPPABLE_COLUMNS as readonly string[]).includes(key)) {
      const guess = didYouMean(key, MAPPABLE_COLUMNS);
      throw new CLIError(
        `--map: "${key}" is not a column smplan reads${guess ? ` (did you mean ${guess}?)` : ''}; map date, objective, value or note, e.g. --map date=Dato,value=Reach`,
        EXIT.usage,
      );
    }
    if (name === '')
      throw new CLIError(`--map: give the export's column name for ${key}, e.g. ${key}=Name`, EXIT.usage);
    if (map[key as MappableColumn] !== undefined) throw new CLIError(`--map: ${key} is mapped twice`, EXIT.usage);
    map[key as MappableColumn] = name;
  }
  return map;
}

/** Reads the --actuals files, checks them and tracks the plan; the warnings go to stderr. */
export async function readTracking(loaded: LoadedPlan, flags: TrackingFlags, io: Io): Promise<TrackingResult> {
  if (!flags.actuals?.length) throw new CLIError('give the actual figures with --actuals CSV', EXIT.usage);
  const { tracking, findings, omitted, notes } = await trackActuals(loaded, flags, io.cwd);
  if (!tracking) throw new ActualsInvalidError({ findings, omitted });
  const e = colorsFor(io, 'stderr');
  // Which columns were read, when found by their names in the plan's language.
  for (const note of notes) writeLine(io.stderr, note);
  for (const w of listed({ findings, omitted }))
    writeLine(io.stderr, w.replace('  warning  ', `  ${e.yellow('warning')}  `));
  return tracking;
}

/** The findings as lines (the reader keeps at most LISTED_PER_FILE a file), then per file one line counting the rest. */
function listed(report: ActualsReport): string[] {
  const lines = report.findings.map(formatActualsFinding);
  for (const [file, more] of report.omitted) {
    if (!more.error && !more.warning) continue;
    const counts = [more.error ? plural(more.error, 'error') : '', more.warning ? plural(more.warning, 'warning') : '']
      .filter(Boolean)
      .join(' and ');
    lines.push(`${file}: ${counts} more, not listed (the first ${LISTED_PER_FILE} are)`);
  }
  return lines;
}

/**
 * The plan tracked against the --actuals files, and every finding on them; no tracking when a
 * finding is an error. (`serve` lists the findings beside the document instead of stopping.)
 */
export async function trackActuals(
  loaded: LoadedPlan,
  flags: TrackingFlags,
  cwd: string,
): Promise<{ tracking?: TrackingResult; notes: string[] } & ActualsReport> {
  const files = flags.actuals ?? [];
  const map = parseColumnMap(flags.map);
  const objectives = objectiveIds(loaded.plan);
  if (flags.objective !== undefined && !objectives.has(flags.objective)) {
    throw new CLIError(
      `--objective ${flags.objective}: the plan has no such objective (${objectiveHint(flags.objective, objectives)})`,
      EXIT.usage,
    );
  }
  const { rows, spend, log, notes } = await readActuals(
    loaded.plan,
    files,
    { map, ...(flags.objective === undefined ? {} : { objective: flags.objective }) },
    cwd,
  );
  // A plan lint lets through but whose curve cannot compute: located like a lint error.
  computeFor(loaded, () => rowsOutsideWindow(loaded.plan, rows, log));
  const report = { findings: log.findings(files), omitted: log.omitted() };
  if (log.errors > 0) return { ...report, notes };
  const tracking = computeFor(loaded, () =>
    trackPlan(loaded.plan, rows, { spend, ...(flags.asOf === undefined ? {} : { asOf: flags.asOf }) }),
  );
  return { tracking, ...report, notes };
}
