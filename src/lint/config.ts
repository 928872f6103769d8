/**
 * The lint configuration, as ESLint and yamllint users expect one: `smplan.config.yaml` or
 * `.smplanrc.yaml`, found upward from each plan (or named with --config), that turns rules off,
 * changes their severity or sets their thresholds:
 *
 *   rules:
 *     competitor-count: off
 *     achievable-target: { severity: error, max_growth: 2 }
 *
 * Findings that make a plan unreadable or uncomputable (YAML, schema, references, …) cannot
 * be turned off or made warnings.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Document } from 'yaml';
import * as z from 'zod';
import { FileReadError, UsageError } from '../errors.js';
import { checkBounds } from '../plan/bounds.js';
import { didYouMean } from '../plan/suggest.js';
import { DIRECTIVE_RULE, LOADER_RULES } from './catalog.js';
import { UNUSED_DISABLE } from './directives.js';
import type { PlanPath, Severity } from '../diagnostics.js';
import type { Rule } from './rule.js';
import { rules } from './rules/index.js';

export const CONFIG_FILES = ['smplan.config.yaml', '.smplanrc.yaml'] as const;
const MAX_CONFIG_BYTES = 256 * 1024;

export const RULE_LEVELS = ['off', 'warning', 'error'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

/** How one rule runs under a config: its severity ('off': not at all) and its options. */
export interface RuleSetting {
  level: RuleLevel;
  options: object;
}

export interface LintConfig {
  /** The config file, or undefined for the built-in defaults. */
  file?: string;
  rules: ReadonlyMap<string, RuleSetting>;
}

export const DEFAULT_CONFIG: LintConfig = { rules: new Map() };

