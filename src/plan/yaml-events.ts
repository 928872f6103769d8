/**
 * The one place smplan reads YAML with js-yaml, and the one undocumented thing it relies on:
 * js-yaml's `listener` load option, which reports every node as it is opened and closed with the
 * parser's own state. The option is in js-yaml's type definitions (@types/js-yaml `LoadOptions`)
 * but not in its README, and js-yaml offers no other way to learn where a node is. So js-yaml is
 * pinned to an exact version in package.json, and test/plan/yaml-events.test.ts fails if an
 * upgrade changes these events; quick-read.ts and bounds.ts read js-yaml through this module only.
 */
import { FAILSAFE_SCHEMA, load, type Schema, Type, YAMLException } from 'js-yaml';

export { FAILSAFE_SCHEMA, Type, YAMLException };

/** A node as an event reports it: the fields of js-yaml's parser state smplan reads. */
export interface NodeEvent {
  /** Offset into the text: where composing the node began ('open'), or where it ended ('close'). */
  readonly position: number;
  /** 0-based line of `position`, and the offset at which that line starts. */
  readonly line: number;
  readonly lineStart: number;
  /** On 'close': 'scalar', 'mapping' or 'sequence' (null for an empty node), and the value made. */
  readonly kind: string | null;
  readonly result: unknown;
}

/** Told of every node, in document order; what it throws, the load throws. */
export type ParseEvent = (event: 'open' | 'close', node: NodeEvent) => void;

/** Loads one YAML document with `schema`, telling `onEvent` of every node. Throws YAMLException on bad YAML. */
export function loadWithEvents(text: string, schema: Schema, onEvent: ParseEvent): unknown {
  // js-yaml passes its live parser state: the listener reads it at once and keeps nothing.
  return load(text, { schema, listener: (event, state) => onEvent(event, state) });
}
