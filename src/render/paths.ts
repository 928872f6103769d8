/**
 * Where the package's own files (templates/, locales/, dist/fonts/) live. Found by walking up from this
 * module to the package.json named smplan, so the same code works from src/ under vitest,
 * from the dist/ bundle (dist/chunks/) and from a globally installed package.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function packageRoot(): string {
  if (cached !== undefined) return cached;
  const here = fileURLToPath(import.meta.url);
  for (let dir = path.dirname(here); ; ) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && manifestName(manifest) === 'smplan') return (cached = dir);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the smplan package root above ${here}`);
    dir = parent;
  }
}

function manifestName(file: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name as string | undefined;
  } catch {
    return undefined;
  }
}

/** The built-in templates folder: chapters/*.md.hbs and partials/*.hbs. */
export function builtinTemplatesDir(): string {
  return path.join(packageRoot(), 'templates');
}

/** The message catalogues: en.json, nb.json, bg.json. */
export function localesDir(): string {
  return path.join(packageRoot(), 'locales');
}

/** The document fonts the build copies from @fontsource/noto-sans (dist/fonts/faces.json lists them). */
export function fontsDir(): string {
  return path.join(packageRoot(), 'dist', 'fonts');
}
