/**
 * The quick read of a plan. js-yaml reads a plan several times faster than the positioned
 * parse (`yaml` with node ranges), and its parse events (yaml-events.ts) tell where each node
 * starts: enough for every finding's line and column.
 * So a plan is read quickly, and `yaml` is loaded and run only when the quick read is not sure
 * to agree with it, or for a plan that fails the schema:
 * - text with a tag, an anchor or a directive takes the positioned parse, which bounds
 *   aliases, refuses tags a plan has no use for and knows YAML 1.1;
 * - scalars resolve by `yaml`'s own YAML 1.2 core-schema tests (js-yaml's core schema also
 *   reads 0b101 and refuses -.5);
 * - a quoted scalar that runs on to the next line takes the positioned parse too: js-yaml
 *   accepts continuation lines that the spec (and `yaml`) refuse, so an unclosed quote
 *   could swallow the next key unnoticed;
 * - any error (syntax, duplicate key, several documents) is left to the positioned parse to
 *   report.
 * test/plan/quick-read.test.ts and quick-read-agreement.test.ts hold the two parsers to the same
 * data and the same positions. The module keeps no state between reads: every read builds its own.
 */
import type { PlanPath } from '../diagnostics.js';
import { BoundReached } from './bounds.js';
import type { Anchor, Position } from './positions.js';
import { FAILSAFE_SCHEMA, loadWithEvents, type NodeEvent, type ParseEvent, Type } from './yaml-events.js';

/** What a reader makes of YAML text: its data, and where a plan path is in the text when it knows. */
export interface YamlReading {
  data: unknown;
  /** Undefined where the reader has no positions: the positioned parse then locates findings. */
  locate?: ((where: PlanPath, anchor?: Anchor) => Position) | undefined;
}

/**
 * A reader of plan YAML: a reading, or undefined when it declines the text (the positioned parse
 * then judges it). `observe` is told every parse event (the bounds check); what it throws, the read throws.
 */
export type YamlReader = (text: string, observe?: ParseEvent) => YamlReading | undefined;

/**
 * The YAML 1.2 core-schema scalars (null, bool, int, float) as `yaml` resolves them, written out
 * so that the quick read never loads `yaml`: the same tests and the same conversions
 * (test/plan/quick-read.test.ts holds both parsers to the same data).
 */
const DIGITS = '0123456789';
const CORE_FORMS: { starts: string; test: RegExp; value: (s: string) => unknown }[] = [
  { starts: '~nN', test: /^(?:~|[Nn]ull|NULL)?$/, value: () => null },
  { starts: 'tTfF', test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, value: (s) => s[0] === 't' || s[0] === 'T' },
  { starts: '0', test: /^0o[0-7]+$/, value: (s) => parseInt(s.slice(2), 8) },
  { starts: `-+${DIGITS}`, test: /^[-+]?[0-9]+$/, value: (s) => parseInt(s, 10) },
  { starts: '0', test: /^0x[0-9a-fA-F]+$/, value: (s) => parseInt(s.slice(2), 16) },
  {
    starts: '-+.',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    value: (s) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity),
  },
  {
    starts: `-+.${DIGITS}`,
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    value: (s) => parseFloat(s),
  },
  { starts: `-+.${DIGITS}`, test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, value: (s) => parseFloat(s) },
];
/**
 * The forms a plain scalar may take, by its first character ('' for the empty scalar). Most
 * scalars are words and keys: one look-up rules them out, where js-yaml would call a resolver
 * per type.
 */
const FORMS_BY_START = new Map<string, typeof CORE_FORMS>([['', [CORE_FORMS[0]!]]]);
for (const form of CORE_FORMS)
  for (const start of form.starts) FORMS_BY_START.set(start, [...(FORMS_BY_START.get(start) ?? []), form]);

/** The core-schema form of a plain scalar, or undefined for a string. */
const formOf = (input: string) => FORMS_BY_START.get(input.slice(0, 1))?.find((f) => f.test.test(input));

/**
 * One implicit type for every core scalar. Construct looks the form up again rather than keep
 * what resolve found: only numbers, booleans and nulls get that far, and nothing is shared between reads.
 */
const coreScalar = new Type('tag:yaml.org,2002:core-scalar', {
  kind: 'scalar',
  // js-yaml passes a tag only for an explicit one (`!!core-scalar 5`): not a tag `yaml` knows.
  resolve: (s: string | null, explicitTag?: string) => explicitTag === undefined && formOf(s ?? '') !== undefined,
  construct: (s: string | null) => formOf(s ?? '')!.value(s ?? ''),
});

const CORE_SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [coreScalar] });

/**
 * A tag (`!x`, `!!binary`) or an anchor (`&a`) where a node may start, or a directive (`%YAML 1.1`):
 * what /(?:^|[\s[{,:])[!&]\S|^%/m finds, looked for from each `!`, `&` and `%` (scanning every
 * position for the regex's lookbehind alternatives cost more than the rest of this check). Also a
 * key that is not a scalar (`? ` or a flow collection before `:`), which js-yaml and `yaml` name
 * differently.
 */
