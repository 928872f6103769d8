import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const script = join(root, 'scripts', 'layers.mjs');

function layers(srcDir?: string): { status: number | null; lines: string[] } {
  const run = spawnSync(process.execPath, [script, ...(srcDir ? [srcDir] : [])], { encoding: 'utf8' });
  return { status: run.status, lines: run.stdout.trim().split('\n') };
}

let scratch: string | undefined;
afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

function sourceTree(files: Record<string, string>): string {
  scratch = mkdtempSync(join(tmpdir(), 'smplan-layers-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(scratch, path)), { recursive: true });
    writeFileSync(join(scratch, path), text);
  }
  return scratch;
}

describe('layers', () => {
  it('src/: every import points down the layers and none closes a circle', () => {
    const run = layers();
    expect(run.lines).toEqual(['layers: every import points down, no circles']);
    expect(run.status).toBe(0);
  });

  it('fails on an upward import, a sibling import and a circle, naming each', () => {
    const src = sourceTree({
      'errors.ts': 'export class E extends Error {}\n',
      'plan/load.ts': "import { kpi } from '../compute/kpi.js';\nexport const load = kpi;\n",
      'compute/kpi.ts': "import type { E } from '../errors.js';\nexport const kpi = 1;\n",
      'lint/rule.ts': "import { page } from '../render/page.js';\nexport const rule = page;\n",
      'render/page.ts': 'export const page = 1;\n',
      'render/a.ts': "import { b } from './b.js';\nexport const a = b;\n",
      'render/b.ts': "export const b = 1;\nexport const later = () => import('./a.js');\n",
    });
    const run = layers(src);
    expect(run.status).toBe(1);
    expect(run.lines).toEqual([
      'src/lint/rule.ts imports src/render/page.ts: lint may not import across to its sibling render',
      'src/plan/load.ts imports src/compute/kpi.ts: plan may not import up to compute',
      'import circle: src/render/a.ts ↔ src/render/b.ts',
      '3 layer violations',
    ]);
  });
});
