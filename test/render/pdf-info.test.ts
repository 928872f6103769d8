/**
 * The PDF's metadata as a PDF reader shows it (poppler's pdfinfo and pdftohtml): an author,
 * a creation date that follows SOURCE_DATE_EPOCH, and bookmark titles that keep the spaces
 * where a heading wraps. The update is appended, so the text and pages are as Chromium printed them.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { printPdf } from '../../src/render/pdf.js';
import { now } from '../../src/clock.js';
import { headingTexts, withDocumentInfo } from '../../src/render/pdf-info.js';
import { EXAMPLES, runCli } from '../helpers/cli.js';
import { UNTRUSTED_TEXT } from '../helpers/untrusted.js';
import { chromiumPath, pdfinfo, pdftotext, skipPdf } from './chromium.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'smplan-pdf-info-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Bookmark titles, in order, as poppler reads them. */
function bookmarks(file: string): string[] {
  const xml = execFileSync('pdftohtml', ['-q', '-i', '-xml', '-stdout', file], { encoding: 'utf8' });
  return [...xml.matchAll(/<item[^>]*>([^<]*)/g)].map((m) =>
    m[1]!
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))),
  );
}

/** The catalogue as a reader sees it: the newest definition of the trailer's /Root object. */
function catalog(pdf: Uint8Array): string {
  const text = Buffer.from(pdf).toString('latin1');
  const trailers = [...text.matchAll(/trailer\s*<<([\s\S]*?)>>\s*startxref/g)];
  const root = /\/Root\s+(\d+)\s+0\s+R/.exec(trailers.at(-1)![1]!)![1]!;
  const bodies = [...text.matchAll(new RegExp(`(?:^|\\s)${root}\\s+0\\s+obj\\s*(<<[\\s\\S]*?>>)\\s*endobj`, 'g'))];
  return bodies.at(-1)![1]!;
}

const ONE_LINE = UNTRUSTED_TEXT.replace(/\s+/g, ' ');
const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe.skipIf(skipPdf)('PDF document information', () => {
  it('sets /Author and the dates, and gives wrapped bookmark titles their spaces back', async () => {
    const long = 'Nordlys Bakeri social media strategy for sosiale medier 2027';
    const html =
      `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>T</title></head><body style="width:180px">` +
      `<h1>${long}</h1><h2>${xmlEscape(ONE_LINE)}</h2><p>Tekst æøå Пекарна</p></body></html>`;
    const printed = await printPdf(html, { browserPath: chromiumPath!, paper: 'a4', timeoutMs: 60_000 });
    const before = path.join(dir, 'before.pdf');
    writeFileSync(before, printed.pdf);
    // Chromium alone: the words of a wrapped heading run together.
    expect(bookmarks(before)[0]).not.toBe(long);

    const created = now({ SOURCE_DATE_EPOCH: '1800000000' });
    const pdf = withDocumentInfo(printed.pdf, {
      title: 'Tittel – Пекарна',
      author: 'Kari Nordmann, «markedsansvarlig»',
      created,
      headings: headingTexts(html),
      creator: 'smplan',
    });
    const after = path.join(dir, 'after.pdf');
    writeFileSync(after, pdf);
    const info = pdfinfo(after);
    expect(info.Author).toBe('Kari Nordmann, «markedsansvarlig»');
    expect(info.Title).toBe('Tittel – Пекарна');
    expect(info.CreationDate).toBe('Fri Jan 15 08:00:00 2027 UTC');
    expect(info.ModDate).toBe(info.CreationDate);
    expect(info.Producer).toMatch(/Skia/);
    // The program, not the browser's user-agent string.
    expect(pdfinfo(before).Creator).toMatch(/HeadlessChrome/);
    expect(info.Creator).toBe('smplan');
    expect(info.Pages).toBe(String(printed.pages));
    expect(bookmarks(after)).toEqual([long, ONE_LINE]);
    expect(pdftotext(after)).toBe(pdftotext(before));
    // It opens with the bookmarks panel; the rest of Chromium's catalogue is kept.
    expect(catalog(printed.pdf)).not.toMatch(/\/PageMode/);
    expect(catalog(pdf)).toMatch(/\/PageMode \/UseOutlines/);
    expect(catalog(pdf)).toMatch(/\/Outlines \d+ 0 R[\s\S]*\/Lang \(nb\)/);
    // Appended, not rewritten: Chromium's bytes are all still there.
    expect(Buffer.from(pdf.subarray(0, printed.pdf.byteLength)).equals(Buffer.from(printed.pdf))).toBe(true);
  }, 90_000);

  it('smplan render --pdf: the author is plan.author, the date SOURCE_DATE_EPOCH, emoji in Noto Emoji', async () => {
    const out = path.join(dir, 'out');
    const plan = path.join(dir, 'plan.yaml');
    cpSync(path.join(EXAMPLES, 'data'), path.join(dir, 'data'), { recursive: true });
    writeFileSync(
      plan,
      readFileSync(path.join(EXAMPLES, 'nordlys-bakeri.yaml'), 'utf8').replace(
        /^(\s+- name: )Surdeigsskolen$/m,
        '$1"Surdeigsskolen 🥐🍞"',
      ),
    );
    const run = await runCli(['render', plan, '--pdf', '-o', out], { env: { SOURCE_DATE_EPOCH: '1800000000' } });
    expect(run.code, run.stderr).toBe(0);
    const info = pdfinfo(path.join(out, 'plan.pdf'));
    expect(info.Author).toBe('Hanne Rø, markedsansvarlig');
    expect(info.CreationDate).toBe('Fri Jan 15 08:00:00 2027 UTC');
    expect(catalog(readFileSync(path.join(out, 'plan.pdf')))).toMatch(/\/PageMode \/UseOutlines/);
    expect(bookmarks(path.join(out, 'plan.pdf'))[0]).toBe('Nordlys Bakeri – strategi for sosiale medier 2027');
    // The emoji are drawn with the embedded fallback, not as empty boxes.
    expect(execFileSync('pdffonts', [path.join(out, 'plan.pdf')], { encoding: 'utf8' })).toMatch(/NotoEmoji-Regular/);
  }, 180_000);
});

describe('headingTexts', () => {
  it('reads headings as text: tags dropped, entities decoded, whitespace folded', () => {
    expect(headingTexts('<h1 id="x">A &amp; <em>B</em>\n C&#x41;</h1><p>no</p><h3>&lt;b&gt; &#1046;</h3>')).toEqual([
      'A & B CA',
      '<b> Ж',
    ]);
  });
});
