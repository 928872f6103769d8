import { describe, expect, it } from 'vitest';
import { FAILSAFE_SCHEMA, loadWithEvents, type NodeEvent } from '../../src/plan/yaml-events.js';

/**
 * js-yaml's `listener` option is the one undocumented thing the quick read and the bounds check
 * rely on: this pins what it reports, so that a js-yaml upgrade that changes it fails here first.
 */
describe("js-yaml's parse events", () => {
  it('open and close every node in document order, with its offset, line, kind and value', () => {
    const text = 'a: x\nb:\n  - 1\n  - [y]\n';
    const events: string[] = [];
    const data = loadWithEvents(text, FAILSAFE_SCHEMA, (event: 'open' | 'close', node: NodeEvent) => {
      const what = event === 'close' ? ` ${node.kind} ${JSON.stringify(node.result)}` : '';
      events.push(`${event} ${node.position} ${node.line}:${node.lineStart}${what}`);
    });
    expect(data).toEqual({ a: 'x', b: ['1', ['y']] });
    expect(events).toEqual([
      'open 0 0:0',
      'open 0 0:0',
      'close 1 0:0 scalar "a"',
      'open 2 0:0',
      'close 4 0:0 scalar "x"',
      'open 5 1:5',
      'close 6 1:5 scalar "b"',
      'open 7 1:5',
      'open 12 2:8',
      'open 12 2:8',
      'close 13 2:8 scalar "1"',
      'close 13 2:8 scalar "1"',
      'open 18 3:14',
      'open 18 3:14',
      'open 19 3:14',
      'close 20 3:14 scalar "y"',
      'close 21 3:14 sequence ["y"]',
      'close 21 3:14 sequence ["y"]',
      'close 22 4:22 sequence ["1",["y"]]',
      'close 22 4:22 mapping {"a":"x","b":["1",["y"]]}',
    ]);
  });
});
