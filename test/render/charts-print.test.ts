/**
 * The charts as a client reads them on paper: drawn at the printed text width (half of it for the
 * KPI small multiples) in one type scale no smaller than 7.5 pt, series apart in grayscale, the
 * legend in drawing order, money and percentages written like the tables, names wrapped rather
 * than cut, and the Bulgarian SWOT text inside its boxes by measured width.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCheckedPlan, validPlan } from '../../src/lint/check.js';
import { endTicks, HALF_WIDTH, STEPS, TEXT_WIDTH } from '../../src/render/charts/index.js';
import { renderStrategyFolder, type StrategyFolder } from '../../src/render/folder.js';
import { textMeasure, wrapText } from '../../src/render/text-width.js';
import { EXAMPLES } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'smplan-charts-print-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
cpSync(path.join(EXAMPLES, 'data'), path.join(dir, 'data'), { recursive: true });

/** An example plan, changed by `edit`, rendered to a folder. */
async function example(file: string, edit: (yaml: string) => string = (y) => y): Promise<StrategyFolder> {
  const plan = path.join(dir, file);
  writeFileSync(plan, edit(readFileSync(path.join(EXAMPLES, file), 'utf8')));
  return renderStrategyFolder(validPlan(await readCheckedPlan(plan)));
}

const svgOf = (folder: StrategyFolder, file: string) => folder.charts.find((c) => c.file === file)!.svg;
/** The text of every <text> element, in document (drawing) order. */
const texts = (svg: string) =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>|<text[^>]*>((?:<tspan[^>]*>[^<]*<\/tspan>)+)<\/text>/g)].map((m) =>
    (m[1] ?? m[2]!.replace(/<[^>]+>/g, ' ')).replace(/&amp;/g, '&').trim(),
  );

let en: StrategyFolder;
let nb: StrategyFolder;
let bg: StrategyFolder;
beforeAll(async () => {
  [en, nb, bg] = await Promise.all([
    example('fieldnote-software.yaml'),
    example('nordlys-bakeri.yaml'),
    example('rodopski-sklon.yaml'),
  ]);
});

