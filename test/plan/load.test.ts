/** Loading a plan: schema findings at their lines, posts_csv read relative to the plan. */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/plan/load.js';
import { postsCsvReads } from '../../src/plan/posts-csv.js';
import { FIXTURES } from '../lint/helpers.js';

const head = `smplan: 1
plan: { title: T, organization: O, locale: en, currency: EUR, timezone: Europe/Oslo, start: 2027-01-01, end: 2027-12-31 }
goals: []
`;

async function findings(text: string) {
  return (await loadPlan({ file: 'p.yaml', text: Buffer.from(text), dir: FIXTURES })).findings.map(
    (f) => `${f.line}:${f.column} ${f.rule} ${f.message}`,
  );
}

describe('loadPlan', () => {
  it('reads posts_csv rows relative to the plan file (BOM, CRLF, quoted commas)', async () => {
    const outcome = await loadPlan(path.join(FIXTURES, 'csv-good.yaml'));
    expect(outcome.findings).toEqual([]);
    const posts = outcome.loaded!.postsCsv.get('data/bom-quoted.csv')!;
    expect(posts).toHaveLength(20);
    // likes 10..29, comments i % 3, shares i % 2 (see the fixture).
    expect(posts.reduce((s, p) => s + p.likes, 0)).toBe(390);
    expect(posts.reduce((s, p) => s + p.comments, 0)).toBe(19);
    expect(posts.reduce((s, p) => s + p.shares, 0)).toBe(10);
  });

  it('reads a CSV that several plans of one run sample once, and again once it changes', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'smplan-csv-cache-'));
    try {
      mkdirSync(path.join(dir, 'data'));
      const csv = path.join(dir, 'data/posts.csv');
      writeFileSync(csv, 'likes,comments,shares\n10,1,0\n');
      const plan = `${head}competitors:\n  - name: C\n    channels:\n      - { channel: instagram, followers: 100, posts_csv: data/posts.csv }\n`;
      writeFileSync(path.join(dir, 'a.yaml'), plan);
      writeFileSync(path.join(dir, 'b.yaml'), plan);
      const reads = postsCsvReads();
      const a = await loadPlan('a.yaml', dir, { reads });
      const b = await loadPlan('b.yaml', dir, { reads });
      expect(a.loaded!.postsCsv.get('data/posts.csv')).toEqual([{ likes: 10, comments: 1, shares: 0 }]);
      expect(b.loaded!.postsCsv.get('data/posts.csv')).toBe(a.loaded!.postsCsv.get('data/posts.csv'));
      // Nothing is kept between runs: a read without this run's cache parses the file itself.
      const alone = await loadPlan('b.yaml', dir);
      expect(alone.loaded!.postsCsv.get('data/posts.csv')).not.toBe(a.loaded!.postsCsv.get('data/posts.csv'));
      expect(alone.loaded!.postsCsv.get('data/posts.csv')).toEqual(a.loaded!.postsCsv.get('data/posts.csv'));

      writeFileSync(csv, 'likes,comments,shares\n10,1,0\n20,2,2\n');
      utimesSync(csv, new Date(), new Date(Date.now() + 5000));
      const changed = await loadPlan('a.yaml', dir, { reads });
      expect(changed.loaded!.postsCsv.get('data/posts.csv')).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an unknown key with a suggestion, at the key', async () => {
    expect(await findings(`${head}competitor: []\n`)).toEqual([
      '4:1 unknown-key unknown key `competitor` (did you mean `competitors`?)',
    ]);
  });

  it('a missing required key, at the mapping that should hold it', async () => {
    expect(await findings(`${head}budget:\n  cap: 1000\n`)).toEqual([
      '4:1 schema-required missing `items`: it is required here',
    ]);
  });

  it('a wrong enum value with a suggestion, and a time zone typo', async () => {
    expect(await findings(`${head}review: { cadence: montly }\n`)).toEqual([
      '4:20 schema-value `cadence` must be one of: daily, weekly, biweekly, monthly, quarterly, yearly, ad-hoc; got the text "montly" (did you mean `monthly`?)',
    ]);
    expect((await findings(head.replace('Europe/Oslo', 'Europe/Olso')))[0]).toMatch(
      /^2:\d+ schema-value `timezone`: not an IANA time zone.*\(did you mean `Europe\/Oslo`\?\)$/,
    );
  });

  it('a duplicate key, at the second one', async () => {
    expect(await findings(`${head}goals: []\n`)).toEqual([
      '4:1 yaml-duplicate-key `goals` appears twice in this mapping: each key may appear once',
    ]);
  });

  it('a number too large, a list too short, in words', async () => {
    expect(await findings(`${head}content: { horizon_weeks: 500 }\n`)).toEqual([
      '4:27 schema-value `horizon_weeks`: must be at most 104',
    ]);
  });
});

describe('a missing choice', () => {
  it('lists the choices instead of "got undefined"', async () => {
    expect(await findings(`${head}review: { participants: [Kari] }\n`)).toEqual([
      '4:1 schema-required missing `cadence`: one of daily, weekly, biweekly, monthly, quarterly, yearly, ad-hoc',
    ]);
  });
});

describe('YAML the loader explains in its own words', () => {
  it('a second document, an alias without its anchor', async () => {
    expect(await findings('smplan: 1\n---\nfoo: 1\n')).toEqual([
      '2:1 yaml-syntax a plan is one YAML document: remove this `---` and what follows, or move it to a file of its own',
    ]);
    expect(await findings('a: &x 1\nb: *x\nc: *y\n')).toEqual([
      '3:4 yaml-syntax the alias *y has no anchor &y before it',
    ]);
  });

  it('an alias bomb is stopped at its first alias', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      bomb.push(
        `b${i}: &b${i} [${Array(9)
          .fill(i === 1 ? '*a' : `*b${i - 1}`)
          .join(', ')}]`,
      );
    expect(await findings(bomb.join('\n') + '\n')).toEqual([
      '2:10 yaml-syntax too many YAML aliases: the document would expand beyond any real plan (an alias bomb?)',
    ]);
  });
});

describe('YAML tags', () => {
  it('refuses tags that would turn a value into binary data, a set, a date or an unknown type, at the tag', async () => {
    expect(await findings('smplan: 1\nplan: !!binary aGVsbG8=\n')).toEqual([
      '2:7 yaml-syntax the YAML tag !!binary is not part of a plan: remove it and write plain text, numbers, lists or mappings',
    ]);
    for (const [value, tag] of [
      ['!!set {a, b}', '!!set'],
      ['!!timestamp 2027-01-01', '!!timestamp'],
      ['!custom x', '!custom'],
    ]) {
      expect(await findings(`smplan: 1\nplan:\n  start: ${value}\n`)).toEqual([
        `3:10 yaml-syntax the YAML tag ${tag} is not part of a plan: remove it and write plain text, numbers, lists or mappings`,
      ]);
    }
  });

  it('accepts the plain tags', async () => {
    expect(
      (await findings(`${head}tools: !!seq [ { name: !!str 123, purpose: other } ]\n`)).filter((f) =>
        f.includes('yaml-'),
      ),
    ).toEqual([]);
  });
});
