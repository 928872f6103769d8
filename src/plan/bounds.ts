/**
 * Bounds on the size of a plan's YAML, checked before the positioned parse: that parser needs
 * time growing faster than the input for very large mappings and flow lists, and aliases can
 * expand a small file into a huge document. A real plan has about 3 000 nodes nested 9 deep
 * (the examples); these bounds are far above that and keep any file under the byte cap quick.
 */
import { FAILSAFE_SCHEMA, loadWithEvents, type ParseEvent, YAMLException } from './yaml-events.js';

export type { ParseEvent };

/** Nodes (mappings, lists, scalars), counting every alias as the nodes it stands for. */
export const MAX_NODES = 50_000;
/** Collections inside collections. */
export const MAX_DEPTH = 64;

export interface Breach {
  /** 1-based. */
  line: number;
  column: number;
  message: string;
}

// A function: number formatting wakes ICU, which a plan within bounds never needs here.
const tooMany = () =>
  `the plan has more than ${MAX_NODES.toLocaleString('en')} values: far beyond any real plan (is this generated?)`;
const tooDeep = `the YAML is nested too deeply to be a plan (more than ${MAX_DEPTH} levels)`;

/**
 * Counts nodes and nesting from js-yaml's parse events and throws BoundReached at the first bound
 * passed: the quick read counts while it reads, so a plan is not parsed once to check and again to read.
 */
export function boundsCounter(text: string): ParseEvent {
  let nodes = 0;
  let depth = 0;
  return (event, state) => {
    if (event === 'close') {
      depth--;
      return;
    }
    depth++;
    nodes++;
    // Scalars open and close too: depth counts collections and the scalar inside the deepest one.
    const message = nodes > MAX_NODES ? tooMany() : depth > MAX_DEPTH + 1 ? tooDeep : undefined;
    if (message)
      throw new BoundReached({
        line: state.line + 1,
        column: column(text, state.lineStart, state.position),
        message,
      });
  };
}

/**
 * Counts the nodes and nesting of the text with a fast reader and stops at the first bound it
 * passes, at that node's line. Text the fast reader cannot read is left to the positioned parse,
 * unless it is so large that the positioned parse could be slow: then the reader's own error,
 * located, is the answer.
 */
export function checkBounds(text: string): Breach | undefined {
  try {
    loadWithEvents(text, FAILSAFE_SCHEMA, boundsCounter(text));
  } catch (err) {
    if (err instanceof BoundReached) return err.breach;
    if (err instanceof RangeError) return { line: 1, column: 1, message: tooDeep };
    if (err instanceof YAMLException && roughNodes(text) > MAX_NODES) {
      const mark = err.mark as { line?: number; column?: number } | undefined;
      return {
        line: (mark?.line ?? 0) + 1,
        column: (mark?.column ?? 0) + 1,
        message: `cannot read the YAML: ${err.reason}`,
      };
    }
  }
  return undefined;
}

/** Thrown from a parse event when a bound is passed; carries where. */
export class BoundReached extends Error {
  constructor(readonly breach: Breach) {
    super(breach.message);
  }
}

function column(text: string, lineStart: number, position: number): number {
  return Math.max(1, Math.min(position, text.length) - lineStart + 1);
}

/** An upper estimate of the nodes in a text: every separator could start one. */
function roughNodes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 44 || c === 58 || c === 45 || c === 91 || c === 123) n++;
  }
  return n;
}
