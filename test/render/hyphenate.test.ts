/**
 * Typesetting of the document (plan.html and the PDF printed from it): long words in table cells
 * carry soft hyphens from the plan language's patterns, a number stays with the word after it.
 * The Markdown files keep plain text.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCheckedPlan, validPlan } from '../../src/lint/check.js';
import { renderStrategyFolder } from '../../src/render/folder.js';
import { renderHtml } from '../../src/render/html.js';
import { glueNumbers, hyphenateCell, loadHyphenator } from '../../src/render/hyphenate.js';
import { EXAMPLES } from '../helpers/cli.js';

const SHY = '\u00ad';
const NBSP = '\u00a0';

describe('hyphenation points', () => {
  it.each([
    ['bg', 'ангажираност'],
    ['bg', 'Коефициент'],
    ['nb', 'forhåndsbestillinger'],
    ['nb', 'Utgangsverdi'],
    ['en-GB', 'responsibilities'],
    ['en', 'applications'],
  ] as const)('%s: %s gets soft hyphens, three letters at least on either side of each', async (locale, word) => {
    const hyphenate = await loadHyphenator(locale);
    const marked = hyphenate(word);
    expect(marked.replaceAll(SHY, '')).toBe(word);
    const parts = marked.split(SHY);
    expect(parts.length).toBeGreaterThan(1);
    expect([...parts[0]!].length).toBeGreaterThanOrEqual(3);
    expect([...parts.at(-1)!].length).toBeGreaterThanOrEqual(3);
  });

  it('leaves short words (channel names), addresses, e-mail and handles whole', async () => {
    const hyphenate = await loadHyphenator('nb');
    expect(hyphenate('Instagram')).toBe('Instagram');
    for (const text of ['facebook.com/nordlysbakeri', 'post@nordlysbakeri.no', '@nordlysbakeri.bakerier'])
      expect(hyphenateCell(text, hyphenate)).toBe(text);
    expect(hyphenateCell('Annonsekostnad per bestilling', hyphenate)).toContain(SHY);
  });

  it("keeps a figure's unit whole (151 bestillinger, 67 резервации), not the words after it", async () => {
    const nb = await loadHyphenator('nb');
    expect(hyphenateCell(glueNumbers('151 bestillinger'), nb)).toBe(`151${NBSP}bestillinger`);
    expect(hyphenateCell(glueNumbers('151 bestillinger forhåndsbestillinger'), nb)).toContain(SHY);
    const bg = await loadHyphenator('bg');
    expect(hyphenateCell(glueNumbers('67 резервации'), bg)).toBe(`67${NBSP}резервации`);
  });

  it('keeps a number with its unit or month: 4,660 followers, 12 000 kr, 14 февруари 2027 г.', () => {
    expect(glueNumbers('4,660 followers')).toBe(`4,660${NBSP}followers`);
    expect(glueNumbers(`12${NBSP}000 kr per år`)).toBe(`12${NBSP}000${NBSP}kr per år`);
    expect(glueNumbers('до 14 февруари 2027 г.')).toBe(`до 14${NBSP}февруари 2027${NBSP}г.`);
    expect(glueNumbers('Q3 2027 - 5 %')).toBe('Q3 2027 - 5 %');
  });
});

describe('the bg document', () => {
  it('hyphenates table cells in plan.html only where a table needs it, never the Markdown chapters', async () => {
    const loaded = validPlan(await readCheckedPlan(path.join(EXAMPLES, 'rodopski-sklon.yaml')));
    const folder = await renderStrategyFolder(loaded);
    const html = await renderHtml(folder, loaded);
    // The samples table (eight columns) does not fit the page with its words whole: its widest words may break.
    const headers = [...html.matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]!);
    expect(headers.filter((h) => h.replaceAll(SHY, '') === 'Последователи' && h.includes(SHY))).not.toEqual([]);
    // A table whose columns fit with every word whole keeps them whole, so copied text is plain
    // (soft hyphens travel into it): the PEST labels, the benchmark's "Ангажираност", the budget's "еднократно".
    const situation = /<section class="chapter" id="chapter-situation">[\s\S]*?<\/section>/.exec(html)![0];
    expect(situation).toContain('Ангажираност');
    expect(situation).not.toContain(SHY);
    expect(/<section class="chapter" id="chapter-budget">[\s\S]*?<\/section>/.exec(html)![0]).not.toContain(SHY);
    expect(html.split(SHY).length).toBeLessThan(12);
    // Only inside table cells: no soft hyphen in a heading or a paragraph.
    for (const m of html.matchAll(/<(h[1-4]|p)\b[^>]*>([^<]*)</g)) expect(m[2]).not.toContain(SHY);
    // A date in a table cell keeps "г." with its year.
    expect(html).toMatch(/<td[^>]*>[^<]*2027\u00a0г\./);
    for (const chapter of [folder.readme, ...folder.chapters.map((c) => c.markdown)]) {
      expect(chapter).not.toContain(SHY);
    }
  }, 60_000);
});
