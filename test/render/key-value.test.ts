/**
 * Key-value tables (the plan's facts, resources, persona facts, the budget's total against the
 * cap, the review routine): the Markdown gives them a header in the plan's language, so GitHub
 * shows no empty header band, and the document drops that header (no header band at all).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCheckedPlan, validPlan } from '../../src/lint/check.js';
import { renderStrategyFolder } from '../../src/render/folder.js';
import { renderHtml } from '../../src/render/html.js';
import { EXAMPLES } from '../helpers/cli.js';

const CASES = [
  ['fieldnote-software.yaml', '| Item | Detail |', 'Review routine'],
  ['nordlys-bakeri.yaml', '| Punkt | Opplysning |', 'Evalueringsrutine'],
  ['rodopski-sklon.yaml', '| Параметър | Стойност |', 'Редовни срещи за преглед'],
] as const;

describe('key-value tables', () => {
  it.each(CASES)('%s: a named header in the Markdown, none in the document', async (file, header, routine) => {
    const loaded = validPlan(await readCheckedPlan(path.join(EXAMPLES, file)));
    const folder = await renderStrategyFolder(loaded);
    const all = [folder.readme, ...folder.chapters.map((c) => c.markdown)].join('\n');
    expect(all).not.toMatch(/^\| \| \|$/m);
    expect(folder.readme).toContain(`${header}\n| --- | --- |\n`);
    const chapter = (slug: string) => folder.chapters.find((c) => c.slug === slug)!.markdown;
    for (const slug of ['situation', 'audience', 'budget', 'review'])
      expect(chapter(slug), slug).toContain(`${header}\n| --- |`);
    expect(chapter('review')).toContain(`## ${routine}\n\n${header}\n`);

    const html = await renderHtml(folder, loaded);
    const [key, value] = header.slice(2, -2).split(' | ');
    expect(html).not.toMatch(new RegExp(`<th>${key}</th>\\s*<th>${value}</th>`));
    // Every key-value table is marked as such, with no header row at all (and none empty).
    const kv = html.match(/<div class="table[^"]* kv"[^>]*><table>\n<tbody>/g) ?? [];
    expect(kv.length).toBeGreaterThanOrEqual(5);
    expect(html).not.toMatch(/<th[^>]*>\s*<\/th>/);
  });
});