/** A config file that cannot be used: one located line, a usage error (it is the run's setup, not the plan). */
export class ConfigError extends UsageError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}:${column}  error  ${problem}  config`);
    this.name = 'ConfigError';
  }
}

const level = z.enum(RULE_LEVELS);

/** The config's shape for editors: every rule id, with its options where it has any. */
export function configSchema() {
  const ruleEntries: Record<string, z.ZodType> = {};
  for (const rule of [...rules, DIRECTIVE_RULE]) {
    if (isProtected(rule.id)) continue;
    const options = (rule as Rule).options as z.ZodObject | undefined;
    const describe = `${rule.description} (default: ${rule.severity})`;
    ruleEntries[rule.id] = (
      options
        ? z.union([level, options.extend({ severity: level.optional() }).partial()])
        : z.union([level, z.strictObject({ severity: level.optional() })])
    ).meta({ description: describe });
  }
  return z.strictObject({
    $schema: z.string().optional(),
    rules: z
      .strictObject(ruleEntries)
      .partial()
      .optional()
      .meta({ description: 'off, warning or error per rule id; thresholds for rules that have them' }),
  });
}

export const CONFIG_SCHEMA_ID = 'https://smplan.dev/schema/config-v1.json';

/** The config's JSON Schema for editors (draft-07, as the plan's). */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema(), { target: 'draft-7', unrepresentable: 'any', io: 'input' }) as Record<
    string,
    unknown
  >;
  return { ...schema, $id: CONFIG_SCHEMA_ID, title: 'smplan lint configuration' };
}

/** The rules whose findings mean the plan cannot be read or computed: never off, never warnings. */
export function isProtected(id: string): boolean {
  return LOADER_RULES.some((r) => r.id === id) || rules.some((r) => r.id === id && r.severity === 'error');
}

/** The config for a plan: --config FILE, else the first config file upward from the plan's folder. */
export async function findConfig(
  planFile: string,
  cwd: string,
  cache = new Map<string, Promise<string | undefined>>(),
): Promise<string | undefined> {
  let dir = path.dirname(path.resolve(cwd, planFile));
  const seen: string[] = [];
  for (;;) {
    const known = cache.get(dir);
    if (known) return settle(known, seen, cache);
    seen.push(dir);
    for (const name of CONFIG_FILES) {
      const candidate = path.join(dir, name);
      const info = await stat(candidate).catch(() => undefined);
      if (info?.isFile()) return settle(trusted(candidate, dir, info.uid), seen, cache);
    }
    const parent = path.dirname(dir);
    if (parent === dir) return settle(Promise.resolve(undefined), seen, cache);
    dir = parent;
  }
}

/**
 * A config found (not named) in a folder anyone can write to, and that another user owns (a
 * shared temporary folder such as /tmp), could have been put there by anyone: it is refused, as
 * git refuses a repository another user owns (safe.directory). Naming it with --config uses it.
 */
async function trusted(file: string, dir: string, fileOwner: number): Promise<string> {
  const me = process.getuid?.();
  if (me === undefined) return file;
  const folder = await stat(dir).catch(() => undefined);
  const writableByAll = folder !== undefined && (folder.mode & 0o002) !== 0;
  if (writableByAll && (fileOwner !== me || folder.uid !== me)) {
    throw new UsageError(
      `${file}: not used: ${dir} is writable by anyone and ${fileOwner !== me ? 'the file' : 'the folder'} belongs to another user, so anyone could have put this config there`,
      { hint: 'Name it with --config FILE if you trust it, or move the plan to a folder of your own.' },
    );
  }
  return file;
}

/** Remembers the answer for every folder walked through, so many plans in one tree look once. */
function settle(found: Promise<string | undefined>, dirs: string[], cache: Map<string, Promise<string | undefined>>) {
  for (const d of dirs) cache.set(d, found);
  return found;
}

export async function loadConfig(file: string, cwd: string): Promise<LintConfig> {
  const absolute = path.resolve(cwd, file);
  let text: string;
  try {
    const info = await stat(absolute);
    if (!info.isFile())
      throw Object.assign(new Error('not a regular file'), { code: info.isDirectory() ? 'EISDIR' : 'ENOTREG' });
    if (info.size > MAX_CONFIG_BYTES)
      throw new Error(`the file is larger than ${MAX_CONFIG_BYTES / 1024} KB; a config is a few lines`);
    text = await readFile(absolute, 'utf8');
  } catch (err) {
    throw new FileReadError(file, err);
  }
  return parseConfig(text, file);
}

/** Parses and checks a config's text; every problem is a ConfigError at its line. */
export async function parseConfig(text: string, file: string): Promise<LintConfig> {
  // The positioned parser loads only when a config exists: most lint runs have none.
  const { isMap, isScalarNode: isScalar, LineCounter, locate, parseDocument } = await import('../plan/syntax.js');
  const { aliasExpansionBreach } = await import('../plan/syntax.js');
  // The plan's bounds hold for a config too: deep nesting or an alias bomb is refused at its line
  // before the positioned parse (which would overflow the stack or expand it).
  const breach = checkBounds(text);
  if (breach)
    throw new ConfigError(file, breach.line, breach.column, breach.message.replace(/\b(a|the) plan\b/, '$1 config'));
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const fail = (where: PlanPath, message: string, anchor: 'key' | 'value' = 'value'): never => {
    const { line, column } = locate(doc as Document, lineCounter, where, anchor);
    throw new ConfigError(file, line, column, message);
  };
  const failAt = (offset: number | undefined, message: string): never => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    throw new ConfigError(file, line, col, message);
  };
  const first = doc.errors[0];
  if (first) {
    failAt(
      first.pos[0],
      first.code === 'MULTIPLE_DOCS'
        ? 'a config is one YAML document: remove this `---` and what follows'
        : first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
    );
  }
  const bomb = aliasExpansionBreach(doc as Document);
  if (bomb)
    failAt(bomb.range?.[0], 'too many YAML aliases: the config would expand beyond any real one (an alias bomb?)');
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 }) ?? {};
  } catch (err) {
    const message = (err as Error).message;
    failAt(
      0,
      /alias count/i.test(message)
        ? 'too many YAML aliases: a config needs few or none'
        : `cannot read the YAML: ${message.split('\n')[0]}`,
    );
  }
  const known = new Map<string, Rule>(rules.map((r) => [r.id, r as Rule]));
  known.set(UNUSED_DISABLE, { ...DIRECTIVE_RULE, check: () => [] });
  const allIds = [...LOADER_RULES.map((r) => r.id), ...known.keys()];

  // Rule ids first, so a typo gets its did-you-mean rather than a schema message.
  const ruleMap = doc.get('rules', true);
  if (isMap(ruleMap)) {
    for (const pair of ruleMap.items) {
      const id = isScalar(pair.key) ? String(pair.key.value) : '';
      if (known.has(id) || LOADER_RULES.some((r) => r.id === id)) continue;
      const guess = didYouMean(id, allIds);
      fail(
        ['rules', id],
        `unknown rule "${id}"${guess ? `: did you mean "${guess}"?` : ' (the rules are listed in docs/rules.md)'}`,
        'key',
      );
    }
  }
  for (const id of Object.keys(asRecord(asRecord(data).rules))) {
    if (!isProtected(id)) continue;
    fail(
      ['rules', id],
      `rule "${id}" cannot be configured: its findings mean the plan cannot be read or computed`,
      'key',
    );
  }

  const parsed = configSchema().safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const message =
      issue.code === 'unrecognized_keys'
        ? unknownOption(issue.keys[0]!, where, known)
        : issue.code === 'invalid_union'
          ? "expected off, warning or error, or a mapping of the rule's options"
          : issue.message;
    // A mapping that fails is a mapping meant: its option's own problem says more than the union's.
    const option =
      issue.code === 'invalid_union' ? issue.errors.map((branch) => branch[0]).find((i) => i?.path.length) : undefined;
    if (option && option.code !== 'unrecognized_keys') {
      const at = option.path.filter((p): p is string | number => typeof p !== 'symbol');
      fail([...where, ...at], `${at.join('.')}: ${option.message}`);
    }
    fail(
      issue.code === 'unrecognized_keys' ? [...where, issue.keys[0]!] : where,
      message,
      issue.code === 'unrecognized_keys' ? 'key' : 'value',
    );
  }

  const settings = new Map<string, RuleSetting>();
  for (const [id, value] of Object.entries(asRecord(asRecord(data).rules))) {
    const rule = known.get(id)!;
    const entry = typeof value === 'string' ? { severity: value } : asRecord(value);
    const { severity, ...options } = entry as { severity?: RuleLevel };
    const resolved = rule.options ? rule.options.parse(options) : {};
    // A band whose ends are crossed would warn on every plan (or on none) without saying why.
    const band = resolved as { min?: unknown; max?: unknown };
    if (typeof band.min === 'number' && typeof band.max === 'number' && band.min > band.max)
      fail(['rules', id, 'min' in options ? 'min' : 'max'], `min (${band.min}) is above max (${band.max})`);
    settings.set(id, { level: severity ?? rule.severity, options: resolved });
  }
  return { file, rules: settings };
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A rule's severity under a config, or undefined when it is off. */
export function severityFor(config: LintConfig, rule: Pick<Rule, 'id' | 'severity'>): Severity | undefined {
  const level = config.rules.get(rule.id)?.level ?? rule.severity;
  return level === 'off' ? undefined : level;
}

/** A rule's options under a config: the config's values over the method's defaults. */
export function optionsFor(config: LintConfig, rule: Rule): object {
  const set = config.rules.get(rule.id);
  if (set) return set.options;
  return rule.options ? rule.options.parse({}) : {};
}

function unknownOption(key: string, where: readonly (string | number)[], known: ReadonlyMap<string, Rule>): string {
  const rule = where[0] === 'rules' ? known.get(String(where[1])) : undefined;
  const shape = (rule?.options as z.ZodObject | undefined)?.shape;
  const names = ['severity', ...Object.keys(shape ?? {})];
  if (!rule)
    return `unknown key "${key}"${didYouMean(key, ['rules']) ? ': did you mean "rules"?' : ' (a config has `rules`)'}`;
  const guess = didYouMean(key, names);
  return `unknown option "${key}" for ${rule.id}${guess ? `: did you mean "${guess}"?` : ` (it takes ${names.join(', ')})`}`;
}

/** The thresholds each rule takes, with the method's defaults (for docs/rules.md). */
export function ruleOptionDefaults(): {
  id: string;
  options: { name: string; default: unknown; description: string }[];
}[] {
  return rules.flatMap((rule) => {
    const shape = (rule.options as z.ZodObject | undefined)?.shape;
    if (!shape) return [];
    const defaults = (rule.options as z.ZodType).parse({}) as Record<string, unknown>;
    const options = Object.entries(shape).map(([name, schema]) => ({
      name,
      default: defaults[name],
      description: (z.globalRegistry.get(schema as z.ZodType)?.description as string | undefined) ?? '',
    }));
    return [{ id: rule.id, options }];
  });
}