describe('charts on paper', () => {
  it('are the text width (KPI small multiples half of it) with no text under 10 px (7.5 pt)', () => {
    for (const folder of [en, nb, bg]) {
      for (const chart of folder.charts) {
        const width = Number(/^<svg[^>]*\swidth="([\d.]+)"/.exec(chart.svg)![1]);
        expect(width, chart.file).toBe(chart.file.startsWith('charts/kpi-') ? HALF_WIDTH : TEXT_WIDTH);
        const sizes = [...chart.svg.matchAll(/font-size="([\d.]+)(?:px)?"/g)].map((m) => Number(m[1]));
        expect(sizes.length, chart.file).toBeGreaterThan(0);
        expect(Math.min(...sizes), chart.file).toBeGreaterThanOrEqual(10);
        // Nothing cut short with an ellipsis, and no title drawn that repeats the heading above.
        expect(chart.svg, chart.file).not.toContain('…');
        if (!chart.file.startsWith('charts/kpi-')) expect(chart.svg).not.toContain('role-title');
        expect(chart.svg).toContain(`<title>`);
      }
    }
  });

  it('write money axes with the currency and percentages like the tables', () => {
    expect(texts(svgOf(en, 'charts/budget-by-category.svg'))).toContain('£40,000');
    expect(texts(svgOf(nb, 'charts/budget-by-category.svg'))).toContain('100\u00a0000\u00a0kr');
    expect(texts(svgOf(bg, 'charts/budget-by-category.svg')).some((t) => /^\d[\d\u00a0]*\u00a0€$/.test(t))).toBe(true);
    // "2,67 %" in the Norwegian tables: the axis and the bar labels keep the space before the sign.
    const engagement = texts(svgOf(nb, 'charts/competitor-engagement.svg'));
    expect(engagement).toContain('2\u00a0%');
    expect(engagement.some((t) => /\d,\d\d\u00a0%$/.test(t))).toBe(true);
    expect(texts(svgOf(nb, 'charts/content-mix.svg'))).toContain('20\u00a0%');
    // A KPI measured in money: its axis says so.
    expect(texts(svgOf(en, 'charts/kpi-cost-per-demo.svg')).some((t) => t.startsWith('£'))).toBe(true);
  });

  it('label the ends of every KPI y axis, below and above the data', () => {
    expect(endTicks([42, 63])).toEqual([40, 50, 60, 70]);
    expect(endTicks([310, 232.5])).toEqual([220, 240, 260, 280, 300, 320]);
    expect(endTicks([0.021, 0.03])).toEqual([0.02, 0.025, 0.03]);
    expect(endTicks([5, 5])).toEqual([4.5, 5, 5.5]);
    const demos = texts(svgOf(en, 'charts/kpi-demo-requests.svg'));
    expect(demos).toContain('40');
    expect(demos).toContain('70');
  });

  it('put every KPI small multiple on one time axis: the plan year, a tick each month, a label each quarter', () => {
    for (const [folder, quarters] of [
      [en, ['Jan', 'Apr', 'Jul', 'Oct']],
      [nb, ['jan', 'apr', 'jul', 'okt']],
      [bg, ['януари', 'април', 'юли', 'октомври']],
    ] as const) {
      const axes = folder.charts
        .filter((c) => c.file.startsWith('charts/kpi-'))
        .map((c) => {
          const ticks = /role-axis-tick"[^>]*>((?:<line [^>]*\/>)+)/.exec(c.svg)![1]!;
          const labels = /role-axis-label"[^>]*>([\s\S]*?)<\/g>/.exec(c.svg)![1]!;
          return {
            // Where the plot starts in the chart and where each tick sits on it.
            origin: /translate\(([\d.]+),/.exec(c.svg)![1],
            ticks: [...ticks.matchAll(/translate\(([\d.]+),/g)].map((m) => m[1]),
            labels: texts(labels).filter((t) => t !== ''),
          };
        });
      expect(axes.length).toBeGreaterThan(3);
      expect(axes[0]!.ticks).toHaveLength(12);
      expect(axes[0]!.labels).toEqual(quarters);
      for (const axis of axes) expect(axis).toEqual(axes[0]);
    }
  });

  it('stack the budget in the legend order, in lightness steps, with kept and cut apart', async () => {
    const cut = await example('nordlys-bakeri.yaml', (y) => y.replace(/^ {2}cap: 180000$/m, '  cap: 100000'));
    const svg = svgOf(cut, 'charts/budget-by-category.svg');
    const words = texts(svg);
    expect(words).toContain('Sum beholdt');
    expect(words).toContain('Sum kuttet');
    expect(words).toContain('Ramme 100\u00a0000\u00a0kr');
    // Bars left to right along the kept row take the step colours in order; the legend lists the same.
    const bars = [
      ...svg.matchAll(
        /<path aria-label="[^"]*row: Sum beholdt; [^"]*category: ([^"]+)"[^>]* d="M([\d.]+),[^"]*" fill="(#[0-9a-f]+)"/g,
      ),
    ]
      .map((m) => ({ x0: Number(m[2]), category: m[1]!, fill: m[3]! }))
      .sort((a, b) => a.x0 - b.x0);
    expect(bars.length).toBeGreaterThan(1);
    const legend = words.filter((w) => bars.some((b) => b.category === w) || ['Personal', 'Annet'].includes(w));
    const order = ['Annonsering', 'Verktøy', 'Tjenester', 'Personal', 'Annet'];
    expect(legend).toEqual(order.filter((c) => legend.includes(c)));
    expect(bars.map((b) => b.category)).toEqual(order.filter((c) => bars.some((b) => b.category === c)));
    for (const b of bars) expect(b.fill).toBe(STEPS[order.indexOf(b.category)]);
    // The steps differ in lightness (what a grayscale printer keeps).
    const luma = (hex: string) =>
      [0, 1, 2].reduce((s, i) => s + [0.299, 0.587, 0.114][i]! * parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16), 0);
    // One step per budget category, each at least 40 of 255 lighter than the one before (the two
    // darkest used to differ by less and looked alike on paper).
    expect(STEPS).toHaveLength(5);
    for (let i = 1; i < STEPS.length; i++) expect(luma(STEPS[i]!) - luma(STEPS[i - 1]!)).toBeGreaterThan(40);
  });

  it('tell plan from actual by dash and point shape as well as colour', async () => {
    const { trackPlan } = await import('../../src/compute/track.js');
    const plan = validPlan(await readCheckedPlan(path.join(dir, 'fieldnote-software.yaml')));
    const folder = await renderStrategyFolder(plan, {
      tracking: trackPlan(plan.plan, [
        { objective: 'demo-requests', date: '2027-01-31', value: 44, file: 'a.csv', line: 2 },
        { objective: 'demo-requests', date: '2027-02-28', value: 41, file: 'a.csv', line: 3 },
      ]),
    });
    const svg = svgOf(folder, 'charts/kpi-demo-requests.svg');
    expect(svg).toMatch(/stroke-dasharray="5,3"/);
    // Circles for the plan, squares for the actuals (in the legend and on the line).
    expect(svg).toMatch(/d="M-?[\d.]+,-?[\d.]+h[\d.]+v[\d.]+h-[\d.]+Z"/);
    expect(texts(svg)).toEqual(expect.arrayContaining(['Plan', 'Actual']));
  });

  it('name every bar of the competitor chart and wrap long names instead of cutting them', async () => {
    const words = texts(svgOf(en, 'charts/competitor-engagement.svg'));
    expect(words).toContain('Fieldnote Software Ltd 1.47%');
    expect(words).toContain('CrewBoard 1.50%');
    const long = await example('fieldnote-software.yaml', (y) =>
      y.replace(
        /^ {2}- name: JobSheet Pro$/m,
        '  - name: JobSheet Pro Field Service Management Software for Trades Limited',
      ),
    );
    const wrapped = texts(svgOf(long, 'charts/competitor-engagement.svg')).join(' ');
    expect(wrapped.replace(/\s+/g, ' ')).toContain('JobSheet Pro Field Service Management Software for Trades Limited');
    const pillars = texts(svgOf(en, 'charts/content-mix.svg')).join(' ');
    expect(pillars).toContain('Run a profitable trades business');
  });
});

