/**
 * The three example documents, printed as a client gets them: compact (at most 28 pages) and
 * with no near-empty page. Each page's filled height is measured on the rendered PDF; only the
 * cover and the last page may be less than a third full.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { printPdf } from '../../src/render/pdf.js';
import { EXAMPLES, runCli } from '../helpers/cli.js';
import { type PageLine, pageFill, pageLines } from '../helpers/page-fill.js';
import { EXAMPLE_ACTUALS } from './plans.js';
import { chromiumPath, skipPdf } from './chromium.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'smplan-fill-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Text as pdftotext and Markdown both give it: Markdown escapes gone, whitespace folded. */
const squash = (text: string) => text.replace(/\\(.)/g, '$1').replace(/\s+/g, ' ').trim();
const CASES: [string, string, string[]][] = [
  ['fieldnote-software (en) with actuals', 'fieldnote-software.yaml', EXAMPLE_ACTUALS['fieldnote-software.yaml']],
  ['fieldnote-software (en)', 'fieldnote-software.yaml', []],
  ['nordlys-bakeri (nb)', 'nordlys-bakeri.yaml', []],
  ['rodopski-sklon (bg) with actuals', 'rodopski-sklon.yaml', EXAMPLE_ACTUALS['rodopski-sklon.yaml']],
];

describe.skipIf(skipPdf)('the example documents on paper', () => {
  it.each(CASES)(
    '%s: at most 28 pages, none but the cover and the last less than a third full',
    async (name, file, extra) => {
      const out = path.join(dir, name.replace(/\W+/g, '-'));
      const r = await runCli(
        ['render', path.join(EXAMPLES, file), '-o', out, '--pdf', '--browser', chromiumPath!, ...extra],
        {
          env: { SOURCE_DATE_EPOCH: '1798761600' },
        },
      );
      expect(r.code, r.stderr).toBe(0);
      const fills = pageFill(path.join(out, 'plan.pdf'));
      expect(fills.length).toBeGreaterThan(10);
      expect(fills.length).toBeLessThanOrEqual(28);
      const nearEmpty = fills
        .map((fill, i) => ({ page: i + 1, fill: Math.round(fill * 100) }))
        .filter(({ page, fill }) => page > 1 && page < fills.length && fill < 100 / 3);
      expect(nearEmpty).toEqual([]);
      // No page ends with a heading (a chapter's, a section's, or a run-in bold line) and at most
      // three lines of it (a lead paragraph) while its content goes on over the page; nor with a
      // chapter's title at all.
      const headings = new Set(
        readdirSync(out)
          .filter((f) => f.endsWith('.md'))
          .flatMap((f) => readFileSync(path.join(out, f), 'utf8').split('\n'))
          .map((l) => /^#{1,4}\s+(.*)$|^\*\*([^*]+)\*\*$/.exec(l.trim()))
          .filter((m) => m !== null)
          .map((m) => squash(m[1] ?? m[2]!)),
      );
      // A heading as printed: its text, at the left edge of the text (table cells are inset by
      // their padding), in type at least as large as the body's 9 pt (table text is 8.1 pt).
      const pages = pageLines(path.join(out, 'plan.pdf'));
      const isHeading = (line: PageLine | undefined, left: number) =>
        line !== undefined && headings.has(squash(line.text)) && line.x <= left + 1 && line.height >= 11.8;
      const orphans = pages
        .map((lines, i) => {
          const left = Math.min(...lines.map((l) => l.x));
          const tail = lines.slice(-4);
          const at = tail.findIndex((l) => isHeading(l, left));
          const chapter = at >= 0 && /^\d+\. /.test(squash(tail[at]!.text));
          const next = pages[i + 1] ?? [];
          const goesOn = !isHeading(next[0], Math.min(...next.map((l) => l.x)));
          return {
            page: i + 1,
            stranded: at >= 0 && (chapter || goesOn) ? tail.slice(at).map((l) => squash(l.text)) : [],
          };
        })
        .filter(({ page, stranded }) => page > 2 && stranded.length > 0);
      expect(orphans).toEqual([]);
      // The contents (both levels: chapters and their sections) fit page 2, and each section's
      // number there is the page its heading is printed on.
      const contents = squash(pages[1]!.map((l) => l.text).join(' '));
      expect(squash(pages[2]![0]!.text)).not.toBe(squash(pages[1]![0]!.text));
      // A heading of the given size (a chapter's 17 pt, a section's 12 pt) looked for from the page
      // its chapter starts on, and in the contents from its chapter's entry on: KPIs and channels
      // both have an "Overview", and a channel's name is also a smaller heading earlier.
      const printedOn = (heading: string, from: number, height: number) =>
        pages.findIndex((lines, i) => i >= from && lines.some((l) => l.height >= height && squash(l.text) === heading));
      const listedAt = (heading: string, from: number) =>
        new RegExp(`(?:^|\\d )${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (\\d+)`).exec(contents.slice(from));
      const misnumbered = readdirSync(out)
        .filter((f) => /^\d\d-.*\.md$/.test(f))
        .sort()
        .flatMap((f) => {
          const lines = readFileSync(path.join(out, f), 'utf8').split('\n');
          const title = squash(/^#\s+(.*)$/.exec(lines[0]!)![1]!);
          const chapter = printedOn(title, 2, 20);
          const entry = contents.indexOf(title.replace(/^\d+\. /, ''));
          return lines
            .map((l) => /^##\s+(.*)$/.exec(l.trim())?.[1])
            .filter((h) => h !== undefined)
            .map(squash)
            .map((heading) => ({
              heading,
              listed: Number(listedAt(heading, entry)?.[1]),
              printed: printedOn(heading, chapter, 15) + 1,
            }));
        });
      expect(misnumbered.length).toBeGreaterThan(30);
      expect(misnumbered.filter(({ listed, printed }) => listed !== printed)).toEqual([]);
    },
    120_000,
  );

  it('measures how far down a page the ink reaches, inside the margins', async () => {
    // Body height on A4 with 20 mm and 18 mm margins: 297 - 38 = 259 mm. A bar 130 mm tall fills half.
    const html =
      '<!DOCTYPE html><html><head><style>@page { size: A4; margin: 20mm 18mm 18mm; } body { margin: 0; }' +
      ' div { background: #000; width: 50mm; } .half { height: 129.5mm; break-after: page; } .tenth { height: 25.9mm; }</style></head>' +
      '<body><div class="half"></div><div class="tenth"></div></body></html>';
    const { pdf } = await printPdf(html, { browserPath: chromiumPath!, paper: 'a4', timeoutMs: 60_000 });
    const file = path.join(dir, 'probe.pdf');
    writeFileSync(file, pdf);
    const fills = pageFill(file);
    expect(fills).toHaveLength(2);
    expect(fills[0]).toBeCloseTo(0.5, 1);
    expect(fills[1]).toBeCloseTo(0.1, 1);
  }, 120_000);
});
