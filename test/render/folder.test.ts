import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { asCLIError } from '../../src/cli/report.js';
import { readCheckedPlan, validPlan } from '../../src/lint/check.js';
import { renderStrategyFolder, type StrategyFolder } from '../../src/render/folder.js';
import { KAFFEBAR, MINIMAL, kaffebarYaml, planFrom } from './plans.js';

const chapter = (folder: StrategyFolder, slug: string) => {
  const found = folder.chapters.find((c) => c.slug === slug);
  if (!found) throw new Error(`no chapter ${slug}`);
  return found.markdown;
};

/** Relative links and images of a Markdown text, decoded as a file system would see them. */
const links = (markdown: string) =>
  [...markdown.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)].map((m) => decodeURI(m[1]!)).filter((h) => !/^[a-z]+:/.test(h));

describe('the strategy folder for the acceptance plan (en)', () => {
  let folder: StrategyFolder;
  beforeAll(async () => {
    folder = await renderStrategyFolder(validPlan(await readCheckedPlan(KAFFEBAR)));
  });

  it('has an index and one numbered chapter per part of the method', () => {
    expect(folder.chapters.map((c) => c.file)).toEqual([
      '01-situation.md',
      '02-objectives.md',
      '03-audience.md',
      '04-competitors.md',
      '05-positioning.md',
      '06-channels.md',
      '07-content.md',
      '08-kpis.md',
      '09-budget.md',
      '10-team.md',
      '11-crisis.md',
      '12-review.md',
      '13-appendix.md',
    ]);
    expect(folder.readme).toMatch(/^# Northside Coffee Bar social media strategy 2027\n/);
    expect(folder.readme).toContain('| Organisation | **Northside Coffee Bar LLC** |');
    expect(folder.readme).toContain('| Period | January 1, 2027 to December 31, 2027 |');
    expect(folder.locale).toBe('en-US');
    for (const c of folder.chapters)
      expect(c.markdown.startsWith(`# ${Number(c.file.slice(0, 2))}. ${c.title}\n`)).toBe(true);
  });

  it('links every chapter from the index, and every link resolves to a file of the folder', () => {
    const files = new Set(['README.md', ...folder.chapters.map((c) => c.file), ...folder.charts.map((c) => c.file)]);
    const fromIndex = links(folder.readme);
    for (const c of folder.chapters) expect(fromIndex).toContain(c.file);
    for (const md of [folder.readme, ...folder.chapters.map((c) => c.markdown)]) {
      for (const target of links(md)) expect(files, target).toContain(target);
    }
  });

  it('summarises goals, objectives, channels and the budget against its cap', () => {
    expect(folder.readme).toContain("**Business goals:** Be the neighbourhood's first thought for coffee (primary);");
    expect(folder.readme).toContain('3 SMART objectives, the first deadline on May 31, 2027.');
    expect(folder.readme).toContain('Channels named in the objectives: Instagram.');
    // 1500×12 + 600×12 + 29×12 + 5000 + 12000 = 42,548 against a cap of 40,000.
    expect(folder.readme).toContain(
      'Budget: $42,548 a year is $2,548 over the cap of $40,000. Keeping the items that pay back fastest, we cut Photographer ($7,200).',
    );
  });

  it('lists the sections the plan lacks as open points, linked to their chapters', () => {
    const open = folder.readme.slice(folder.readme.indexOf('## Open points'));
    // Each open point once, named by what is missing and linked to its chapter, with what the method asks.
    expect(open).toContain('- [The situation analysis](01-situation.md): an internal analysis (who we are');
    expect(open).toContain('- [The crisis handbook](11-crisis.md): what triggers a crisis');
    expect(open).toContain('- [The content pillars](07-content.md): ');
    expect(open).not.toContain('the budget');
    expect(chapter(folder, 'crisis')).toContain(
      '> **Not decided yet:** the crisis handbook. A complete strategy needs what triggers a crisis',
    );
  });

  it('shows the computed engagement of each competitor channel', () => {
    const md = chapter(folder, 'competitors');
    const appendix = chapter(folder, 'appendix');
    // Harbor Roasters on Instagram: 15,719 actions over 26 posts / 9,400 followers = 167.2 %, 6.43 % per post.
    expect(md).toContain('| Harbor Roasters | Instagram | 9,400 | 26 | 6.43% |');
    expect(appendix).toContain('| Harbor Roasters | Instagram | 9,400 | 5 | 26 | 15,719 | 167.2% | 6.43% |');
    // Bean There: (18,400 + 630 + 1,150) / 21,000 = 96.1 %; / 24 posts = 4.00 %.
    expect(appendix).toContain('| Bean There | TikTok | 21,000 | 4 | 24 | 20,180 | 96.1% | 4.00% |');
    expect(appendix).toContain('| Engagement ÷ followers (whole sample) | Per post |');
    expect(md).toContain('**Instagram:** 1. Harbor Roasters 6.43%; 2. Daily Grind Co 1.30%');
    expect(md).toContain('![Engagement rate per post, by channel](charts/competitor-engagement.svg)');
  });

  it('shows the KPIs at a glance, with the monthly milestones of each objective in the appendix', () => {
    const kpis = chapter(folder, 'kpis');
    // Quarter ends of 2027; Loyalty app sign-ups start on Feb 15, cost per sign-up ends on May 31.
    expect(kpis).toContain(
      '| Objective | Baseline | March 2027 | June 2027 | September 2027 | December 2027 | Target | Deadline | Measured with |',
    );
    expect(kpis).toMatch(
      /\| \*\*Monthly reach \(Instagram\)\*\* \| 12,000 \| [\d,]+ \| [\d,]+ \| 30,000 \| {2}\| \*\*30,000\*\* \| 09\/30\/2027 \|/,
    );
    expect(kpis).toContain('![Monthly reach: milestones to 30,000](charts/kpi-ig-reach.svg) ![');
    expect(kpis).not.toContain('| January 31, 2027 |');
    const md = chapter(folder, 'appendix');
    // Compound 12,000 -> 30,000 over Jan 1 - Sep 30: 12000 * 2.5^(30/272) = 13,276 at January's end.
    expect(md).toContain('| January 31, 2027 | 13,276 |');
    expect(md).toContain('| September 30, 2027 | 30,000 |');
    // Linear 150 -> 330 from Feb 15: 150 + 180 * 13/273 = 158.6 at February's end, a count printed whole.
    expect(md).toContain('| February 28, 2027 | 159 |');
    expect(md).toContain('| May 31, 2027 | 5.95 |');
  });

  it('prioritises the budget by time to return and lists what is cut', () => {
    const md = chapter(folder, 'budget');
    const kept = md.slice(md.indexOf('## Items in priority order'), md.indexOf('## Items cut'));
    expect(kept.indexOf('Instagram ads')).toBeLessThan(kept.indexOf('Loyalty app promo'));
    expect(kept.indexOf('Loyalty app promo')).toBeLessThan(kept.indexOf('Scheduling tool'));
    expect(kept).toContain('| Scheduling tool | Tools | $29 a month | $348 | medium term |');
    expect(kept).toContain('| **Total kept** | | | **$35,348** | |');
    expect(md).toContain('| ~~Photographer~~ | Services | $600 a month | $7,200 | long term |');
    // Kept and cut per category add up to the totals above; shares are of the kept budget.
    expect(md).toContain('| Advertising | 2 | $30,000 |  | 84.9% |');
    expect(md).toContain('| Services | 2 | $5,000 | $7,200 | 14.1% |');
    expect(md).toContain('| **Total per year** | | **$35,348** | **$7,200** | **100.0%** |');
    // Only the links the plan states: none here, so the document says so and guesses nothing.
    expect(md).toContain('- Photographer ($7,200 a year) names no objective or tactic.');
    expect(md).toContain(
      'The budget items are not yet linked to objectives: the plan does not say which objective each item funds.',
    );
    expect(md).toContain('| Total after the cuts | **$35,348** |');
    expect(md).toContain('| Unspent under the cap | $4,652 |');
  });

  it('shows the publishing plan and the first two weeks of the calendar in local time', () => {
    const md = chapter(folder, 'content');
    expect(md).toContain('| Monday | 08:15 | Instagram |');
    expect(md).toContain('| Saturday 01/02/2027 | 18:30 | TikTok |');
    expect(md).toContain('| Monday 01/11/2027 | 08:15 | Instagram |');
    expect(md).not.toContain('01/16/2027');
    expect(md).toContain('12 posts in all');
  });

  it('keeps the review chapter useful without tracking', () => {
    const md = chapter(folder, 'review');
    expect(md).toContain('the review routine');
    expect(md).toContain('Actual figures are added before the first review meeting.');
    expect(md).not.toContain('smplan');
  });
});

describe('a plan with only the required sections', () => {
  let folder: StrategyFolder;
  beforeAll(async () => {
    folder = await renderStrategyFolder(await planFrom(MINIMAL));
  });

  it('shows each missing section as an open point, never as an empty heading', () => {
    expect(folder.chapters).toHaveLength(12);
    for (const c of folder.chapters) {
      const lines = c.markdown.trimEnd().split('\n');
      lines.forEach((line, i) => {
        if (!/^#{1,4} /.test(line)) return;
        const next = lines.slice(i + 1).find((l) => l.trim() !== '');
        expect(next, `${c.file}: "${line}" has nothing under it`).toBeDefined();
        if (line.startsWith('## ') || line.startsWith('### '))
          expect(next!, `${c.file}: "${line}"`).not.toMatch(/^#{1,3} /);
      });
    }
    const notDecided = folder.chapters.filter((c) => c.markdown.includes('**Not decided yet:**')).map((c) => c.slug);
    expect(notDecided).toEqual([
      'situation',
      'objectives',
      'audience',
      'competitors',
      'positioning',
      'channels',
      'content',
      'kpis',
      'budget',
      'team',
      'crisis',
      'review',
    ]);
    expect(folder.readme).toContain('- No measurable objectives yet.');
    expect(folder.readme).toContain('### Investment\n\nNo budget is set yet.');
    expect(folder.readme).toContain('- [SMART objectives](02-objectives.md): specific, measurable');
    expect(folder.charts).toEqual([]);
  });
});

describe('templates from --templates', () => {
  it('override a chapter or a partial by name and fall back to the built-ins', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const os = await import('node:os');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'smplan-tpl-'));
    try {
      mkdirSync(path.join(dir, 'chapters'));
      mkdirSync(path.join(dir, 'partials'));
      writeFileSync(
        path.join(dir, 'chapters', 'budget.md.hbs'),
        '# Our money\n\nTotal {{money budget.total}}, cap {{money budget.cap}}.\n',
      );
      writeFileSync(path.join(dir, 'partials', 'chapter-header.hbs'), '# {{chapter.title}} (ACME edition)\n');
      const loaded = validPlan(await readCheckedPlan(KAFFEBAR));
      const folder = await renderStrategyFolder(loaded, { templatesDir: dir });
      expect(chapter(folder, 'budget')).toBe('# Our money\n\nTotal $42,548, cap $40,000.\n');
      expect(chapter(folder, 'kpis')).toMatch(/^# KPIs and milestones \(ACME edition\)\n/);
      expect(chapter(folder, 'appendix')).toContain('| January 31, 2027 | 13,276 |');
      expect(folder.readme).toContain('## Open points');

      // A translator's catalogue in the same folder replaces single messages.
      mkdirSync(path.join(dir, 'locales'));
      writeFileSync(path.join(dir, 'locales', 'en.json'), JSON.stringify({ 'chapter.kpis': 'Key numbers' }));
      const retitled = await renderStrategyFolder(loaded, { templatesDir: dir });
      expect(retitled.chapters.find((c) => c.slug === 'kpis')!.title).toBe('Key numbers');
      expect(retitled.readme).toContain('8. [Key numbers](08-kpis.md)');
      expect(retitled.readme).toContain('9. [Budget and resources](09-budget.md)');

      writeFileSync(path.join(dir, 'chapters', 'crisis.md.hbs'), '# {{#if}}\n');
      const broken = await renderStrategyFolder(loaded, { templatesDir: dir }).catch((x: unknown) => x);
      expect(asCLIError(broken)).toMatchObject({
        exitCode: 2,
        message: expect.stringContaining(path.join(dir, 'chapters', 'crisis.md.hbs')),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('resolve from the package root wherever the module runs', async () => {
    const { packageRoot, builtinTemplatesDir, localesDir } = await import('../../src/render/paths.js');
    const root = packageRoot();
    expect(existsSync(path.join(root, 'package.json'))).toBe(true);
    expect(existsSync(path.join(builtinTemplatesDir(), 'chapters', 'situation.md.hbs'))).toBe(true);
    expect(existsSync(path.join(localesDir(), 'bg.json'))).toBe(true);
  });
});

describe('Norwegian and Bulgarian plans', () => {
  it('render in Norwegian Bokmål with Norwegian number formats', async () => {
    const folder = await renderStrategyFolder(await planFrom(kaffebarYaml('nb')));
    expect(folder.locale).toBe('nb-NO');
    expect(folder.chapters.map((c) => c.title).slice(0, 4)).toEqual([
      'Situasjonsanalyse',
      'Mål og delmål',
      'Målgruppe',
      'Konkurrentanalyse',
    ]);
    expect(folder.readme).toContain('1. [Situasjonsanalyse](01-situation.md)');
    expect(folder.readme).toContain('## Åpne punkter');
    const nbsp = '\u00a0';
    expect(chapter(folder, 'appendix')).toContain(
      `| Harbor Roasters | Instagram | 9${nbsp}400 | 5 | 26 | 15${nbsp}719 | 167,2${nbsp}% | 6,43${nbsp}% |`,
    );
    expect(chapter(folder, 'appendix')).toContain(`| 31. januar 2027 | 13${nbsp}276 |`);
    expect(chapter(folder, 'appendix')).toContain('| 28. februar 2027 | 159 |');
    expect(chapter(folder, 'budget')).toContain(
      `| Scheduling tool | Verktøy | 29${nbsp}kr per måned | 348${nbsp}kr | mellomlang sikt |`,
    );
    expect(chapter(folder, 'crisis')).toContain('**Ikke avklart ennå:** krisehåndboken.');
  });

  it('render in Bulgarian with Bulgarian number formats', async () => {
    const folder = await renderStrategyFolder(await planFrom(kaffebarYaml('bg')));
    expect(folder.locale).toBe('bg-BG');
    expect(folder.chapters[0]!.title).toBe('Анализ на ситуацията');
    expect(folder.chapters.find((c) => c.slug === 'budget')!.title).toBe('Бюджет и ресурси');
    expect(folder.readme).toContain('## Отворени въпроси');
    const nbsp = '\u00a0';
    expect(chapter(folder, 'appendix')).toContain(
      `| Harbor Roasters | Instagram | 9400 | 5 | 26 | 15${nbsp}719 | 167,2% | 6,43% |`,
    );
    expect(chapter(folder, 'appendix')).toMatch(new RegExp(`\\| 31 януари 2027\\sг\\. \\| 13${nbsp}276 \\|`));
    // A date closing a sentence keeps one full stop ("… 2027 г.", not "г..").
    expect(folder.readme).toMatch(/първият краен срок е 31 май 2027\sг\.\n/);
    for (const c of folder.chapters) expect(c.markdown).not.toMatch(/г\.\.|лв\.\./);
  });
});