describe('the SWOT grid', () => {
  it('keeps every Bulgarian line inside its box, by measured width', async () => {
    const measure = await textMeasure();
    const svg = svgOf(bg, 'charts/swot.svg');
    const cell = (TEXT_WIDTH - 10) / 2;
    let lines = 0;
    for (const group of svg.split('<g transform=').slice(1)) {
      for (const m of group.matchAll(/<text x="([\d.]+)"[^>]*font-size="([\d.]+)"[^>]*>([^<]*)<\/text>/g)) {
        const weight = /font-weight="700"/.test(m[0]) ? 700 : 400;
        const text = m[3]!
          .replace(/&quot;/g, '"')
          .replace(/&apos;/g, "'")
          .replace(/&amp;/g, '&');
        expect(Number(m[1]) + measure.width(text, Number(m[2]), weight), text).toBeLessThanOrEqual(cell - 10);
        lines++;
      }
    }
    expect(lines).toBeGreaterThan(12);
    expect(svg).toMatch(/[А-Яа-я]/);
  });

  it('wraps by width, not by characters: wide Cyrillic breaks sooner than narrow Latin', async () => {
    const measure = await textMeasure();
    expect(measure.width('Ш', 10)).toBeGreaterThan(measure.width('i', 10) * 3);
    const latin = wrapText(measure, 'illicit ill limit lilt '.repeat(4), 150, 11);
    const cyrillic = wrapText(measure, 'Шумът ЖЮЩ широк мащаб '.repeat(4), 150, 11);
    for (const line of [...latin, ...cyrillic]) expect(measure.width(line, 11)).toBeLessThanOrEqual(150);
    expect(cyrillic.length).toBeGreaterThan(latin.length);
    // A word wider than the line is broken with a hyphen, never left to overflow.
    const broken = wrapText(measure, 'Здравейтеееееееееееееееееееее', 60, 11);
    expect(broken.length).toBeGreaterThan(1);
    for (const line of broken) expect(measure.width(line, 11)).toBeLessThanOrEqual(60);
  });
});
