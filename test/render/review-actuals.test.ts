/**
 * The review chapter with actuals that carry a note (why a figure moved) and budget items'
 * spend, in each language; the note is the actuals file's text, escaped in Markdown and HTML.
 */
import { describe, expect, it } from 'vitest';
import { trackPlan } from '../../src/compute/track.js';
import type { ActualRow, SpendRow } from '../../src/plan/actuals.js';
import { renderStrategyFolder } from '../../src/render/folder.js';
import { renderHtml } from '../../src/render/html.js';
import { kaffebarYaml, planFrom } from './plans.js';

const HOSTILE = 'Spring | offer <script>alert(1)</script> \u001b[31mred';

function withIds(yaml: string): string {
  return yaml
    .replace('    - name: Instagram ads\n', '    - id: ig-ads\n      name: Instagram ads\n')
    .replace('    - name: Photographer\n', '    - id: photo\n      name: Photographer\n');
}

const rows = (note: string): ActualRow[] => [
  { objective: 'ig-reach', date: '2027-03-31', value: 15_000, file: 'a.csv', line: 2 },
  { objective: 'ig-reach', date: '2027-04-30', value: 17_800, file: 'a.csv', line: 3, note },
];
const spend: SpendRow[] = [
  { item: 'ig-ads', date: '2027-03-31', value: 1400, file: 'a.csv', line: 4 },
  { item: 'ig-ads', date: '2027-04-30', value: 1900, file: 'a.csv', line: 5 },
  { item: 'photo', date: '2027-04-30', value: 500, file: 'a.csv', line: 6 },
];

async function review(locale: 'en' | 'nb' | 'bg', note: string) {
  const plan = await planFrom(withIds(kaffebarYaml(locale)));
  const tracking = trackPlan(plan.plan, rows(note), { spend });
  const folder = await renderStrategyFolder(plan, { tracking });
  return { plan, folder, md: folder.chapters.find((c) => c.slug === 'review')!.markdown };
}

describe('the review chapter shows why and what was spent', () => {
  it.each([
    ['en', 'Why (note)', 'Spend against budget (to April 30, 2027)', 'Budgeted to date', '| **Total** |'],
    ['nb', 'Hvorfor (merknad)', 'Forbruk mot budsjett (per 30. april 2027)', 'Budsjettert hittil', '| **Sum** |'],
    ['bg', 'Защо (бележка)', 'Разходи спрямо бюджета (към 30 април 2027', 'Планирано досега', '| **Общо** |'],
  ] as const)('%s', async (locale, why, heading, planned, total) => {
    const { md } = await review(locale, 'Easter campaign');
    expect(md).toContain(why);
    expect(md).toMatch(/\| Easter campaign \|\n/);
    expect(md).toContain(heading);
    expect(md).toContain(planned);
    expect(md).toContain(total);
    // Instagram ads: 1,500 a month, 3,300 spent by 30 April (four months): 6,000 budgeted.
    const line = md.split('\n').find((l) => l.startsWith('| Instagram ads |'))!;
    expect(line.replace(/[\s\u00a0\u202f.,]/g, '')).toMatch(/6000\D.*3300.*\u2212\$?2700\D/);
  });

  it('escapes the note in Markdown and HTML', async () => {
    const { plan, folder, md } = await review('en', HOSTILE);
    const row = md.split('\n').find((l) => l.includes('Spring'))!;
    // One table row: the pipe is escaped, the tag is not live, the escape character is not raw.
    expect(row).toContain('Spring \\| offer');
    expect(row).not.toContain('<script>');
    expect(row).not.toContain('\u001b');
    const html = await renderHtml(folder, plan);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('Spring | offer');
  });
});
