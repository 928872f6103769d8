/**
 * The quick read of a plan. js-yaml reads a plan several times faster than the positioned
 * parse (`yaml` with node ranges, about 100 ms of a cold `smplan lint` on a 40 KB plan), and a
 * plan without findings never needs a position. So a plan is read quickly first, and the
 * positioned parse runs only when a finding needs its line and column, or when the quick
 * read is not sure to agree with it:
 * - text with a tag, an anchor or a directive takes the positioned parse, which bounds
 *   aliases, refuses tags a plan has no use for and knows YAML 1.1;
 * - scalars resolve by `yaml`'s own YAML 1.2 core-schema tags (js-yaml's core schema also
 *   reads 0b101 and refuses -.5);
 * - a quoted scalar that runs on to the next line takes the positioned parse too: js-yaml
 *   accepts continuation lines that the spec (and `yaml`) refuse, so an unclosed quote
 *   could swallow the next key unnoticed;
 * - any error (syntax, duplicate key, several documents) is left to the positioned parse to
 *   report.
 * test/plan/quick-read.test.ts holds the two parsers to the same data.
 */
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import { isScalar, Schema, type ScalarTag } from 'yaml';

/**
 * js-yaml types made from `yaml`'s own YAML 1.2 core-schema scalars (null, bool, int, float),
 * so that both parsers resolve a plain scalar by the same tests and the same conversions.
 * js-yaml keeps one type per tag, so the forms of a tag (int: decimal, 0o, 0x) share one.
 */
const scalarTags = new Schema({ schema: 'core' }).tags.filter(
  (tag): tag is ScalarTag & { test: RegExp } => 'test' in tag && tag.test instanceof RegExp,
);
const coreScalars = [...new Set(scalarTags.map((t) => t.tag))].map((name) => {
  const forms = scalarTags.filter((t) => t.tag === name);
  const formOf = (s: string | null) => forms.find((t) => t.test.test(s ?? ''));
  return new Type(name, {
    kind: 'scalar',
    resolve: (s: string | null) => formOf(s) !== undefined,
    construct: (s: string | null) => {
      const value = formOf(s)!.resolve(s ?? '', () => undefined, { intAsBigInt: false });
      return isScalar(value) ? value.value : value;
    },
  });
});

const CORE_SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: coreScalars });

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
