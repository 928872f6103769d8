/** One rule per file with its test beside its siblings, as ESLint keeps them. */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

describe('the lint rules', () => {
  it('every file in src/lint/rules/ has its test file in test/lint/rules/', () => {
    const sources = readdirSync(path.join(ROOT, 'src/lint/rules')).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    expect(sources.length).toBeGreaterThan(0);
    const untested = sources
      .map((f) => path.join('test/lint/rules', f.replace(/\.ts$/, '.test.ts')))
      .filter((f) => !existsSync(path.join(ROOT, f)));
    expect(untested).toEqual([]);
  });
});
