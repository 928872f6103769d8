/**
 * The cover's branding (issue 27, point 5): the client's logo as a data URI for an <img> (so no
 * script in an SVG can run, and nothing is fetched), and the client's accent colour where it
 * contrasts enough with white for text (WCAG 4.5:1), else the document's own.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { readInputFile } from '../files.js';

/** A logo is a small picture: a larger file is refused (and the cover goes without it). */
export const MAX_LOGO_BYTES = 512 * 1024;
/** WCAG 2 AA contrast for body-size text. */
export const MIN_CONTRAST = 4.5;

export type LogoRead = { uri: string } | { error: string };

/** Reads `plan.logo` (relative to the plan folder, inside it, a regular file) as an SVG or PNG data URI. */
export async function readLogo(dir: string, logo: string): Promise<LogoRead> {
  if (/^[a-z][a-z0-9+.-]*:/i.test(logo) || path.isAbsolute(logo) || logo.split(/[\\/]/).includes('..'))
    return {
      error: 'must be a file inside the plan folder, relative to the plan file (no URL, no absolute path, no ..)',
    };
  const ext = path.extname(logo).toLowerCase();
  if (ext !== '.svg' && ext !== '.png') return { error: 'must be an .svg or .png file' };
  try {
    const real = realpathSync.native(path.resolve(dir, logo));
    if (path.relative(realpathSync.native(dir), real).startsWith('..'))
      return { error: 'links outside the plan folder' };
    const bytes = await readInputFile(real, MAX_LOGO_BYTES);
    if (ext === '.png') {
      const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      if (!png) return { error: 'is not a PNG file' };
      return { uri: `data:image/png;base64,${bytes.toString('base64')}` };
    }
    if (!/<svg[\s>]/i.test(bytes.toString('utf8', 0, Math.min(bytes.length, 4096))))
      return { error: 'is not an SVG file' };
    return { uri: `data:image/svg+xml;base64,${bytes.toString('base64')}` };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: 'no such file' };
    return { error: (err as Error).message };
  }
}

/** The WCAG contrast ratio of a #RRGGBB colour against white. */
export function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (luminance + 0.05);
}

/** The accent to use: the plan's when it is a #RRGGBB colour with enough contrast, else none (the default stays). */
export function usableAccent(accent: string | undefined): string | undefined {
  if (!accent || !/^#[0-9a-fA-F]{6}$/.test(accent)) return undefined;
  return contrastWithWhite(accent) >= MIN_CONTRAST ? accent.toLowerCase() : undefined;
}