function needsPositionedParse(text: string): boolean {
  for (const mark of ['!', '&', '%', '?', ']', '}']) {
    for (let i = text.indexOf(mark); i !== -1; i = text.indexOf(mark, i + 1)) {
      const before = i === 0 ? '\n' : text[i - 1]!;
      const after = i + 1 < text.length ? text[i + 1]! : '\n';
      if (mark === '%') {
        if (LINE_BREAK.test(before)) return true;
      } else if (mark === '?') {
        if (NODE_START.test(before) && SPACE.test(after)) return true;
      } else if (mark === ']' || mark === '}') {
        let j = i + 1;
        while (text[j] === ' ' || text[j] === '\t') j++;
        if (text[j] === ':') return true;
      } else if (NODE_START.test(before) && !SPACE.test(after)) return true;
    }
  }
  return false;
}
const LINE_BREAK = /[\n\r\u2028\u2029]/;
/** Where a node may start; ':' for a flow mapping's value after a quoted key (`{"a":!x 5}`). */
const NODE_START = /[\s[{,:]/;
const SPACE = /\s/;

/** A single quote where a node may start; a plain scalar's apostrophe (we're) is not one. */
const SINGLE_QUOTE_START = /(?:^|[\s[{,])'/g;
const CLOSED_SINGLE = /'(?:[^'\n]|'')*'/y;

/** A line that opens a block scalar (`key: >-`, `- |`): the lines indented below it are text. */
const BLOCK_SCALAR = /(?:^|[\s:-])[|>][-+1-9]{0,2}[ \t]*(?:#.*)?$/;
/** Leading spaces and tabs of a line, or -1 for a blank line (a lone \r of a CRLF file too). */
function indentOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9) i++;
  return i === line.length || (i === line.length - 1 && line.charCodeAt(i) === 13) ? -1 : i;
}

/** True when a quoted scalar may continue on the next line (over-approximated: then the positioned parse runs). */
function quotedAcrossLines(text: string): boolean {
  let blockIndent = -1;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (blockIndent >= 0) {
      const indent = indentOf(line);
      if (indent === -1 || indent > blockIndent) continue;
      blockIndent = -1;
    }
    // Most lines hold no quote and open no block scalar: four native scans rule that out.
    const double = line.indexOf('"');
    const single = line.indexOf("'");
    if (double === -1 && single === -1 && line.indexOf('|') === -1 && line.indexOf('>') === -1) continue;
    // An odd number of unescaped double quotes leaves one open (a quote in a comment costs only speed).
    let doubles = 0;
    for (let i = double; i !== -1; i = line.indexOf('"', i + 1)) {
      let backslashes = 0;
      while (line[i - 1 - backslashes] === '\\') backslashes++;
      if (backslashes % 2 === 0) doubles++;
    }
    if (doubles % 2 === 1) return true;
    if (single !== -1) {
      for (const m of line.matchAll(SINGLE_QUOTE_START)) {
        CLOSED_SINGLE.lastIndex = m.index + m[0].length - 1;
        if (!CLOSED_SINGLE.test(line)) return true;
      }
    }
    if (BLOCK_SCALAR.test(line)) blockIndent = indentOf(line);
  }
  return false;
}

/**
 * Where the nodes of a quickly read plan start (offsets into the text): enough to point a finding
 * at its line and column without parsing the plan a second time.
 */
interface QuickNode {
  start: number;
  entries?: Map<string, { key: number; value: QuickNode }>;
  items?: QuickNode[];
}

/** A node as js-yaml's parse events report it: where composing began, what it made, its parts. */
interface Composed {
  open: number;
  kind: string | null;
  result: unknown;
  children: Composed[];
}
/** The parts of a node that has none yet: most nodes are scalars, and an array each would cost more than the rest of the event. */
const NO_CHILDREN: Composed[] = Object.freeze([]) as unknown as Composed[];

/**
 * The quick read: the plan's data, or undefined when only the positioned parse may judge the
 * text. It locates a plan path from js-yaml's node positions, except where js-yaml's events do
 * not map one to one onto the data (an empty sequence item): then the positioned parse locates.
 */
