/**
 * The quick read (js-yaml) against `yaml`, the positioned parse, over generated YAML documents:
 * scalars of every kind, anchors and aliases, flow and block collections, comments, duplicate keys,
 * several documents. Wherever the quick read gives data, `yaml` gives the same data; wherever `yaml`
 * reports an error, the quick read declines (the positioned parse then reports it).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { quickRead } from '../../src/plan/quick-read.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261208);

/** Plain scalars a plan or a hand-edited file may hold: numbers of every notation, dates, words YAML 1.1 read as booleans. */
const PLAIN = [
  ...['1', '-1', '+1', '0', '-0', '007', '1_000', '12,400', '1.234,5', '0x1F', '0X1f', '0o17', '0b101', '017'],
  ...['.5', '-.5', '+.5', '5.', '1.5e3', '1e3', '1E-3', '.5e2', '1.5e+3', '.inf', '-.Inf', '+.INF', '.nan', '.NaN'],
  ...['1:30', '190:20:30', '2026-12-08', '2026-12-08T10:00:00Z', '2026-12-08 10:00', '12:00'],
  ...['true', 'True', 'TRUE', 'tRue', 'false', 'yes', 'no', 'on', 'off', 'y', 'n'],
  ...['null', 'Null', 'NULL', '~', 'nil', 'a', 'word', 'two words', 'kaffe og kake', 'café', 'München', 'Пловдив'],
  ...['a-b', 'a_b', 'x.y', '50%', '€12', 'http://example.com/a?b=c', 'a:b', 'a #b', 'C#', '@home', '`tick`'],
];

const plain = fc.constantFrom(...PLAIN);
const doubleQuoted = fc
  .constantFrom(
    '',
    'a',
    'a "b" c',
    'tab\\there',
    'line\\nbreak',
    '\\u00e9',
    '\\x41',
    'back\\\\slash',
    '1',
    'null',
    "it's",
  )
  .map((s) => `"${s}"`);
const singleQuoted = fc
  .constantFrom('', 'a', "it''s", '"q"', '1', 'true', '# not a comment', '\\n')
  .map((s) => `'${s}'`);
const scalar = fc.oneof({ weight: 5, arbitrary: plain }, doubleQuoted, singleQuoted);
const key = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom('a', 'b', 'c', 'name', 'id', 'dato', 'név', '1', '0x1F', 'true', 'null', '~'),
  },
  fc.constantFrom('"a"', "'b'", '"a b"', '""'),
);
const comment = fc.constantFrom('', '', '', ' # note', '  #: odd', ' #');

type Tree =
  | { kind: 'scalar'; text: string }
  | { kind: 'alias' }
  | { kind: 'seq'; flow: boolean; items: Tree[] }
  | { kind: 'map'; flow: boolean; entries: [string, Tree][] };

const tree = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: scalar.map((text): Tree => ({ kind: 'scalar', text })) },
    { weight: 1, arbitrary: fc.constant<Tree>({ kind: 'alias' }) },
    fc
      .record({ flow: fc.boolean(), items: fc.array(tie('node'), { maxLength: 4 }) })
      .map((s): Tree => ({ kind: 'seq', ...s })),
    fc
      .record({ flow: fc.boolean(), entries: fc.array(fc.tuple(key, tie('node')), { maxLength: 4 }) })
      .map((m): Tree => ({ kind: 'map', ...m })),
  ),
}));

/** Renders a tree as YAML: `&x` on the first scalar below the top, so that some `*x` aliases resolve and some come before it. */
interface RenderState {
  anchored: boolean;
  /** Which of the comments the next line ends with. */
  line: number;
}

function render(t: Tree, indent: number, notes: string[], state: RenderState): string {
  const pad = ' '.repeat(indent);
  const note = () => notes[state.line++ % notes.length]!;
  const inline = (n: Tree): string => {
    if (n.kind === 'scalar') {
      if (!state.anchored && n.text !== '' && indent > 0) {
        state.anchored = true;
        return `&x ${n.text}`;
      }
      return n.text;
    }
    if (n.kind === 'alias') return '*x';
    if (n.kind === 'seq') return `[${n.items.map(inline).join(', ')}]`;
    return `{${n.entries.map(([k, v]) => `${k}: ${inline(v)}`).join(', ')}}`;
  };
  const isBlock = (n: Tree) =>
    (n.kind === 'seq' && !n.flow && n.items.length > 0) || (n.kind === 'map' && !n.flow && n.entries.length > 0);
  if (t.kind === 'seq' && isBlock(t))
    return t.items
      .map((item) =>
        isBlock(item)
          ? `${pad}-${note()}\n${render(item, indent + 2, notes, state)}`
          : `${pad}- ${inline(item)}${note()}\n`,
      )
      .join('');
  if (t.kind === 'map' && isBlock(t))
    return t.entries
      .map(([k, v]) =>
        isBlock(v)
          ? `${pad}${k}:${note()}\n${render(v, indent + 2, notes, state)}`
          : `${pad}${k}: ${inline(v)}${note()}\n`,
      )
      .join('');
  return `${pad}${inline(t)}${note()}\n`;
}

const document = fc
  .record({
    trees: fc.array(tree.node, { minLength: 1, maxLength: 2 }),
    notes: fc.array(comment, { minLength: 1, maxLength: 4 }),
    lead: fc.constantFrom('', '', '# a plan\n', '---\n', '%YAML 1.2\n---\n'),
    end: fc.constantFrom('', '', '...\n', '\n\n'),
  })
  .map(({ trees, notes, lead, end }) => {
    const state: RenderState = { anchored: false, line: 0 };
    return lead + trees.map((t) => render(t, 0, notes, state)).join('---\n') + end;
  });

/** What `yaml` makes of the text as the positioned parse reads it: its data, or undefined for an error. */
function positioned(text: string): { data: unknown } | undefined {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length) return undefined;
  try {
    return { data: doc.toJS({ maxAliasCount: 200 }) };
  } catch {
    return undefined;
  }
}

describe('the quick read and `yaml` agree on generated YAML', () => {
  it('same data, or the quick read declines what `yaml` refuses', () => {
    let read = 0;
    let runs = 0;
    fc.assert(
      fc.property(document, (text) => {
        runs++;
        const quick = quickRead(text);
        if (quick === undefined) return;
        read++;
        const slow = positioned(text);
        expect(slow, `the quick read accepted what \`yaml\` refuses:\n${text}`).toBeDefined();
        expect(quick.data, text).toEqual(slow!.data);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // A generator the quick read always declined would test nothing.
    expect(read).toBeGreaterThan(runs / 10);
  });

  it('on each scalar alone, as a value, a key and a list item', () => {
    for (const text of [...PLAIN, '"a"', "'it''s'", '""', "''"]) {
      for (const shape of ['%s\n', 'v: %s\n', '- %s\n', '%s: v\n', '{v: %s}\n', '[%s]\n', 'v: %s # c\n']) {
        const yamlText = shape.replace('%s', text);
        const quick = quickRead(yamlText);
        if (quick === undefined) continue;
        expect(positioned(yamlText)?.data, yamlText).toEqual(quick.data);
      }
    }
  });
});
