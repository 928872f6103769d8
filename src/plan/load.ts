/**
 * Reads a plan file: YAML with node positions, validated by the zod schema, with
 * its posts_csv files read relative to the plan. Problems become findings that
 * point at FILE:LINE:COL; only a file that cannot be read at all is an exception.
 */
import path from 'node:path';
import type { Node, Scalar } from 'yaml';
import { BoundReached, boundsCounter, checkBounds, type Breach } from './bounds.js';
import { FileReadError } from '../errors.js';
import { formatPath, type Finding, type PlanPath, type Severity } from '../diagnostics.js';
import { formatBytes, InputTooLargeError, readInputFile } from '../files.js';
import type { Anchor, Position } from './positions.js';
import { planSchema, type Plan, type PostSample } from './schema.js';
import { readPlanPosts, type PostsCsvReads, type SideFiles } from './posts-csv.js';
import { explainIssue } from './issues.js';
import { quickRead } from './quick-read.js';

/** A plan is a text document of a few hundred lines; far larger input is refused before parsing. */
export const MAX_PLAN_BYTES = 5 * 1024 * 1024;
/** Bounds the work a YAML alias bomb can cause. */
const MAX_ALIAS_COUNT = 200;
/** Schema findings listed per plan. */
const MAX_SCHEMA_FINDINGS = 200;

/** The parsed source, kept so that every later finding can point at its node. */
export interface PlanSource {
  /** The path as the user gave it, used in messages. */
  file: string;
  /** Absolute folder of the plan: posts_csv and other files are read relative to it. */
  dir: string;
  text: string;
  /** Where a plan path is in the text: from the quick read's node positions when it has them, else from the positioned parse. */
  locate: (where: PlanPath, anchor?: Anchor) => Position;
}

/** A plan that passed the schema: typed data plus everything read from its side files. */
export interface LoadedPlan extends PlanSource {
  plan: Plan;
  /** Posts read from each `posts_csv`, keyed by the path exactly as written in the plan. */
  postsCsv: ReadonlyMap<string, PostSample[]>;
}

export interface LoadOutcome {
  findings: Finding[];
  source?: PlanSource;
  /** Present when the file parsed and matched the schema (rule findings may still follow). */
  loaded?: LoadedPlan;
}

/** Makes findings for one source: the one way to turn a plan path into FILE:LINE:COL. */
export function findingAt(
  source: PlanSource,
  where: PlanPath,
  severity: Severity,
  rule: string,
  message: string,
  anchor: Anchor = 'value',
): Finding {
  const { line, column } = source.locate(where, anchor);
  return { file: source.file, line, column, severity, rule, message, path: formatPath(where) };
}

function fileFinding(file: string, rule: string, message: string, line = 1, column = 1): Finding {
  return { file, line, column, severity: 'error', rule, message, path: '' };
}

/**
 * A plan given as text rather than by its path: standard input, a version committed in git, a
 * draft about to be written.
 */
export interface PlanText {
  /** The name its findings carry: a path, `REF:path`, `<stdin>`. */
  file: string;
  text: string | Uint8Array;
  /** Absolute folder its posts_csv paths are relative to; by default the folder of `file`. */
  dir?: string | undefined;
  /** Where its posts_csv files are read from first (a git revision); else from `dir`. */
  sideFiles?: SideFiles | undefined;
}

/** A plan file (a path relative to cwd) or plan text. */
export type PlanInput = string | PlanText;

export type { PostsCsvReads, SideFiles };

export interface LoadOptions {
  /** The posts CSVs this run has read already (a batch lint shares one): see posts-csv.ts. */
  reads?: PostsCsvReads | undefined;
  sideFiles?: SideFiles | undefined;
}

/**
 * Reads one plan to the schema: findings and, when it matched, the loaded plan. Only a file
 * that cannot be read at all throws (FileReadError). The method's rules, the lint config and the
 * plan's directives are the lint layer's: every command reads a plan through lint/check.ts.
 */
export async function loadPlan(input: PlanInput, cwd = process.cwd(), options: LoadOptions = {}): Promise<LoadOutcome> {
  if (typeof input !== 'string') {
    const bytes = typeof input.text === 'string' ? Buffer.from(input.text, 'utf8') : input.text;
    const dir = input.dir ?? path.dirname(path.resolve(cwd, input.file));
    return parsePlan(bytes, input.file, dir, { ...options, sideFiles: input.sideFiles });
  }
  const file = input;
  const absolute = path.resolve(cwd, file);
  let bytes: Buffer;
  try {
    bytes = await readInputFile(absolute, MAX_PLAN_BYTES);
  } catch (err) {
    if (err instanceof InputTooLargeError) {
      const size =
        err.size === undefined
          ? `larger than ${formatBytes(MAX_PLAN_BYTES)}`
          : `${(err.size / 1024 / 1024).toFixed(1)} MB`;
      return {
        findings: [
          fileFinding(file, 'file-size', `the file is ${size}; a plan is at most ${formatBytes(MAX_PLAN_BYTES)}`),
        ],
      };
    }
    throw new FileReadError(file, err);
  }
  return parsePlan(bytes, file, path.dirname(absolute), options);
}

