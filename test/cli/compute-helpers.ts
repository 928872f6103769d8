import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { ACCEPTANCE, hasStackTrace, type Run } from '../helpers/cli.js';

export const KAFFEBAR = path.join(ACCEPTANCE, 'kaffebar.yaml');
export const NORDLYS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../compute/fixtures/nordlys.yaml');
export const WRONG_TYPE = path.join(ACCEPTANCE, 'bad/wrong-type.yaml');

/** Intl separates a currency code from the amount with a no-break space; tests read it as a space. */
export function plain(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}

/** Human output a reader can take in on an 80-column terminal, without colour codes when piped. */
export function expectReadable(run: Run): void {
  expect(run.code).toBe(0);
  expect(run.stderr).toBe('');
  expect(hasStackTrace(run.stdout)).toBe(false);
  expect(run.stdout).not.toMatch(/\u001b\[/);
  for (const line of run.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
}
