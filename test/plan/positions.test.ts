import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { locate, unclosedOpening } from '../../src/plan/positions.js';

function doc(text: string) {
  const lineCounter = new LineCounter();
  return { doc: parseDocument(text, { lineCounter }), lineCounter, text };
}

const plan = doc(`# comment
smplan: 1
objectives:
  - id: o1
    deadline: 2027-06-30
  - id: o2
    target: "+50%"
budget:
`);

describe('locate', () => {
  it('points at the value, or at the key when asked', () => {
    expect(locate(plan.doc, plan.lineCounter, ['objectives', 0, 'deadline'])).toEqual({ line: 5, column: 15 });
    expect(locate(plan.doc, plan.lineCounter, ['objectives', 0, 'deadline'], 'key')).toEqual({ line: 5, column: 5 });
    expect(locate(plan.doc, plan.lineCounter, ['objectives', 1])).toEqual({ line: 6, column: 5 });
  });

  it('for a missing key, the mapping that should hold it', () => {
    expect(locate(plan.doc, plan.lineCounter, ['objectives', 1, 'deadline'])).toEqual({ line: 6, column: 5 });
    // `budget:` with nothing after it: the key.
    expect(locate(plan.doc, plan.lineCounter, ['budget', 'cap'])).toEqual({ line: 8, column: 1 });
    // The document root, after the leading comment.
    expect(locate(plan.doc, plan.lineCounter, [])).toEqual({ line: 2, column: 1 });
    expect(locate(plan.doc, plan.lineCounter, ['nowhere', 3])).toEqual({ line: 2, column: 1 });
  });
});

describe('unclosedOpening', () => {
  const opening = (text: string) => {
    const d = doc(text);
    const e = d.doc.errors[0]!;
    const o = unclosedOpening(d.doc, text, e);
    return o && { ...d.lineCounter.linePos(o.offset), message: o.message };
  };

  it('finds the [ or { that is never closed', () => {
    expect(opening('a: 1\nitems: [ { name: Ads, cost: 10\n')).toMatchObject({ line: 2, col: 10 });
    expect(opening('a:\n  b: [1, 2\n  c: 3\n')).toMatchObject({
      line: 2,
      col: 6,
      message: expect.stringMatching(/^the `\[` opened here is never closed: end it with `\]`/),
    });
  });

  it('finds the quote that is never closed', () => {
    expect(opening('a: "abc\nb: 1\n')).toMatchObject({
      line: 1,
      col: 4,
      message: 'the " quote opened here is never closed: end the text with "',
    });
  });

  it('leaves other errors alone', () => {
    expect(opening('a:\n\tb: 1\n')).toBeUndefined();
  });
});