/** Parses plan bytes (already read) into findings and, when valid, a loaded plan. */
async function parsePlan(bytes: Uint8Array, file: string, dir: string, options: LoadOptions): Promise<LoadOutcome> {
  const decoded = decode(bytes, file);
  if ('finding' in decoded) return { findings: [decoded.finding] };
  const text = decoded.text;
  if (text.trim() === '') {
    return {
      findings: [
        fileFinding(
          file,
          'empty-file',
          'the file is empty: a plan needs at least `smplan: 1`, `plan` and `goals` (run `smplan init`)',
        ),
      ],
    };
  }

  // A huge mapping or flow list, deep nesting or an alias bomb is refused at its line before the
  // positioned parse; the quick read counts while it reads, so a plan it takes is parsed once.
  let quick: ReturnType<typeof quickRead>;
  let breach: Breach | undefined;
  try {
    quick = quickRead(text, boundsCounter(text));
  } catch (err) {
    if (!(err instanceof BoundReached)) throw err;
    breach = err.breach;
  }
  if (!quick) breach ??= checkBounds(text);
  if (breach) return { findings: [fileFinding(file, 'file-size', breach.message, breach.line, breach.column)] };

  if (quick) {
    const parsed = planSchema.safeParse(quick.data);
    // A plan that does not match the schema is read again with positions: its findings come from there.
    if (parsed.success) {
      let locate = quick.locate;
      if (!locate) {
        const Y = await import('./syntax.js');
        const syntax = memo(() => Y.parseSyntax(text));
        locate = (where, anchor) => Y.locate(syntax().doc, syntax().lineCounter, where, anchor);
      }
      return withPostsCsv({ file, dir, text, locate }, parsed.data, [], options);
    }
  }

  const Y = await import('./syntax.js');
  const { at, foreignTags, keyAt, unclosedOpening, visit } = Y;
  const { doc, lineCounter } = Y.parseSyntax(text);
  const source: PlanSource = { file, dir, text, locate: (where, anchor) => Y.locate(doc, lineCounter, where, anchor) };
  const findings: Finding[] = [];
  // After a tab or a bad indent the parser reports every line it then misreads: those are one
  // mistake, reported once at its cause with the lines it affects.
  let cause: { finding: Finding; lines: Set<number> } | undefined;
  const causes: NonNullable<typeof cause>[] = [];
  for (const e of [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0])) {
    const opening = unclosedOpening(doc, text, e);
    const { line, column } = at(lineCounter, opening?.offset ?? e.pos[0]);
    const rule = e.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax';
    const duplicate = e.code === 'DUPLICATE_KEY' ? keyAt(doc, e.pos[0]) : undefined;
    const message =
      opening?.message ??
      (duplicate !== undefined
        ? `\`${duplicate.slice(0, 60)}\` appears twice in this mapping: each key may appear once`
        : yamlMessage(e.code, e.message));
    const finding: Finding = { file, line, column, severity: 'error', rule, message, path: '' };
    // Each tab and each unclosed bracket is a mistake of its own; what the parser misreads
    // after it (bad indents, "nested mappings" in the bracket) is its consequence.
    if (e.code === 'TAB_AS_INDENT' || opening) {
      causes.push((cause = { finding, lines: new Set([line]) }));
    } else if (cause && rule === 'yaml-syntax' && !opening) {
      cause.lines.add(line);
      continue;
    }
    findings.push(finding);
  }
  for (const { finding, lines } of causes) {
    if (lines.size < 2) continue;
    const last = Math.max(...lines);
    finding.message += `; it throws off the reading of ${lines.size} lines (${finding.line}\u2013${last}): fix this first`;
  }
  for (const key of Y.duplicateKeys(doc)) {
    const { line, column } = at(lineCounter, key.range?.[0]);
    const message = `\`${String((key as Scalar).value).slice(0, 60)}\` appears twice in this mapping: each key may appear once`;
    findings.push({ file, line, column, severity: 'error', rule: 'yaml-duplicate-key', message, path: '' });
  }
  if (findings.length) return { findings: dedupe(findings), source };

  const bomb = Y.aliasExpansionBreach(doc);
  if (bomb) {
    const { line, column } = at(lineCounter, bomb.range?.[0]);
    const message = 'too many YAML aliases: the document would expand beyond any real plan (an alias bomb?)';
    return { findings: [{ file, line, column, severity: 'error', rule: 'yaml-syntax', message, path: '' }], source };
  }

  // !!binary, !!set, !!timestamp or a custom tag would reach the schema as a Buffer, Set or Date.
  for (const { offset, tag } of foreignTags(doc, text)) {
    const { line, column } = at(lineCounter, offset);
    const message = `the YAML tag ${tag.slice(0, 40)} is not part of a plan: remove it and write plain text, numbers, lists or mappings`;
    findings.push({ file, line, column, severity: 'error', rule: 'yaml-syntax', message, path: '' });
  }
  if (findings.length) return { findings, source };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    // An unresolved alias names its anchor; point at that alias, else at the first one.
    const unresolved = /^Unresolved alias[^:]*: (.*)$/.exec((err as Error).message)?.[1];
    let where: Node | undefined;
    visit(doc, {
      Alias: (_, node) => {
        if (unresolved !== undefined && node.source !== unresolved) return undefined;
        where = node as unknown as Node;
        return visit.BREAK;
      },
    });
    const { line, column } = at(lineCounter, where?.range?.[0]);
    const message =
      unresolved !== undefined
        ? `the alias *${unresolved.slice(0, 60)} has no anchor &${unresolved.slice(0, 60)} before it`
        : /alias count/i.test((err as Error).message)
          ? 'too many YAML aliases: the document would expand beyond any real plan (an alias bomb?)'
          : `cannot read the YAML: ${(err as Error).message}`;
    return { findings: [{ file, line, column, severity: 'error', rule: 'yaml-syntax', message, path: '' }], source };
  }

  const parsed = planSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    // Each finding is located in the document; thousands of them (a generated file) would take minutes.
    // Past the limit, problems are only counted.
    let more = 0;
    for (const issue of parsed.error.issues) {
      const room = MAX_SCHEMA_FINDINGS - findings.length;
      if (room <= 0) {
        more += issue.code === 'unrecognized_keys' ? issue.keys.length : explainIssue(issue, data, 0).length;
        continue;
      }
      const explained = explainIssue(issue, data, room);
      for (const e of explained.slice(0, room))
        findings.push(findingAt(source, e.path, 'error', e.rule, e.message, e.anchor));
      more += Math.max(0, explained.length - room);
      if (issue.code === 'unrecognized_keys') more += Math.max(0, issue.keys.length - room);
    }
    if (more > 0) {
      const last = findings[findings.length - 1]!;
      findings.push({
        ...last,
        message: `${more.toLocaleString('en')} more problem${more === 1 ? '' : 's'} of the plan's shape not listed: fix these first`,
      });
    }
    return { findings: dedupe(withoutMisspeltRequired(findings)), source };
  }

  return withPostsCsv(source, parsed.data, findings, options);
}

