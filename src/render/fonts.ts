/** The document's fonts: Noto Sans faces inlined as base64, only the subsets its text uses. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fontsDir } from './paths.js';

let fontCache: FontFace[] | undefined;

export interface FontFace {
  /** The @font-face rule, font inline as base64. */
  css: string;
  /** Its unicode-range as code point intervals; undefined when it could not be read (always kept). */
  ranges: [number, number][] | undefined;
}

/** A subset as the build lists it in faces.json, from the fontsource package's unicode.json. */
interface Subset {
  file: string;
  weight: number;
  unicodeRange: string;
}

/** The subsets the build copied into `dir` (see scripts/build.mjs). */
async function subsetsIn(dir: string): Promise<Subset[]> {
  const list = await readFile(path.join(dir, 'faces.json'), 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new Error(`cannot read the document fonts in ${dir} (run npm run build): ${err.message}`);
  });
  return JSON.parse(list) as Subset[];
}

/**
 * Noto Sans regular and bold for Latin (æøå), Latin Extended and Cyrillic, base64 in @font-face
 * rules. The build copies the subsets and their unicode-range (which keeps each subset apart) from
 * @fontsource/noto-sans into dist/fonts/, so the installed package needs nothing else.
 */
export async function fontFaces(): Promise<FontFace[]> {
  if (fontCache) return fontCache;
  const dir = fontsDir();
  const faces: FontFace[] = [];
  for (const { file, weight, unicodeRange } of await subsetsIn(dir)) {
    const data = (await readFile(path.join(dir, file))).toString('base64');
    faces.push({
      css:
        `@font-face{font-family:'Noto Sans';font-style:normal;font-weight:${weight};font-display:block;` +
        `src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${unicodeRange};}`,
      ranges: unicodeRanges(unicodeRange),
    });
  }
  faces.push(
    ...(await emojiFaces(
      path.join(dir, 'emoji'),
      faces.flatMap((f) => f.ranges ?? []),
    )),
  );
  fontCache = faces;
  return fontCache;
}

/**
 * Noto Emoji (monochrome, prints crisply) for emoji in plan text, which no system font may have;
 * print.css names it after Noto Sans. Its unicode-ranges lose what the text faces cover (digits,
 * ©, punctuation: Noto Emoji has keycap and text-style glyphs for them), so text never changes font.
 */
async function emojiFaces(dir: string, text: [number, number][]): Promise<FontFace[]> {
  // The build copies @fontsource/noto-emoji's regular subsets to dist/fonts/emoji/.
  const faces: FontFace[] = [];
  for (const { file, unicodeRange } of await subsetsIn(dir)) {
    const declared = unicodeRanges(unicodeRange);
    if (!declared) continue;
    const ranges = withoutRanges(declared, text);
    if (!ranges.length) continue;
    const range = ranges.map(([from, to]) => (from === to ? `U+${hex(from)}` : `U+${hex(from)}-${hex(to)}`)).join(',');
    const data = (await readFile(path.join(dir, file))).toString('base64');
    faces.push({
      css:
        `@font-face{font-family:'Noto Emoji';font-style:normal;font-weight:100 900;font-display:block;` +
        `src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${range};}`,
      ranges,
    });
  }
  if (!faces.length) throw new Error('@fontsource/noto-emoji: no font files found');
  return faces;
}

/** Code point intervals less those in `remove`. */
function withoutRanges(ranges: [number, number][], remove: [number, number][]): [number, number][] {
  let out = ranges;
  for (const [from, to] of remove) {
    out = out.flatMap(([a, b]): [number, number][] =>
      b < from || a > to
        ? [[a, b]]
        : [
            ...(a < from ? [[a, from - 1] as [number, number]] : []),
            ...(b > to ? [[to + 1, b] as [number, number]] : []),
          ],
    );
  }
  return out;
}

const hex = (n: number) => n.toString(16).toUpperCase();

/** The faces (both weights) whose unicode-range holds a character of the document; at least Latin. */
export function usedFontFaces(faces: FontFace[], document: string): string {
  const codePoints = new Set<number>();
  for (const ch of document) codePoints.add(ch.codePointAt(0)!);
  // Characters written as references (&#1047; &#x417;) count too.
  for (const m of document.matchAll(/&#(?:x([0-9a-f]+)|(\d+));/gi))
    codePoints.add(m[1] ? parseInt(m[1], 16) : Number(m[2]));
  const used = (face: FontFace) =>
    !face.ranges || [...codePoints].some((c) => face.ranges!.some(([from, to]) => c >= from && c <= to));
  return faces
    .filter(used)
    .map((f) => f.css)
    .join('\n');
}

/** `U+0000-00FF,U+0131` as intervals; undefined for anything else (wildcards), so the face is kept. */
function unicodeRanges(range: string): [number, number][] | undefined {
  const out: [number, number][] = [];
  for (const part of range.split(',')) {
    const m = /^\s*U\+([0-9a-f]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!m) return undefined;
    out.push([parseInt(m[1]!, 16), parseInt(m[2] ?? m[1]!, 16)]);
  }
  return out;
}
