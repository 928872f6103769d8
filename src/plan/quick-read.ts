/**
 * The quick read of a plan. js-yaml reads a plan several times faster than the positioned
 * parse (`yaml` with node ranges, about 100 ms of a cold `smplan lint` on a 40 KB plan), and a
 * plan without findings never needs a position. So a plan is read quickly first, and the
 * positioned parse runs only when a finding needs its line and column, or when the quick
 * read is not sure to agree with it:
 * - text with a tag, an anchor or a directive takes the positioned parse, which bounds
 *   aliases, refuses tags a plan has no use for and knows YAML 1.1;
 * - scalars resolve by the YAML 1.2 core schema exactly as `yaml` resolves them (js-yaml's
 *   own core schema also reads 0b101 and refuses -.5);
 * - a quoted scalar that runs on to the next line takes the positioned parse too: js-yaml
 *   accepts continuation lines that the spec (and `yaml`) refuse, so an unclosed quote
 *   could swallow the next key unnoticed;
 * - any error (syntax, duplicate key, several documents) is left to the positioned parse to
 *   report.
 * test/plan/quick-read.test.ts holds the two parsers to the same data.
 */
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';

// The YAML 1.2 core schema as `yaml` implements it (yaml/dist/schema/core).
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const INT_OCT = /^0o[0-7]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

const coreNull = new Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (s: string | null) => s === null || NULL.test(s),
  construct: () => null,
  predicate: (v: unknown) => v === null,
});

const coreBool = new Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (s: string | null) => s !== null && BOOL.test(s),
  construct: (s: string) => s[0] === 't' || s[0] === 'T',
  predicate: (v: unknown) => typeof v === 'boolean',
});

const coreInt = new Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (s: string | null) => s !== null && (INT.test(s) || INT_OCT.test(s) || INT_HEX.test(s)),
  construct: (s: string) => (INT_OCT.test(s) ? parseInt(s.slice(2), 8) : INT_HEX.test(s) ? parseInt(s.slice(2), 16) : parseInt(s, 10)),
  predicate: (v: unknown) => Number.isInteger(v),
});

const coreFloat = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (s: string | null) => s !== null && (FLOAT_SPECIAL.test(s) || FLOAT_EXP.test(s) || FLOAT.test(s)),
  construct: (s: string) => {
    if (!FLOAT_SPECIAL.test(s)) return parseFloat(s);
    if (s.slice(-3).toLowerCase() === 'nan') return NaN;
    return s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  },
  predicate: (v: unknown) => typeof v === 'number',
});

const CORE_SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [coreNull, coreBool, coreInt, coreFloat] });

/** A tag (`!x`, `!!binary`) or an anchor (`&a`) where a node may start, or a directive (`%YAML 1.1`). */
const NEEDS_POSITIONED_PARSE = /(?:^|[\s[{,])[!&][^\s]|^%/m;

/** A single quote where a node may start; a plain scalar's apostrophe (we're) is not one. */
const SINGLE_QUOTE_START = /(?:^|[\s[{,])'/g;
const CLOSED_SINGLE = /'(?:[^'\n]|'')*'/y;

/** A line that opens a block scalar (`key: >-`, `- |`): the lines indented below it are text. */
const BLOCK_SCALAR = /(?:^|[\s:-])[|>][-+1-9]{0,2}[ \t]*(?:#.*)?$/;
const indentOf = (line: string) => line.length - line.trimStart().length;

/** True when a quoted scalar may continue on the next line (over-approximated: then the positioned parse runs). */
function quotedAcrossLines(text: string): boolean {
  let blockIndent = -1;
  for (const line of text.split('\n')) {
    if (blockIndent >= 0) {
      if (line.trim() === '' || indentOf(line) > blockIndent) continue;
      blockIndent = -1;
    }
    // An odd number of unescaped double quotes leaves one open (a quote in a comment costs only speed).
    let doubles = 0;
    for (let i = line.indexOf('"'); i !== -1; i = line.indexOf('"', i + 1)) {
      let backslashes = 0;
      while (line[i - 1 - backslashes] === '\\') backslashes++;
      if (backslashes % 2 === 0) doubles++;
    }
    if (doubles % 2 === 1) return true;
    for (const m of line.matchAll(SINGLE_QUOTE_START)) {
      CLOSED_SINGLE.lastIndex = m.index + m[0].length - 1;
      if (!CLOSED_SINGLE.test(line)) return true;
    }
    if (BLOCK_SCALAR.test(line)) blockIndent = indentOf(line);
  }
  return false;
}

/** The plan's data, or undefined when only the positioned parse may judge the text. */
export function quickRead(text: string): { data: unknown } | undefined {
  if (NEEDS_POSITIONED_PARSE.test(text) || quotedAcrossLines(text)) return undefined;
  try {
    // An empty document is null to `yaml`, undefined to js-yaml.
    return { data: load(text, { schema: CORE_SCHEMA, json: false }) ?? null };
  } catch {
    return undefined;
  }
}