function memo<T>(make: () => T): () => T {
  let value: { made: T } | undefined;
  return () => (value ??= { made: make() }).made;
}

/** Reads the plan's posts_csv files: the last step of loading a plan that matched the schema. */
async function withPostsCsv(
  source: PlanSource,
  plan: Plan,
  findings: Finding[],
  options: LoadOptions,
): Promise<LoadOutcome> {
  const { posts, problems } = await readPlanPosts(source.dir, plan, options);
  for (const p of problems) findings.push(findingAt(source, p.where, 'error', 'posts-csv', p.message));
  return { findings, source, loaded: { ...source, plan, postsCsv: posts } };
}

function decode(bytes: Uint8Array, file: string): { text: string } | { finding: Finding } {
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) {
    return { finding: fileFinding(file, 'not-text', 'this is a binary file, not a YAML plan') };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text };
  } catch {
    // Point at the line holding the first byte that is not UTF-8.
    let good = 0;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let lo = 0;
    let hi = bytes.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      try {
        decoder.decode(bytes.subarray(0, mid), { stream: true });
        lo = mid;
      } catch {
        hi = mid - 1;
      }
      good = lo;
    }
    const line = Buffer.from(bytes.subarray(0, good)).toString('utf8').split('\n').length;
    return { finding: fileFinding(file, 'not-text', 'the file is not UTF-8 text: save it as UTF-8', line) };
  }
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'TAB_AS_INDENT') return 'a tab is used for indentation: YAML indents with spaces';
  if (code === 'MULTIPLE_DOCS')
    return 'a plan is one YAML document: remove this `---` and what follows, or move it to a file of its own';
  if (/call stack/i.test(first)) return 'the YAML is nested too deeply to be a plan';
  if (code === 'DUPLICATE_KEY') return `${first}: each key may appear once in a mapping`;
  return first;
}

/**
 * A misspelt key is one mistake: "unknown key `dedline` (did you mean `deadline`?)" already
 * says what "missing `deadline`" would, so the latter goes.
 */
function withoutMisspeltRequired(findings: Finding[]): Finding[] {
  const meant = new Set<string>();
  for (const f of findings) {
    const guess = f.rule === 'unknown-key' ? /\(did you mean `([^`]+)`\?\)/.exec(f.message)?.[1] : undefined;
    if (guess !== undefined) meant.add(f.path.replace(/(^|\.)[^.[\]]+$/, (_, dot: string) => `${dot}${guess}`));
  }
  return meant.size ? findings.filter((f) => !(f.rule === 'schema-required' && meant.has(f.path))) : findings;
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.line}:${f.column}:${f.rule}:${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
