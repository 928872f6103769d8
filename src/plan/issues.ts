/** Turns zod issues into plan findings a consultant understands. */
import type { z } from 'zod';
import type { PlanPath } from '../diagnostics.js';
import type { Anchor } from './positions.js';
import { planSchema } from './schema.js';
import { didYouMean } from './suggest.js';

export interface Explained {
  path: PlanPath;
  rule: string;
  message: string;
  anchor: Anchor;
}

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

/** `limit`: explain at most this many unknown keys of one mapping (each costs a did-you-mean). */
export function explainIssue(issue: Issue, data: unknown, limit = Infinity): Explained[] {
  const path = issue.path as PlanPath;
  const key = path.at(-1);
  const name = typeof key === 'string' ? `\`${key}\`` : path.length === 0 ? 'the plan' : 'this entry';
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = objectKeysAt(planSchema, path);
      return issue.keys.slice(0, limit).map((k) => {
        const split = splitProse(data, path, k);
        if (split)
          return {
            path: [...path, k],
            rule: 'unknown-key',
            message: `unknown key \`${k}\`${split}`,
            anchor: 'key' as const,
          };
        const guess = known ? didYouMean(k, known) : undefined;
        const hint = guess ? ` (did you mean \`${guess}\`?)` : known ? ` (expected one of: ${known.join(', ')})` : '';
        return {
          path: [...path, k],
          rule: 'unknown-key',
          message: `unknown key \`${k}\`${hint}`,
          anchor: 'key' as const,
        };
      });
    }
    case 'invalid_type': {
      const input = valueAt(data, path);
      if (input === undefined) {
        return [{ path, rule: 'schema-required', message: `missing ${name}: it is required here`, anchor: 'value' }];
      }
      return [
        {
          path,
          rule: 'schema-type',
          message: `${name} must be ${article(issue.expected)}, not ${describe(input)}`,
          anchor: 'value',
        },
      ];
    }
    case 'invalid_value': {
      if (issue.values.length === 1 && !isDefaultMessage(issue.message)) {
        return [{ path, rule: 'schema-value', message: issue.message, anchor: 'value' }];
      }
      const input = valueAt(data, path);
      const options = issue.values.map((v) => String(v));
      if (input === undefined) {
        return [
          { path, rule: 'schema-required', message: `missing ${name}: one of ${options.join(', ')}`, anchor: 'value' },
        ];
      }
      const guess = typeof input === 'string' ? didYouMean(input, options) : undefined;
      const hint = guess ? ` (did you mean \`${guess}\`?)` : '';
      return [
        {
          path,
          rule: 'schema-value',
          message: `${name} must be one of: ${options.join(', ')}; got ${describe(input)}${hint}`,
          anchor: 'value',
        },
      ];
    }
    case 'invalid_union': {
      // Report the alternative that got furthest: the one whose complaints are not about the type.
      const branches = issue.errors.filter((b) => b.length > 0);
      const typed = branches.find((b) => b.every((i) => i.code !== 'invalid_type' || i.path.length > 0));
      if (typed) return typed.flatMap((i) => explainIssue({ ...i, path: [...path, ...i.path] } as Issue, data));
      const expected = [
        ...new Set(
          branches
            .flat()
            .map((i) => (i.code === 'invalid_type' ? article(i.expected) : undefined))
            .filter(Boolean),
        ),
      ];
      const input = valueAt(data, path);
      const what =
        input === undefined
          ? `missing ${name}`
          : `${name} must be ${expected.join(' or ') || 'something else'}, not ${describe(input)}`;
      return [{ path, rule: input === undefined ? 'schema-required' : 'schema-type', message: what, anchor: 'value' }];
    }
    case 'too_small':
    case 'too_big': {
      const size = isDefaultMessage(issue.message) ? sizeMessage(issue, valueAt(data, path)) : undefined;
      return [
        { path, rule: 'schema-value', message: `${name}: ${size ?? lowerFirst(issue.message)}`, anchor: 'value' },
      ];
    }
    default: {
      const message = isDefaultMessage(issue.message)
        ? `${name}: ${lowerFirst(issue.message)}`
        : `${name}: ${issue.message}`;
      const input = valueAt(data, path);
      const known = typeof key === 'string' && typeof input === 'string' ? KNOWN_VALUES[key]?.() : undefined;
      const guess = known ? didYouMean(input as string, known) : undefined;
      return [
        {
          path,
          rule: 'schema-value',
          message: guess ? `${message} (did you mean \`${guess}\`?)` : message,
          anchor: 'value',
        },
      ];
    }
  }
}

/**
 * `{ task: Review X, Y and Z, owner: cm }`: in a flow mapping a comma ends the value, so the rest
 * of the prose reads as a key with no value. Such a key (words with spaces, no value) after a text
 * value gets a hint to quote the whole value.
 */
