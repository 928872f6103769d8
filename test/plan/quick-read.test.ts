import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { loadPlan } from '../../src/plan/load.js';
import type { PlanPath } from '../../src/diagnostics.js';
import { quickRead } from '../../src/plan/quick-read.js';
import { locate, parseSyntax } from '../../src/plan/syntax.js';
import { mutate, mutation, oddScalar, validPlan } from '../fuzz/arbitraries.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RUNS = Number(process.env.FUZZ_RUNS ?? 50);

/** What the positioned parse makes of the text: its data, or undefined when it reports an error. */
function positioned(text: string): { data: unknown } | undefined {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length) return undefined;
  return { data: doc.toJS({ maxAliasCount: 200 }) };
}

/** Every path in the data, and one more (a missing key or item) below each mapping and list. */
function* planPaths(value: unknown, at: PlanPath = []): Generator<PlanPath> {
  yield at;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* planPaths(value[i], [...at, i]);
    yield [...at, value.length];
  } else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) yield* planPaths(v, [...at, key]);
    yield [...at, 'no-such-key'];
  }
}

/**
 * The quick read may decline, but what it accepts the positioned parse accepts, with the same data;
 * and where it has node positions, every path is at the line and column the positioned parse gives.
 */
function expectAgreement(text: string): void {
  const quick = quickRead(text);
  if (quick === undefined) return;
  const slow = positioned(text);
  expect(slow, `the quick read accepted what the positioned parse refuses:\n${text.slice(0, 400)}`).toBeDefined();
  expect(quick.data).toEqual(slow!.data);
  if (!quick.locate) return;
  const { doc, lineCounter } = parseSyntax(text);
  for (const where of planPaths(quick.data)) {
    for (const anchor of ['value', 'key'] as const) {
      expect(quick.locate(where, anchor), `${JSON.stringify(where)} (${anchor}) in\n${text.slice(0, 400)}`).toEqual(
        locate(doc, lineCounter, where, anchor),
      );
    }
  }
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => path.join(dir, f));
}

