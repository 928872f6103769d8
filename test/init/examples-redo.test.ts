/**
 * Redoing any section of the examples (hand-written plans in en, nb and bg) with Enter for every
 * question keeps what the section holds: the interview adds, drops and rewrites nothing untouched.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run } from '../../src/cli/init.js';
import type { Io } from '../../src/cli/io.js';
import { METHOD_SECTIONS } from '../../src/plan/schema.js';
import { EXAMPLES } from '../helpers/cli.js';
import { scripted } from './scripted.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'smplan-redo-'));
  await cp(path.join(EXAMPLES, 'data'), path.join(dir, 'data'), { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const io = (): Io => {
  const write = () => true;
  return {
    stdout: { write, isTTY: false },
    stderr: { write, isTTY: false },
    stdinIsTTY: true,
    env: { NO_COLOR: '1' },
    cwd: dir,
    debug: false,
  };
};

describe('smplan init --section on the examples, Enter for every question', () => {
  it.each(['nordlys-bakeri', 'fieldnote-software', 'rodopski-sklon', 'friluftsdirektoratet'])(
    '%s: every section holds what it held',
    async (name) => {
      const text = await readFile(path.join(EXAMPLES, `${name}.yaml`), 'utf8');
      const before = parse(text);
      const changed: string[] = [];
      for (const section of METHOD_SECTIONS) {
        await writeFile(path.join(dir, 'plan.yaml'), text);
        expect(await run(['plan.yaml'], { section }, io(), scripted([]))).toBe(0);
        const after = parse(await readFile(path.join(dir, 'plan.yaml'), 'utf8'));
        if (JSON.stringify(after[section]) !== JSON.stringify(before[section]))
          changed.push(`${section}: ${diff(before[section], after[section])}`);
      }
      expect(changed).toEqual([]);
    },
  );
});

/** The first place two values differ, as path: before -> after. */
function diff(a: unknown, b: unknown, at = ''): string {
  if (JSON.stringify(a) === JSON.stringify(b)) return '';
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) {
      const d = diff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
      if (d) return d;
    }
    return `${at}: key order ${Object.keys(a).join(',')} -> ${Object.keys(b).join(',')}`;
  }
  return `${at}: ${JSON.stringify(a)} -> ${JSON.stringify(b)}`;
}