function splitProse(data: unknown, path: PlanPath, key: string): string | undefined {
  const parent = valueAt(data, path);
  if (!parent || typeof parent !== 'object' || Array.isArray(parent)) return undefined;
  const map = parent as Record<string, unknown>;
  if (map[key] !== null || !/\s/.test(key.trim())) return undefined;
  // Walk back over earlier pieces of the same prose (keys with no value) to the text value they split.
  const keys = Object.keys(map);
  const pieces = [key];
  let at = keys.indexOf(key) - 1;
  while (at >= 0 && map[keys[at]!] === null) pieces.unshift(keys[at--]!);
  const before = keys[at];
  const text = before === undefined ? undefined : map[before];
  if (before === undefined || (typeof text !== 'string' && typeof text !== 'number')) return undefined;
  const whole = [String(text), ...pieces].join(', ').replace(/"/g, '\\"');
  return `: a comma inside { … } ends the value of \`${before}\`, so the rest reads as a key; quote the value: ${before}: "${whole}"`;
}

/** Values checked by a refinement rather than a list: suggest the closest for a typo (Europe/Olso). */
const KNOWN_VALUES: Record<string, () => string[]> = {
  timezone: () => Intl.supportedValuesOf('timeZone'),
  currency: () => Intl.supportedValuesOf('currency'),
};

/** "too long: 5,000 characters, at most 500" rather than zod's "Too big: expected string to have <=500 characters". */
function sizeMessage(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall, input: unknown): string | undefined {
  const big = issue.code === 'too_big';
  const limit = Number(big ? (issue as z.core.$ZodIssueTooBig).maximum : (issue as z.core.$ZodIssueTooSmall).minimum);
  const bound = `${big ? 'at most' : 'at least'} ${limit.toLocaleString('en-US')}`;
  if (issue.origin === 'string' && typeof input === 'string') {
    return `too ${big ? 'long' : 'short'}: ${[...input].length.toLocaleString('en-US')} characters, ${bound}`;
  }
  if (issue.origin === 'array' && Array.isArray(input))
    return `${input.length.toLocaleString('en-US')} entries, ${bound}`;
  if (issue.origin === 'number' && typeof input === 'number') {
    return issue.inclusive === false
      ? `must be ${big ? 'below' : 'above'} ${limit.toLocaleString('en-US')}`
      : `must be ${bound}`;
  }
  return undefined;
}

function isDefaultMessage(message: string): boolean {
  return /^(Invalid|Too (small|big)|Expected)/.test(message);
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function article(type: string): string {
  const names: Record<string, string> = {
    number: 'a number',
    string: 'text',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping (key: value)',
    int: 'a whole number',
  };
  return names[type] ?? `a ${type}`;
}

export function describe(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Uint8Array) return 'binary data';
  switch (typeof value) {
    case 'string': {
      const shown = value.length > 40 ? value.slice(0, 37) + '...' : value;
      return `the text "${shown.replace(/[\u0000-\u001f\u007f]/g, '?')}"`;
    }
    case 'number':
      return Number.isNaN(value) ? 'NaN' : Number.isFinite(value) ? `the number ${value}` : 'infinity';
    case 'boolean':
      return String(value);
    case 'object':
      return 'a mapping';
    default:
      return typeof value;
  }
}

export function valueAt(data: unknown, path: PlanPath): unknown {
  let v: unknown = data;
  for (const part of path) {
    if (v === null || typeof v !== 'object') return undefined;
    if (!Object.hasOwn(v, part)) return undefined;
    v = (v as Record<string | number, unknown>)[part];
  }
  return v;
}

/** The keys an object schema allows at a plan path (for "did you mean"). */
export function objectKeysAt(schema: AnySchema, path: PlanPath): string[] | undefined {
  let current: AnySchema | undefined = schema;
  for (const part of path) {
    current = current && step(current, part);
    if (!current) return undefined;
  }
  const obj = current && unwrapToObject(current);
  return obj ? Object.keys(obj) : undefined;
}

function def(schema: AnySchema): Record<string, unknown> & { type: string } {
  return schema._zod.def as unknown as Record<string, unknown> & { type: string };
}

function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  for (let i = 0; i < 10; i++) {
    const d = def(s);
    if (d.type === 'optional' || d.type === 'nullable' || d.type === 'default' || d.type === 'readonly')
      s = d.innerType as AnySchema;
    else if (d.type === 'pipe') s = d.in as AnySchema;
    else break;
  }
  return s;
}

function unwrapToObject(schema: AnySchema): Record<string, AnySchema> | undefined {
  const s = unwrap(schema);
  const d = def(s);
  if (d.type === 'object') return d.shape as Record<string, AnySchema>;
  if (d.type === 'union') {
    for (const o of d.options as AnySchema[]) {
      const shape = unwrapToObject(o);
      if (shape) return shape;
    }
  }
  return undefined;
}

function step(schema: AnySchema, part: string | number): AnySchema | undefined {
  const s = unwrap(schema);
  const d = def(s);
  if (typeof part === 'number') {
    if (d.type === 'array') return d.element as AnySchema;
    if (d.type === 'union') {
      for (const o of d.options as AnySchema[]) {
        const r = step(o, part);
        if (r) return r;
      }
    }
    return undefined;
  }
  const shape = unwrapToObject(s);
  return shape?.[part];
}