describe('quickRead agrees with the positioned parse', () => {
  it('on every example and test fixture', () => {
    const files = [...yamlFiles(path.join(ROOT, 'examples')), ...yamlFiles(path.join(ROOT, 'test'))];
    expect(files.length).toBeGreaterThan(20);
    let read = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expectAgreement(text);
      if (quickRead(text)) read++;
    }
    // The point is speed on real plans: the examples must take the quick path.
    for (const example of yamlFiles(path.join(ROOT, 'examples')))
      expect(quickRead(readFileSync(example, 'utf8')), example).toBeDefined();
    expect(read).toBeGreaterThan(10);
  });

  it.each([
    '1',
    '-1',
    '+1',
    '0',
    '-0',
    '007',
    '0o17',
    '0x1F',
    '0X1f',
    '0b101',
    '1_000',
    '1.5',
    '1.',
    '.5',
    '-.5',
    '+.5',
    '1e3',
    '1E+3',
    '1.5e-3',
    '.inf',
    '-.Inf',
    '+.INF',
    '.nan',
    '.NaN',
    'nan',
    'true',
    'True',
    'TRUE',
    'tRue',
    'yes',
    'no',
    'on',
    'off',
    'null',
    'Null',
    'NULL',
    '~',
    '',
    '2027-02-30',
    '2026-01-01T10:00:00Z',
    '12:30',
    '1:30:00',
    '123456789012345678901234567890',
    '09',
    '0o8',
    '"1"',
    "'x'",
    '"\\u00e9"',
    '"\\x41"',
    '>-\n  folded\n  text',
    '|\n  lit\n',
    'a #c',
    'a#b',
    'Q&A',
    'AT&T',
    'Sale!',
    '[1, .5, -.5, 0x10, ~]',
    '{a: 1, b: [true, False]}',
    '"a\\\n  b"',
    'multi\n  line\n  plain',
  ])('scalar %j', (scalar) => {
    expectAgreement(`v: ${scalar}\n`);
    expectAgreement(`- ${scalar}\n`);
    if (!scalar.includes('\n')) {
      expectAgreement(`${scalar}: v\n`);
      expectAgreement(`{${scalar}: v}\n`);
    }
  });

  it('declines a key read as null, which js-yaml names "null" and `yaml` ""', () => {
    for (const text of ['~: 1\n', 'null: 1\n', 'a:\n  NULL: 1\n', '{: 1}\n', '? \n: 1\n']) {
      expect(quickRead(text), text).toBeUndefined();
    }
    expect(quickRead('"null": 1\nv: null\n'), 'a quoted key only costs speed').toBeUndefined();
    expect(quickRead('v: null\n')).toMatchObject({ data: { v: null } });
  });

  it('declines a line longer than an implicit key may be (1024 characters), which `yaml` refuses as a key', () => {
    expect(quickRead(`'${'x'.repeat(1100)}': v\n`)).toBeUndefined();
    expect(quickRead(`v: ${'x'.repeat(1000)}\n`)).toBeDefined();
  });

  it('declines tags, anchors and directives, which the positioned parse judges', () => {
    for (const text of [
      'v: !!binary aGk=\n',
      'v: !x a\n',
      'a: &x 1\nb: *x\n',
      '%YAML 1.1\n---\nv: yes\n',
      'v: [!!str 1]\n',
      // After a quoted key's colon in a flow mapping a node starts too.
      '{"a":!!str 5}\n',
      '{"a":!<tag:yaml.org,2002:core-scalar> 0x1F}\n',
      '{"a":&x 5}\n',
    ]) {
      expect(quickRead(text), text).toBeUndefined();
    }
  });

  it('declines a quoted scalar that runs on to the next line, but not a quote inside block text', () => {
    // js-yaml reads this as one name swallowing the next key; the spec and `yaml` refuse it.
    expect(quickRead('items:\n  - name: "unterminated\n    category: ads\n  - name: "x"\n')).toBeUndefined();
    expect(quickRead("a: 'open\n  b: 1\n")).toBeUndefined();
    expect(quickRead('a: >-\n  they say "we\'re on it\n  by noon"\nb: [x, \'"quoted" y\']\n')).toMatchObject({
      data: { a: 'they say "we\'re on it by noon"', b: ['x', '"quoted" y'] },
    });
  });

  it('declines what is not one well-formed document', () => {
    for (const text of ['a: 1\na: 2\n', 'a: [1, 2\n', 'a: 1\n---\nb: 2\n', 'a:\n\t- 1\n', 'a: b: c\n']) {
      expect(quickRead(text), text).toBeUndefined();
    }
  });

  it('on generated plans and their mutations', () => {
    fc.assert(
      fc.property(validPlan, fc.array(mutation, { maxLength: 4 }), (plan, mutations) => {
        const text = stringify(plan, { lineWidth: 0 });
        expectAgreement(text);
        expectAgreement(mutate(text, mutations));
      }),
      { numRuns: RUNS },
    );
  });

  it('on odd scalars in every position', () => {
    fc.assert(
      fc.property(
        oddScalar,
        fc.constantFrom('v: %s\n', '- %s\n', 'a:\n  - %s\n', '{v: %s}\n', 'a: [%s, 1]\n', '%s: v\n', '{%s: 1}\n'),
        (scalar, shape) => {
          expectAgreement(shape.replace('%s', scalar));
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('a plan read quickly still gets positions', () => {
  it('a rule finding on an otherwise quick plan points at its line', async () => {
    const dir = path.join(ROOT, 'test/lint/fixtures');
    const outcome = await loadPlan('complete.yaml', dir);
    expect(outcome.loaded).toBeDefined();
    const text = readFileSync(path.join(dir, 'complete.yaml'), 'utf8');
    expect(quickRead(text)?.locate).toBeDefined();
    const { doc, lineCounter } = parseSyntax(text);
    for (const where of [
      ['plan', 'title'],
      ['goals', 0, 'statement'],
      ['objectives', 0],
      ['plan', 'no-such-key'],
    ] as PlanPath[]) {
      expect(outcome.loaded!.locate(where, 'value')).toEqual(locate(doc, lineCounter, where, 'value'));
    }
  });
});
