/**
 * Generated text that starts a line or a list item (a date, a number) stays text in every
 * CommonMark renderer: `2. mars 2027:` must not open a numbered list on GitHub or in the
 * HTML and PDF, which are made from the same Markdown with markdown-it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { readCheckedPlan, validPlan } from '../../src/lint/check.js';
import { loadPlan } from '../../src/plan/load.js';
import { createFormatter } from '../../src/render/format.js';
import { renderStrategyFolder } from '../../src/render/folder.js';
import { escapeLineStart, markGenerated, settleGenerated } from '../../src/render/markdown-escape.js';
import { EXAMPLES } from '../helpers/cli.js';
import { q, UNTRUSTED_TEXT } from '../helpers/untrusted.js';

const md = new MarkdownIt();

/** Ordered lists that the templates did not write: a list starting past 1, or one opening a list item. */
function strayLists(html: string): string[] {
  return [...html.matchAll(/<ol start="\d+">|<li>\s*<ol/g)].map((m) => html.slice(m.index, m.index + 80));
}

describe('generated text at the start of a line', () => {
  it.each(['nordlys-bakeri.yaml', 'rodopski-sklon.yaml', 'fieldnote-software.yaml'])(
    '%s renders no stray list',
    async (file) => {
      const folder = await renderStrategyFolder(validPlan(await readCheckedPlan(path.join(EXAMPLES, file))));
      for (const chapter of [folder.readme, ...folder.chapters.map((c) => c.markdown)])
        expect(strayLists(md.render(chapter))).toEqual([]);
    },
  );

  it('keeps the nb activation dates as text: "2. mars 2027: Surdeigsskolen"', async () => {
    const folder = await renderStrategyFolder(
      validPlan(await readCheckedPlan(path.join(EXAMPLES, 'nordlys-bakeri.yaml'))),
    );
    const html = md.render(folder.chapters.find((c) => c.markdown.includes('Surdeigsskolen'))!.markdown);
    expect(html).toContain('<li>2. mars 2027: <strong>Surdeigsskolen</strong>');
  });

  it('escapes marked text only where a block can start: a line, a list item, a quote; not a table cell', () => {
    const d = markGenerated('2. mars 2027');
    expect(settleGenerated(`${d}: x\n- ${d}: y\n  > 1. ${d}\n| ${d} | ${d} |\nFra ${d}`)).toBe(
      '2\\. mars 2027: x\n- 2\\. mars 2027: y\n  > 1. 2\\. mars 2027\n| 2. mars 2027 | 2. mars 2027 |\nFra 2. mars 2027',
    );
  });

  it('every day of the year, in every locale, as a date, a number, money or a percentage', () => {
    for (const locale of ['en', 'nb', 'bg'] as const) {
      const fmt = createFormatter(locale, 'NOK');
      const texts = [fmt.number(1), fmt.number(-1), fmt.money(-5), fmt.percent(-0.05), fmt.number(12.5)];
      for (let day = 0; day < 365; day++) {
        const iso = new Date(Date.UTC(2027, 0, 1 + day)).toISOString().slice(0, 10);
        texts.push(fmt.date(iso), fmt.shortDate(iso), fmt.month(iso));
      }
      for (const text of texts) {
        const safe = escapeLineStart(text);
        for (const markdown of [`${safe}: x`, `- ${safe}: x`, `${safe}\n`]) {
          const html = md.render(markdown);
          expect(html, markdown).toMatch(/^<(p|ul)>/);
          expect(strayLists(html), markdown).toEqual([]);
          expect(html.replace(/<[^>]+>/g, ''), markdown).toContain(text);
        }
      }
    }
  });

  it("a plan with untrusted text and dates at line starts renders only the templates' lists", async () => {
    const plan = readFileSync(path.join(EXAMPLES, 'nordlys-bakeri.yaml'), 'utf8').replace(
      /^(\s+- name: )Surdeigsskolen$/m,
      `$1${q(`1. ${UNTRUSTED_TEXT}`)}`,
    );
    expect(plan).toContain('1. Åpningstider');
    const outcome = await loadPlan({
      file: path.join(EXAMPLES, 'untrusted.yaml'),
      text: Buffer.from(plan),
      dir: EXAMPLES,
    });
    expect(outcome.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const folder = await renderStrategyFolder(outcome.loaded!);
    for (const chapter of folder.chapters) expect(strayLists(md.render(chapter.markdown))).toEqual([]);
  });
});

describe('run-in headings', () => {
  it('mark a paragraph of bold text alone, so print keeps it with what it introduces', async () => {
    const { createMarkdown } = await import('../../src/render/markdown.js');
    const doc = createMarkdown(MarkdownIt);
    const env = { scope: 's', file: 'f.md', chapterIds: new Map(), charts: new Map(), ids: new Set<string>() };
    const html = doc.render(
      '**Channels and share of time online**\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n**Bold** and text\n',
      env,
    );
    expect(html).toContain('<p class="run-in"><strong>Channels and share of time online</strong></p>');
    expect(html).toContain('<p><strong>Bold</strong> and text</p>');
  });
});
