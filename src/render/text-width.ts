/**
 * How wide text sets in Noto Sans, from the font's own advance widths (dist/fonts/widths.json,
 * written by the build from the embedded subsets): chart labels and the SWOT grid wrap by
 * measured width, so a Cyrillic line and a Latin one of the same length in pixels fill alike.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fontsDir } from './paths.js';

export type Weight = 400 | 700;

export interface TextMeasure {
  /** Width in px of the text at a font size in px. */
  width(text: string, size: number, weight?: Weight): number;
}

type Widths = Record<Weight, Record<string, number>> & { unitsPerEm: number };

let loaded: Promise<TextMeasure> | undefined;

export function textMeasure(): Promise<TextMeasure> {
  loaded ??= readFile(path.join(fontsDir(), 'widths.json'), 'utf8').then(
    (json) => measureWith(JSON.parse(json) as Widths),
    (err: NodeJS.ErrnoException) => {
      loaded = undefined;
      throw new Error(`cannot read the font widths in ${fontsDir()} (run npm run build): ${err.message}`);
    },
  );
  return loaded;
}

function measureWith(widths: Widths): TextMeasure {
  return {
    width(text, size, weight = 400) {
      const table = widths[weight];
      let units = 0;
      for (const ch of text) {
        const cp = ch.codePointAt(0)!;
        // A character the subsets lack (emoji, CJK) falls back to another font: about an em wide.
        units += table[cp] ?? (cp >= 0x2e80 ? widths.unitsPerEm : widths.unitsPerEm * 0.6);
      }
      return (units / widths.unitsPerEm) * size;
    },
  };
}

/**
 * Greedy word wrap to a width in px; a word wider than a line is broken with a hyphen
 * where it no longer fits.
 */
export function wrapText(
  measure: TextMeasure,
  text: string,
  maxWidth: number,
  size: number,
  weight: Weight = 400,
): string[] {
  const fits = (s: string) => measure.width(s, size, weight) <= maxWidth;
  const lines: string[] = [];
  let line = '';
  // Breaks at spaces only: a no-break space (in "2,67 %", "176 500 kr") holds its words together.
  for (const word of text
    .replace(/[ \t\r\n\f\v]+/g, ' ')
    .trim()
    .split(' ')) {
    if (!word) continue;
    const joined = line ? `${line} ${word}` : word;
    if (fits(joined)) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    let rest = word;
    while ([...rest].length > 1 && !fits(rest)) {
      const chars = [...rest];
      let n = chars.length - 1;
      while (n > 1 && !fits(`${chars.slice(0, n).join('')}-`)) n--;
      lines.push(`${chars.slice(0, n).join('')}-`);
      rest = chars.slice(n).join('');
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}
