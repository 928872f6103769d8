import {
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  visit,
  type Document,
  type LineCounter,
  type Node,
  type YAMLError,
} from 'yaml';
import type { PlanPath } from '../diagnostics.js';

export interface Position {
  line: number;
  column: number;
}

/** Where a finding points (contract): the value; the key for an unknown key; the holding mapping's key when missing. */
export type Anchor = 'value' | 'key';

/**
 * Finds the YAML node for a plan path. Where the path does not exist (a missing
 * key), it returns the deepest node that does: the mapping that should hold it,
 * reported at the key that names that mapping when there is one.
 */
export function locate(doc: Document, lineCounter: LineCounter, path: PlanPath, anchor: Anchor = 'value'): Position {
  let node: Node | null = doc.contents as Node | null;
  let keyOfNode: Node | null = null;
  for (let i = 0; i < path.length; i++) {
    const part = path[i]!;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(part));
      if (!pair) break;
      const last = i === path.length - 1;
      if (last && anchor === 'key' && pair.key) return at(lineCounter, (pair.key as Node).range?.[0]);
      keyOfNode = (pair.key as Node | null) ?? null;
      if (pair.value === null || pair.value === undefined) {
        // `key:` with nothing after it: point at the key.
        return at(lineCounter, keyOfNode?.range?.[0]);
      }
      node = pair.value as Node;
      if (!last) continue;
      return at(lineCounter, node.range?.[0]);
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part] as Node | undefined;
      if (!item) break;
      keyOfNode = null;
      node = item;
      if (i === path.length - 1) return at(lineCounter, node.range?.[0]);
    } else {
      break;
    }
  }
  if (path.length === 0 && node) return at(lineCounter, node.range?.[0]);
  // Missing: the holding node; prefer the key that names it.
  return at(lineCounter, (keyOfNode ?? node)?.range?.[0]);
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  if (key === null || key === undefined) return undefined;
  return String(key);
}

export function at(lineCounter: LineCounter, offset: number | undefined): Position {
  if (offset === undefined) return { line: 1, column: 1 };
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

const CLOSERS: Record<string, string> = { '{': '}', '[': ']', '"': '"', "'": "'" };

/**
 * An unclosed flow collection or quote is reported by the parser where the file or
 * block ends; the user needs the line where the `{`, `[` or quote opens. Returns that
 * offset and a message, or undefined for other errors.
 */
export function unclosedOpening(
  doc: Document,
  text: string,
  error: YAMLError,
): { offset: number; message: string } | undefined {
  const m = error.message;
  const want = /Flow map/.test(m)
    ? 'map'
    : /Flow sequence/.test(m)
      ? 'seq'
      : /closing "?quote/i.test(m)
        ? 'quote'
        : undefined;
  if (!want) return undefined;
  const pos = error.pos[0];
  let best: Node | undefined;
  visit(doc, (_key, node) => {
    // Pairs with an empty key or value hand the visitor null.
    const range = (node as Node | null)?.range;
    if (!range || range[0] >= pos || range[1] < pos) return;
    const fits =
      want === 'quote'
        ? isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')
        : want === 'map'
          ? isMap(node) && node.flow
          : isSeq(node) && node.flow;
    if (fits && (!best || range[0] > best.range![0])) best = node as Node;
  });
  const offset = best?.range?.[0];
  if (offset === undefined) return undefined;
  const opener = text[offset] ?? '';
  const closer = CLOSERS[opener];
  if (!closer) return undefined;
  if (want === 'quote')
    return { offset, message: `the ${opener} quote opened here is never closed: end the text with ${closer}` };
  return {
    offset,
    message: `the \`${opener}\` opened here is never closed: end it with \`${closer}\` (or indent the lines inside it more)`,
  };
}

/** The text of the mapping key that starts at `offset` (to name a duplicate key). */
export function keyAt(doc: Document, offset: number): string | undefined {
  let found: string | undefined;
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key as Node | null;
      if (key?.range?.[0] === offset) {
        found = keyText(key);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** Tags that keep a value plain JSON; anything else (!!binary, !!set, !!timestamp, !custom) a plan never needs. */
const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/** Every node with an explicit tag a plan cannot hold, as written (`!!binary`), at the tag. */
export function foreignTags(doc: Document, text: string): { offset: number; tag: string }[] {
  const found: { offset: number; tag: string }[] = [];
  visit(doc, (_key, node) => {
    if (!isNode(node)) return;
    const tag = node.tag;
    const start = node.range?.[0];
    if (typeof tag !== 'string' || PLAIN_TAGS.has(tag) || start === undefined) return;
    const written = tag.replace(/^tag:yaml\.org,2002:/, '!!');
    // The node's range starts at its value; the tag stands just before it.
    const tagAt = text.lastIndexOf(written, start);
    found.push({ offset: tagAt >= 0 && !text.slice(tagAt, start).includes('\n') ? tagAt : start, tag: written });
  });
  return found;
}
