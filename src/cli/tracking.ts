/**
 * Plan versus actual for `smplan track` and `smplan render --actuals`, read one way for both:
 * the flags become options, plan/actuals.ts reads and checks the files, compute/track.ts
 * checks the rows against each objective's window and tracks. Errors refuse the actuals
 * (exit 1), warnings go to stderr and do not.
 */
import { rowsOutsideWindow, trackPlan, type TrackingResult } from '../compute/track.js';
import { CLIError, EXIT } from './errors.js';
import {
  ACTUAL_COLUMNS,
  formatActualsFinding,
  inFileOrder,
  objectiveHint,
  objectiveIds,
  readActuals,
  type ActualColumn,
  type ActualsFinding,
  type ColumnMap,
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

/** Actuals with errors: exit 1, every error listed (as PlanInvalidError does for plans). */
export class ActualsInvalidError extends CLIError {
  constructor(readonly findings: ActualsFinding[]) {
    const errors = findings.filter((f) => f.severity === 'error').length;
    super(`the actual figures have ${plural(errors, 'error')}:\n${listed(findings).join('\n')}`, EXIT.invalid, {
      hint: 'Fix those rows (or leave them out of the export), then run this again.',
    });
    this.name = 'ActualsInvalidError';
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
    if (!(ACTUAL_COLUMNS as readonly string[]).includes(key)) {
      const guess = didYouMean(key, ACTUAL_COLUMNS);
      throw new CLIError(
        `--map: "${key}" is not a column smplan reads${guess ? ` (did you mean ${guess}?)` : ''}; map date, objective or value, e.g. --map date=Dato,value=Reach`,
        EXIT.usage,
      );
    }
    if (name === '')
      throw new CLIError(`--map: give the export's column name for ${key}, e.g. ${key}=Name`, EXIT.usage);
    if (map[key as ActualColumn] !== undefined) throw new CLIError(`--map: ${key} is mapped twice`, EXIT.usage);
    map[key as ActualColumn] = name;
  }
  return map;
}

/** Reads the --actuals files, checks them and tracks the plan; the warnings go to stderr. */
export async function readTracking(loaded: LoadedPlan, flags: TrackingFlags, io: Io): Promise<TrackingResult> {
  if (!flags.actuals?.length) throw new CLIError('give the actual figures with --actuals CSV', EXIT.usage);
  const { tracking, findings, notes } = await trackActuals(loaded, flags, io.cwd);
  if (!tracking) throw new ActualsInvalidError(findings);
  const e = colorsFor(io, 'stderr');
  // Which columns were read, when found by their names in the plan's language.
  for (const note of notes) writeLine(io.stderr, note);
  for (const w of listed(findings)) writeLine(io.stderr, w.replace('  warning  ', `  ${e.yellow('warning')}  `));
  return tracking;
}

/** Findings listed per actuals file; past them (an export of a million duplicate rows) they are counted. */
export const LISTED_PER_FILE = 100;

/** The findings as lines, at most LISTED_PER_FILE a file, then one line counting the rest by severity. */
function listed(findings: readonly ActualsFinding[]): string[] {
  const lines: string[] = [];
  const shown = new Map<string, number>();
  const rest = new Map<string, { error: number; warning: number }>();
  for (const f of findings) {
    const n = shown.get(f.file) ?? 0;
    if (n < LISTED_PER_FILE) {
      shown.set(f.file, n + 1);
      lines.push(formatActualsFinding(f));
      continue;
    }
    const more = rest.get(f.file) ?? { error: 0, warning: 0 };
    more[f.severity]++;
    rest.set(f.file, more);
  }
  for (const [file, more] of rest) {
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
): Promise<{ tracking?: TrackingResult; findings: ActualsFinding[]; notes: string[] }> {
  const files = flags.actuals ?? [];
  const map = parseColumnMap(flags.map);
  const objectives = objectiveIds(loaded.plan);
  if (flags.objective !== undefined && !objectives.has(flags.objective)) {
    throw new CLIError(
      `--objective ${flags.objective}: the plan has no such objective (${objectiveHint(flags.objective, objectives)})`,
      EXIT.usage,
    );
  }
  const {
    rows,
    findings: read,
    notes,
  } = await readActuals(
    loaded.plan,
    files,
    { map, ...(flags.objective === undefined ? {} : { objective: flags.objective }) },
    cwd,
  );
  // A plan lint lets through but whose curve cannot compute: located like a lint error.
  const findings = inFileOrder([...read, ...computeFor(loaded, () => rowsOutsideWindow(loaded.plan, rows))], files);
  if (findings.some((f) => f.severity === 'error')) return { findings, notes };
  const tracking = computeFor(loaded, () =>
    trackPlan(loaded.plan, rows, flags.asOf === undefined ? {} : { asOf: flags.asOf }),
  );
  return { tracking, findings, notes };
}