export const quickRead: YamlReader = (text, observe) => {
  if (!quickReadable(text)) return undefined;
  const open: Composed[] = [];
  let top: Composed | undefined;
  /** A key read as null (`~:`, `null:`, an empty key): js-yaml names it "null", `yaml` "". */
  let nullKey = false;
  const listener = (event: 'open' | 'close', state: NodeEvent) => {
    observe?.(event, state);
    if (event === 'open') {
      open.push({ open: state.position, kind: null, result: undefined, children: NO_CHILDREN });
      return;
    }
    const node = open.pop()!;
    node.kind = state.kind;
    node.result = state.result;
    // A quoted "null" key is the same to both parsers; declining it too costs only speed.
    if (state.kind === 'mapping' && Object.hasOwn(state.result as object, 'null')) nullKey = true;
    const parent = open[open.length - 1];
    if (!parent) top = node;
    else if (parent.children === NO_CHILDREN) parent.children = [node];
    else parent.children.push(node);
  };
  try {
    // An empty document is null to `yaml`, undefined to js-yaml.
    const data = loadWithEvents(text, CORE_SCHEMA, listener) ?? null;
    if (nullKey) return undefined;
    if (!top || !mapsOntoData(top)) return { data };
    // Built when a finding first needs a position: most plans checked have none.
    const composed = top;
    let positions: { root: QuickNode; starts: number[] } | undefined;
    const locate = (where: PlanPath, anchor?: Anchor) => {
      positions ??= { root: quickNode(text, composed), starts: lineStarts(text) };
      return quickLocate(positions.root, positions.starts, where, anchor);
    };
    return { data, locate };
  } catch (err) {
    if (err instanceof BoundReached) throw err;
    return undefined;
  }
};

/** False for text only the positioned parse may judge (see needsPositionedParse). */
export function quickReadable(text: string): boolean {
  return !needsPositionedParse(text) && !quotedAcrossLines(text) && !hasLongLine(text);
}

/**
 * A line longer than an implicit key may be (1024 characters): YAML refuses such a key, js-yaml
 * reads it. Plans' lines are far shorter; a long paragraph only costs the positioned parse.
 */
function hasLongLine(text: string): boolean {
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    if ((end === -1 ? text.length : end) - start > 1024) return true;
    if (end === -1) return false;
    start = end + 1;
  }
  return false;
}

/** js-yaml composes a flow collection twice when it first tries it as a block mapping's key. */
function unwrap(composed: Composed): Composed {
  let c = composed;
  while (
    c.children.length === 1 &&
    c.children[0]!.result === c.result &&
    typeof c.result === 'object' &&
    c.result !== null
  ) {
    c = c.children[0]!;
  }
  return c;
}

/** True when every composed node matches its data one to one (what quickNode needs), checked without building anything. */
function mapsOntoData(composed: Composed): boolean {
  const c = unwrap(composed);
  if (c.kind === 'mapping') {
    if (c.children.length !== Object.keys(c.result as object).length * 2) return false;
  } else if (c.kind === 'sequence') {
    if (c.children.length !== (c.result as unknown[]).length) return false;
  } else {
    return true;
  }
  for (const child of c.children) if (!mapsOntoData(child)) return false;
  return true;
}

/** The positions of a composed node and its parts (mapsOntoData has checked that they match its data). */
function quickNode(text: string, composed: Composed): QuickNode {
  const c = unwrap(composed);
  const start = c.result === null ? lineContentStart(text, c.open) : contentStart(text, c.open);
  if (c.kind === 'mapping') {
    const entries = new Map<string, { key: number; value: QuickNode }>();
    for (let i = 0; i < c.children.length; i += 2) {
      const key = c.children[i]!;
      entries.set(String(key.result), {
        key: contentStart(text, key.open),
        value: quickNode(text, c.children[i + 1]!),
      });
    }
    return { start, entries };
  }
  if (c.kind === 'sequence') return { start, items: c.children.map((child) => quickNode(text, child)) };
  return { start };
}

/** An empty or null value is where it would start on its line, before any comment (as `yaml` has it). */
function lineContentStart(text: string, offset: number): number {
  let i = offset;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  return i;
}

/** js-yaml reports a node from before the space and comments that precede it. */
function contentStart(text: string, offset: number): number {
  let i = offset;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 35) while (i < text.length && text.charCodeAt(i) !== 10) i++;
    else return i;
  }
}

/**
 * Finds a plan path in a quick read as positions.ts's locate() does in the positioned parse (the
 * value; the key for 'key'; for a missing path, the key naming the deepest node that exists).
 */
function quickLocate(root: QuickNode, lineStarts: number[], path: PlanPath, anchor: Anchor = 'value'): Position {
  let node: QuickNode | null = root;
  let keyOfNode: number | undefined;
  for (let i = 0; i < path.length; i++) {
    const part = path[i]!;
    const last = i === path.length - 1;
    if (node?.entries) {
      const entry = node.entries.get(String(part));
      if (!entry) break;
      if (last && anchor === 'key') return positionAt(lineStarts, entry.key);
      keyOfNode = entry.key;
      node = entry.value;
      if (last) return positionAt(lineStarts, node.start);
    } else if (node?.items && typeof part === 'number') {
      const item: QuickNode | undefined = node.items[part];
      if (!item) break;
      keyOfNode = undefined;
      node = item;
      if (last) return positionAt(lineStarts, item.start);
    } else {
      break;
    }
  }
  return positionAt(lineStarts, path.length === 0 ? node?.start : (keyOfNode ?? node?.start));
}

/** Offsets at which each line of the text starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function positionAt(starts: number[], offset: number | undefined): Position {
  if (offset === undefined) return { line: 1, column: 1 };
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}
