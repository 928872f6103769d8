/**
 * How full each page of a PDF is: the page rasterised in grey by pdftoppm, and the lowest row
 * inside the body area (between the top and bottom page margins, so the running header and the
 * page number do not count) that holds ink, as a share of the body's height.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const DPI = 30;
/** Lighter than this is paper (table zebra stripes are #f4f6f9, about 245). */
const INK = 235;

export function pageFill(
  pdf: string,
  margins: { topMm: number; bottomMm: number } = { topMm: 20, bottomMm: 18 },
): number[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'smplan-fill-'));
  try {
    execFileSync('pdftoppm', ['-gray', '-r', String(DPI), pdf, path.join(dir, 'p')]);
    const pages = readdirSync(dir)
      .filter((n) => n.endsWith('.pgm'))
      .sort();
    return pages.map((name) => {
      const { width, height, pixels } = readPgm(readFileSync(path.join(dir, name)));
      const pxPerMm = DPI / 25.4;
      const top = Math.ceil(margins.topMm * pxPerMm);
      const bottom = height - Math.ceil(margins.bottomMm * pxPerMm);
      let lowest = top;
      for (let y = top; y < bottom; y++) {
        const row = pixels.subarray(y * width, (y + 1) * width);
        if (row.some((v) => v < INK)) lowest = y + 1;
      }
      return (lowest - top) / (bottom - top);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A binary (P5) greymap, 8 bits per pixel, as pdftoppm -gray writes it. */
function readPgm(data: Buffer): { width: number; height: number; pixels: Uint8Array } {
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(data[i]!))) i++;
    if (data[i] === 0x23) {
      while (data[i] !== 0x0a) i++;
      continue;
    }
    let s = '';
    while (!/\s/.test(String.fromCharCode(data[i]!))) s += String.fromCharCode(data[i++]!);
    fields.push(s);
  }
  if (fields[0] !== 'P5' || fields[3] !== '255') throw new Error(`not an 8-bit P5 greymap: ${fields.join(' ')}`);
  const width = Number(fields[1]);
  const height = Number(fields[2]);
  return { width, height, pixels: data.subarray(i + 1, i + 1 + width * height) };
}

/** A line of text on a printed page: its words left to right, where it starts, how tall its type is (pt). */
export interface PageLine {
  text: string;
  x: number;
  height: number;
}

/**
 * Each page's lines inside the body area (the running header and the page number left out), top
 * to bottom, from pdftotext's word boxes: the cells of a table row make one line, as on paper.
 */
export function pageLines(
  pdf: string,
  margins: { topMm: number; bottomMm: number } = { topMm: 20, bottomMm: 18 },
): PageLine[][] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const mm = 72 / 25.4;
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return [...html.matchAll(/<page width="[\d.]+" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((page) => {
    const bottom = Number(page[1]) - margins.bottomMm * mm;
    const words = [
      ...page[2]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g),
    ]
      .map((w) => ({
        x: Number(w[1]),
        y: Number(w[2]),
        height: Number(w[3]) - Number(w[2]),
        text: w[4]!.replace(/&(\w+);/g, (m, name: string) => entities[name] ?? m),
      }))
      .filter((w) => w.y + w.height > margins.topMm * mm && w.y < bottom)
      .sort((a, b) => a.y - b.y || a.x - b.x);
    const lines: { y: number; words: typeof words }[] = [];
    for (const w of words) {
      const line = lines.at(-1);
      if (line && Math.abs(w.y - line.y) < 2) line.words.push(w);
      else lines.push({ y: w.y, words: [w] });
    }
    return lines.map(({ words: ws }) => {
      ws.sort((a, b) => a.x - b.x);
      return { text: ws.map((w) => w.text).join(' '), x: ws[0]!.x, height: Math.max(...ws.map((w) => w.height)) };
    });
  });
}
