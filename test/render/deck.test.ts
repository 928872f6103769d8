/**
 * The meeting deck: read back with Info-ZIP's unzip (not the library that wrote it), so what is
 * checked is the file a client's PowerPoint or Impress opens: slides with real text and tables,
 * native charts with their data in an embedded workbook, the plan's language, figures equal to
 * the document's, and plan text that stays text.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCheckedPlan, validPlan } from '../../src/lint/check.js';
import { renderDeck, type SlideSpec } from '../../src/render/deck/index.js';
import { renderStrategyFolder, type StrategyFolder } from '../../src/render/folder.js';
import { EXAMPLES, ROOT, runCli } from '../helpers/cli.js';
import { q, UNTRUSTED_TEXT } from '../helpers/untrusted.js';
import { kaffebarYaml, planFrom } from './plans.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'smplan-deck-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const hasUnzip = spawnSync('unzip', ['-v']).status === 0;
const hasOffice = spawnSync('soffice', ['--version']).status === 0;

/** One part of a zip file as text, read by Info-ZIP's unzip. */
function part(file: string, name: string): string {
  // unzip reads a name as a pattern: [Content_Types].xml needs its brackets escaped.
  const pattern = name.replace(/[[\]*?]/g, '\\$&');
  return execFileSync('unzip', ['-p', file, pattern], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}
/** The files in a zip (not its folder entries). */
function parts(file: string): string[] {
  return execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .filter((n) => !n.endsWith('/'));
}

interface Deck {
  folder: StrategyFolder;
  slides: SlideSpec[];
  file: string;
}

async function deckOf(plan: string, name: string): Promise<Deck> {
  const loaded = validPlan(await readCheckedPlan(plan));
  const folder = await renderStrategyFolder(loaded);
  const { pptx, slides } = await renderDeck(folder, loaded);
  const file = path.join(scratch, `${name}.pptx`);
  writeFileSync(file, pptx);
  return { folder, slides, file };
}

/** The text a slide shows, in reading order (runs joined). */
function slideText(file: string, n: number): string {
  return [...part(file, `ppt/slides/slide${n}.xml`).matchAll(/<a:t>([^<]*)<\/a:t>/g)]
    .map((m) => unescapeXml(m[1]!))
    .join('\n');
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Markdown as a reader sees it: no emphasis, no escapes, no soft hyphens. */
function readable(markdown: string): string {
  return markdown
    .replace(/\*\*/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1')
    .replace(/\u00ad/g, '');
}

const catalogue = (language: string): Record<string, string> =>
  JSON.parse(readFileSync(path.join(ROOT, 'locales', `${language}.json`), 'utf8'));
const EXAMPLE_LANGUAGE = { 'nordlys-bakeri': 'nb', 'fieldnote-software': 'en', 'rodopski-sklon': 'bg' } as const;

describe.skipIf(!hasUnzip && !process.env.CI)('render --pptx: the kickoff deck', () => {
  for (const [name, language] of Object.entries(EXAMPLE_LANGUAGE)) {
    it(`${name}: 12–18 slides in the plan's language, native charts with their data, figures as in the document`, async () => {
      const { folder, slides, file } = await deckOf(path.join(EXAMPLES, `${name}.yaml`), name);
      // Lines the document breaks inside a paragraph read as one on a slide.
      const summary = readable(folder.readme).replace(/[ \t]*\n(?![\n|#-])/g, ' ');
      expect(slides.length).toBeGreaterThanOrEqual(12);
      expect(slides.length).toBeLessThanOrEqual(18);
      const names = parts(file);
      expect(names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toHaveLength(slides.length);

      // The catalogue's chapter titles head the slides.
      const titles = slides.map((s) => s.title);
      const words = catalogue(language);
      for (const chapter of ['objectives', 'competitors', 'budget', 'crisis'])
        expect(titles).toContain(words[`chapter.${chapter}`]);
      const at = (kind: string) => slides.findIndex((s) => s.kind === kind) + 1;
      expect(slideText(file, at('objectives'))).toContain(words['chapter.objectives']);

      // The decision slide: the document's headline, word for word, and its next review.
      const decision = slideText(file, at('decision'));
      const lead = summary.split(`## ${words['index.summary']}`)[1]!.trim().split('\n')[0]!;
      expect(decision).toContain(lead);
      expect(decision).toMatch(new RegExp(words['summary.investment_heading']!));

      // Every chart is a chart part with its data in an embedded workbook, not a picture.
      const charts = names.filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
      const chartBlocks = slides.flatMap((s) => s.blocks.filter((b) => b.type === 'chart'));
      expect(charts).toHaveLength(chartBlocks.length);
      expect(chartBlocks.length).toBeGreaterThanOrEqual(4);
      for (const chart of charts) {
        const xml = part(file, chart);
        expect(xml).toContain('<c:chartSpace');
        expect(xml).toContain('<c:externalData');
      }
      expect(names.filter((n) => /^ppt\/embeddings\/.*\.xlsx$/.test(n))).toHaveLength(charts.length);
      // No chart is a picture: the only pictures are the client's logo (an SVG and its PNG copy).
      expect(names.filter((n) => /^ppt\/media\//.test(n)).length).toBeLessThanOrEqual(
        name === 'fieldnote-software' ? 2 : 0,
      );

      // The budget chart's workbook holds the budget's kept amounts per category.
      const budget = folder.view.context.budget!;
      const budgetSlide = slides.findIndex((s) => s.kind === 'budget') + 1;
      const rels = part(file, `ppt/slides/_rels/slide${budgetSlide}.xml.rels`);
      const chartPart = /Target="[./]*\/?ppt\/charts\/(chart\d+\.xml)"|Target="\.\.\/charts\/(chart\d+\.xml)"/
        .exec(rels)!
        .slice(1)
        .find(Boolean)!;
      const chartRels = part(file, `ppt/charts/_rels/${chartPart}.rels`);
      const workbook = path.join(scratch, `${name}-budget.xlsx`);
      writeFileSync(
        workbook,
        execFileSync('unzip', ['-p', file, `ppt/embeddings/${/embeddings\/([^"]+\.xlsx)/.exec(chartRels)![1]}`]),
      );
      const sheet = part(workbook, 'xl/worksheets/sheet1.xml');
      const numbers = [...sheet.matchAll(/<v>([^<]*)<\/v>/g)].map((m) => Number(m[1]));
      for (const c of budget.by_category) expect(numbers).toContain(c.kept);

      // The objectives slide shows each target as the document's summary table prints it.
      const objectivesSlide = slides.findIndex((s) => s.kind === 'objectives') + 1;
      const shown = slideText(file, objectivesSlide);
      const table = slides[objectivesSlide - 1]!.blocks.find((b) => b.type === 'table')!;
      if (table.type !== 'table') throw new Error('no objectives table');
      for (const row of table.rows) {
        for (const cell of row.slice(1)) {
          expect(shown).toContain(cell.text);
          expect(summary).toContain(cell.text);
        }
      }
      // So does the budget sentence.
      const budgetLine = slides[budgetSlide - 1]!.blocks[0]!;
      if (budgetLine.type !== 'text') throw new Error('no budget sentence');
      expect(summary).toContain(budgetLine.lines[0]!.text);

      // Speaker notes carry the chapter's own sentences.
      const notes = names.filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n)).map((n) => part(file, n));
      const budgetChapter = readable(folder.chapters.find((c) => c.slug === 'budget')!.markdown);
      const firstSentence = budgetChapter
        .split('\n')
        .find((l) => l.length > 40 && !l.startsWith('#') && !l.startsWith('|'))!
        .trim();
      expect(notes.map(unescapeXml).join('\n')).toContain(firstSentence);
    });
  }

  it("carries the client's logo and accent colour, and the new sections of a public body's strategy", async () => {
    const branded = await deckOf(path.join(EXAMPLES, 'fieldnote-software.yaml'), 'branded');
    const media = parts(branded.file).filter((n) => n.startsWith('ppt/media/'));
    // The SVG logo, with the PNG copy pptxgenjs adds for programs without SVG.
    expect(media.some((n) => part(branded.file, n).includes('<svg'))).toBe(true);
    expect(media.length).toBeLessThanOrEqual(2);
    expect(part(branded.file, 'ppt/slides/slide1.xml')).toContain('<a:srgbClr val="0B5A8C"/>');
    const body = await deckOf(path.join(EXAMPLES, 'friluftsdirektoratet.yaml'), 'public-body');
    const words = catalogue('nb');
    const kinds = body.slides.map((s) => s.kind);
    expect(kinds).toEqual(expect.arrayContaining(['initiatives', 'governance']));
    expect(body.slides.length).toBeGreaterThanOrEqual(12);
    // An item without an amount says so, where a made-up 0 would be.
    const budget = body.slides.find((s) => s.kind === 'budget')!;
    const table = budget.blocks.find((b) => b.type === 'table');
    if (table?.type !== 'table') throw new Error('no budget table');
    expect(table.rows.map((r) => r[1]!.text)).toContain(words['budget.no_amount']);
  });

  it('keeps plan text as text: no link, field or macro comes from it, and markup is escaped', async () => {
    // Names reach chart series, categories, table cells and the file's own properties.
    const yaml = kaffebarYaml('en')
      .replace(/^(\s*- name: )(.*)$/gm, (_, lead: string, name: string) => `${lead}${q(`${UNTRUSTED_TEXT} ${name}`)}`)
      .replace(/organization: .*/, `organization: ${q(UNTRUSTED_TEXT)}`)
      .replace(/title: .*/, `title: ${q(`${UNTRUSTED_TEXT} \u202eevil\u202c`)}`);
    const loaded = await planFrom(yaml);
    const folder = await renderStrategyFolder(loaded);
    const { pptx } = await renderDeck(folder, loaded);
    const file = path.join(scratch, 'hostile.pptx');
    writeFileSync(file, pptx);
    const names = parts(file);
    expect(names.some((n) => /vbaProject|\.bin$/.test(n))).toBe(false);
    for (const n of names.filter((x) => x.endsWith('.xml') || x.endsWith('.rels'))) {
      const xml = part(file, n);
      expect(xml, n).not.toMatch(/hlinkClick|TargetMode="External"/);
      // The only fields are the slide number and the notes page's date that the file itself places.
      const fields = [...xml.matchAll(/<a:fld\b[^>]*>/g)].map((m) => /type="([^"]*)"/.exec(m[0])?.[1]);
      expect(
        fields.every((type) => type === 'slidenum' || type === 'datetimeFigureOut'),
        n,
      ).toBe(true);
      expect(xml, n).not.toContain('<b>*fet*</b>');
    }
    expect(slideText(file, 1)).toContain(UNTRUSTED_TEXT.replace('\t', '\t'));
  });
});

describe.skipIf(!hasUnzip && !process.env.CI)('render --pptx from the command line', () => {
  it('writes plan.pptx beside the folder, 4:3 when asked', async () => {
    const out = path.join(scratch, 'cli-4x3');
    const r = await runCli([
      'render',
      path.join(EXAMPLES, 'nordlys-bakeri.yaml'),
      '--pptx',
      '--slides',
      '4:3',
      '-o',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/plan\.pptx \(14 slides, \d+ KB\)/);
    expect(part(path.join(out, 'plan.pptx'), 'ppt/presentation.xml')).toMatch(/<p:sldSz cx="9144000" cy="6858000"/);
  });

  it('with --actuals writes the review deck: status, progress and what is behind', async () => {
    const { EXAMPLE_ACTUALS } = await import('./plans.js');
    const out = path.join(scratch, 'cli-review');
    const r = await runCli([
      'render',
      path.join(EXAMPLES, 'rodopski-sklon.yaml'),
      '--pptx',
      '-o',
      out,
      ...EXAMPLE_ACTUALS['rodopski-sklon.yaml'],
    ]);
    expect(r.code, r.stderr).toBe(0);
    const file = path.join(out, 'plan.pptx');
    // Title, the summary's headline and status line, then the status table.
    const text = slideText(file, 3);
    expect(text).toContain(catalogue('bg')['heading.status']);
    const review = readable(readFileSync(path.join(out, '12-review.md'), 'utf8'));
    // The review chapter's plan-versus-actual table: each objective's actual and expected value, as printed there.
    const words = catalogue('bg');
    const lines = review.split('\n');
    const head = lines.findIndex((l) => l.startsWith('|') && l.includes(`| ${words['label.actual']} |`));
    const columns = lines[head]!.split('|').map((c) => c.trim());
    const [actual, expected] = [columns.indexOf(words['label.actual']!), columns.indexOf(words['label.expected']!)];
    const end = lines.findIndex((l, i) => i > head && !l.startsWith('|'));
    const rows = lines.slice(head + 2, end).map((l) => l.split('|').map((c) => c.trim()));
    expect(rows).toHaveLength(6);
    const shown = text.split('\n');
    for (const row of rows) {
      const at = shown.indexOf(row[1]!);
      expect(at, row[1]).toBeGreaterThan(0);
      // Objective, then its actual and expected value in the deck's table.
      expect(shown.slice(at + 1, at + 3)).toEqual([row[actual], row[expected]]);
    }
  });
});

describe.skipIf(!hasOffice && !process.env.CI)('the deck in LibreOffice Impress', () => {
  it('opens and converts to PDF, one page per slide', async () => {
    const { slides, file } = await deckOf(path.join(EXAMPLES, 'fieldnote-software.yaml'), 'office');
    const profile = path.join(scratch, 'office-profile');
    const r = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', scratch, file],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const info = execFileSync('pdfinfo', [path.join(scratch, 'office.pdf')], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(slides.length);
  }, 150_000);
});
