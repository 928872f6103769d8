/**
 * The positioned parse (`yaml`, with node ranges): loaded only for a plan the quick read declines
 * or that fails the schema, so that linting a plan that reads cleanly never loads `yaml`.
 */
import {
  isAlias,
  isCollection,
  isPair,
  isScalar,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
} from 'yaml';
import { MAX_NODES } from './bounds.js';

export { visit };
// For the other lazy readers of YAML text (lint directives, the lint config): a bundled dynamic
// import of `yaml` itself would give only its CommonJS default export.
export { isMap, isScalar as isScalarNode, Lexer, LineCounter, parseDocument, stringify } from 'yaml';
export { at, foreignTags, keyAt, locate, unclosedOpening } from './positions.js';

export interface PlanSyntax {
  doc: Document;
  lineCounter: LineCounter;
}

export function parseSyntax(text: string): PlanSyntax {
  const lineCounter = new LineCounter();
  // Keys are checked for duplicates by duplicateKeys: the parser's own check compares every pair of keys.
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: false,
    prettyErrors: false,
    strict: true,
    keepSourceTokens: false,
  });
  return { doc, lineCounter };
}

/** The second (third …) occurrence of each scalar key in every mapping, in one pass. */
export function duplicateKeys(doc: Document): Node[] {
  const found: Node[] = [];
  visit(doc, {
    Map: (_, map) => {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const v = pair.key.value;
        const id = `${typeof v}:${String(v)}`;
        if (seen.has(id)) found.push(pair.key);
        else seen.add(id);
      }
    },
  });
  return found;
}

/**
 * The node count of the document with every alias expanded, or the alias at which it passes
 * MAX_NODES: an alias bomb is refused where it goes off, before anything is built from it.
 */
export function aliasExpansionBreach(doc: Document): Node | undefined {
  const sizes = new Map<Node, number>();
  const size = (node: unknown): number => {
    if (node === null || node === undefined || typeof node !== 'object') return 0;
    const known = sizes.get(node as Node);
    if (known !== undefined) return known;
    // Guards a self-referring anchor: counted as one until resolved.
    sizes.set(node as Node, 1);
    let n = 1;
    if (isAlias(node)) n = size(node.resolve(doc));
    else if (isCollection(node)) {
      for (const item of node.items) {
        n += isPair(item) ? size(item.key) + size(item.value) : size(item);
        if (n > MAX_NODES) break;
      }
    } else if (!isScalar(node)) n = 1;
    sizes.set(node as Node, n);
    return n;
  };
  if (size(doc.contents) <= MAX_NODES) return undefined;
  // Point at the first alias: where the expansion starts.
  let found: Node | undefined;
  visit(doc, {
    Alias: (_, node) => {
      found = node as unknown as Node;
      return visit.BREAK;
    },
  });
  return found ?? (doc.contents as Node);
}
