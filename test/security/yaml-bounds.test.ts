/**
 * Any plan under the byte cap is answered quickly and in bounded memory: the YAML's size is
 * bounded in values (aliases expanded) and depth before the positioned parse, and refused at
 * the line where a bound is passed. These tests check the bounds, not the clock (the timings,
 * measured by hand on 2026-12-01, are in the history of docs/benchmarks.md).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DEPTH, MAX_NODES } from '../../src/plan/bounds.js';
import { loadPlan } from '../../src/plan/load.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'smplan-yaml-bounds-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function lint(name: string, text: string) {
  writeFileSync(path.join(dir, name), text);
  return (await loadPlan(name, dir)).findings;
}

describe('YAML bounds', () => {
  it('refuses 100 000 keys in one mapping at the key past the bound', async () => {
    const text = 'smplan: 1\nplan:\n' + Array.from({ length: 100_000 }, (_, i) => `  k${i}: ${i}\n`).join('');
    const findings = await lint('keys.yaml', text);
    expect(findings).toHaveLength(1);
    // Two values per line (key and value), after the two first lines.
    expect(findings[0]).toMatchObject({
      rule: 'file-size',
      line: MAX_NODES / 2,
      message: expect.stringMatching(/more than 50,000 values/),
    });
  });

  it('lists at most 200 schema findings for a mapping under the bound, with the count of the rest', async () => {
    const text = 'smplan: 1\nplan:\n' + Array.from({ length: 20_000 }, (_, i) => `  k${i}: ${i}\n`).join('');
    const findings = await lint('keys20k.yaml', text);
    expect(findings.length).toBeLessThanOrEqual(202);
    expect(findings.at(-1)!.message).toMatch(/more problems of the plan's shape not listed/);
  });

  it('finds a duplicate key among many without comparing every pair', async () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `  k${i}: ${i}\n`);
    keys.push('  k7: again\n');
    const findings = await lint('dup.yaml', 'smplan: 1\nplan:\n' + keys.join(''));
    expect(findings).toContainEqual(
      expect.objectContaining({
        rule: 'yaml-duplicate-key',
        line: 20_003,
        message: expect.stringMatching(/`k7` appears twice/),
      }),
    );
  });

  it('refuses a 4.8 MB flow list', async () => {
    const findings = await lint(
      'flow.yaml',
      'smplan: 1\nx: [' + Array.from({ length: 2_400_000 }, () => '1').join(',') + ']\n',
    );
    expect(findings).toEqual([expect.objectContaining({ rule: 'file-size', line: 2 })]);
  });

  it('answers a huge flow list after an early syntax error from the fast reader, located', async () => {
    const text = 'smplan: 1\ny: [1, 2\nz: }\nx: [' + Array.from({ length: 2_000_000 }, () => '1').join(',') + ']\n';
    const findings = await lint('flowerr.yaml', text);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.line).toBeLessThan(5);
  });

  it.each([
    ['a mapping', (i: number) => '  '.repeat(i) + 'a:\n'],
    ['a list', (i: number) => '  '.repeat(i) + '-\n'],
    ['lists in a mapping', (i: number) => '  '.repeat(i) + (i % 2 ? '- ' : '') + 'a:\n'],
  ])(
    'refuses block-style nesting of %s past 64 levels at its line (no stack overflow, no exit 70)',
    async (_, line) => {
      for (const levels of [MAX_DEPTH + 5, 1400]) {
        const findings = await lint(
          'deep.yaml',
          'smplan: 1\nx:\n' +
            Array.from({ length: levels }, (_, i) => line(i + 1)).join('') +
            '  '.repeat(levels + 1) +
            'a: 1\n',
        );
        expect(findings).toHaveLength(1);
        expect(findings[0]).toMatchObject({
          rule: 'file-size',
          message: expect.stringMatching(/nested too deeply to be a plan \(more than 64 levels\)/),
        });
        expect(findings[0]!.line).toBeGreaterThan(MAX_DEPTH / 2);
        expect(findings[0]!.line).toBeLessThan(MAX_DEPTH * 2 + 4);
      }
    },
  );

  it('refuses an alias that expands the plan past the bound, at that alias', async () => {
    const big = '[' + Array.from({ length: 10_000 }, () => '"' + 'x'.repeat(100) + '"').join(',') + ']';
    const text = `smplan: 1\na: &a ${big}\nb:\n` + Array.from({ length: 190 }, () => '  - *a\n').join('');
    const findings = await lint('alias.yaml', text);
    // Each alias stands for 10 001 values: reported where the expansion starts.
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'yaml-syntax',
        line: 4,
        message: expect.stringMatching(/too many YAML aliases/),
      }),
    ]);
  });

  it('still reads a plan with a few aliases', async () => {
    const findings = await lint('few.yaml', 'smplan: 1\na: &a [1, 2, 3]\nb: [*a, *a]\n');
    expect(findings.some((f) => f.rule === 'file-size')).toBe(false);
  });
});
