import { beforeAll, describe, expect, it } from 'vitest';
import { trackPlan, type TrackingResult } from '../../src/compute/track.js';
import { readCheckedPlan, validPlan } from '../../src/lint/check.js';
import type { LoadedPlan } from '../../src/plan/load.js';
import { reviewSessions } from '../../src/compute/review.js';
import { renderStrategyFolder, type StrategyFolder } from '../../src/render/folder.js';
import { createFormatter } from '../../src/render/format.js';
import { EXAMPLES } from '../helpers/cli.js';
import { KAFFEBAR, MINIMAL, planFrom } from './plans.js';
import path from 'node:path';

/** The acceptance actuals (expected/kaffebar-track.json), tracked as `smplan track` does. */
function acceptanceTracking(plan: LoadedPlan): TrackingResult {
  const row = (objective: string, date: string, value: number, line: number) => ({
    objective,
    date,
    value,
    file: 'actuals.csv',
    line,
  });
  return trackPlan(
    plan.plan,
    [
      row('ig-reach', '2027-02-28', 13500, 2),
      row('ig-reach', '2027-04-30', 17800, 3),
      row('cost-per-signup', '2027-03-31', 7.9, 4),
      row('loyalty-signups', '2027-06-30', 190, 5),
    ],
    { asOf: '2027-06-30' },
  );
}

describe('charts', () => {
  let kaffebar: LoadedPlan;
  let folder: StrategyFolder;
  beforeAll(async () => {
    kaffebar = validPlan(await readCheckedPlan(KAFFEBAR));
    folder = await renderStrategyFolder(kaffebar);
  });

  it('are standalone SVG files in one font, referenced from their chapters', () => {
    expect(folder.charts.map((c) => c.file)).toEqual([
      'charts/competitor-engagement.svg',
      'charts/budget-by-category.svg',
      'charts/kpi-ig-reach.svg',
      'charts/kpi-loyalty-signups.svg',
      'charts/kpi-cost-per-signup.svg',
    ]);
    const markdown = folder.chapters.map((c) => c.markdown).join('\n');
    for (const chart of folder.charts) {
      expect(chart.svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(chart.svg).toContain('Noto Sans');
      // Nothing to fetch: no images, no external fonts or stylesheets.
      expect(chart.svg).not.toMatch(/<image|@import|url\(["']?http|href="http/);
      expect(markdown).toContain(`](${chart.file})`);
    }
  });

  it('draw the computed numbers: milestones, the cap, the competitors', () => {
    const kpi = folder.charts.find((c) => c.file === 'charts/kpi-ig-reach.svg')!.svg;
    expect(kpi).toContain('Monthly reach: milestones to 30,000');
    expect(kpi).toContain('30,000'); // the axis reaches the target
    const budget = folder.charts.find((c) => c.file === 'charts/budget-by-category.svg')!.svg;
    expect(budget).toContain('Cap $40,000');
    expect(budget).toContain('Advertising');
    const engagement = folder.charts.find((c) => c.file === 'charts/competitor-engagement.svg')!.svg;
    for (const name of ['Harbor Roasters', 'Bean There', 'Daily Grind Co']) expect(engagement).toContain(name);
  });

  it("label axes in the plan's language", async () => {
    const nb = validPlan(await readCheckedPlan(path.join(EXAMPLES, 'nordlys-bakeri.yaml')));
    const folderNb = await renderStrategyFolder(nb);
    const files = folderNb.charts.map((c) => c.file);
    expect(files).toContain('charts/swot.svg');
    expect(files).toContain('charts/content-mix.svg');
    const swot = folderNb.charts.find((c) => c.file === 'charts/swot.svg')!.svg;
    for (const q of ['Styrker', 'Svakheter', 'Muligheter', 'Trusler']) expect(swot).toContain(q);
    const kpi = folderNb.charts.find((c) => c.file.startsWith('charts/kpi-'))!.svg;
    expect(kpi).toMatch(/>jan\.?</);
    expect(kpi).toMatch(/\d\u00a0\d{3}/); // thousands grouped the Norwegian way
  });
});

describe('the review chapter with tracking', () => {
  let folder: StrategyFolder;
  beforeAll(async () => {
    const kaffebar = validPlan(await readCheckedPlan(KAFFEBAR));
    const tracking = acceptanceTracking(kaffebar);
    expect(tracking.objectives.map((o) => [o.id, o.status])).toEqual([
      ['ig-reach', 'on-track'],
      ['loyalty-signups', 'behind'],
      ['cost-per-signup', 'behind'],
    ]);
    folder = await renderStrategyFolder(kaffebar, { tracking });
  });

  it("shows each objective's status against the plan and what is behind by how much", () => {
    const md = folder.chapters.find((c) => c.slug === 'review')!.markdown;
    expect(md).toContain('Status at the latest figures (as of June 30, 2027).');
    // On track so far, yet the trend through the actuals ends short of the target: the cell says both.
    expect(md).toContain(
      '| **Monthly reach (Instagram)** | 04/30/2027 | 17,800 | 17,918 | 32% | 33% | **On track so far**; at this trend 94% of the way to the target by the deadline |',
    );
    expect(md).toContain('| **Loyalty app sign-ups** | 06/30/2027 | 190 | 239 | 22% | 49% | **Behind** |');
    // (0.4945 - 0.2222) × 100 = 27.2 percentage points.
    expect(md).toContain(
      '- Loyalty app sign-ups: 190 against 239 expected on June 30, 2027; 27.2 percentage points behind the planned progress.',
    );
    expect(md).toContain(
      '- Cost per sign-up: 7.9 against 6.99 expected on March 31, 2027; 35.8 percentage points behind',
    );
    // The actuals are drawn once, on the KPI chapter's charts.
    expect(md).not.toContain('![');
    expect(md).toContain('The actual figures are drawn on the charts in [KPIs and milestones](08-kpis.md).');
    expect(md).not.toContain('smplan');
  });

  it('draws the actuals over the milestones', async () => {
    const withActuals = folder.charts.find((c) => c.file === 'charts/kpi-ig-reach.svg')!.svg;
    expect(withActuals).toContain('>Actual<');
    expect(withActuals).toContain('>Plan<');
    // The legend's symbols are clean filled shapes: no outline, so the actual series' dash cannot fray its square.
    const symbols = [...withActuals.matchAll(/role-legend-symbol[^>]*><path [^>]*>/g)].map((m) => m[0]);
    expect(symbols).toHaveLength(2);
    for (const s of symbols) expect(s).toMatch(/stroke-width="0"/);
    const without = (await renderStrategyFolder(validPlan(await readCheckedPlan(KAFFEBAR)))).charts.find(
      (c) => c.file === 'charts/kpi-ig-reach.svg',
    )!.svg;
    expect(without).not.toContain('>Actual<');
  });

  it('names the next review session after the figures', async () => {
    const plan = await planFrom(`${MINIMAL}review:
  cadence: monthly
  first: 2027-02-03
  weekday: wed
  participants: [Per, Hanne]
objectives:
  - { id: reach, goal: awareness, metric: reach, baseline: 100, target: 200, deadline: 2027-12-31 }
`);
    const out = await renderStrategyFolder(plan, {
      tracking: trackPlan(plan.plan, [
        { objective: 'reach', date: '2027-04-10', value: 110, file: 'actuals.csv', line: 2 },
      ]),
    });
    const md = out.chapters.find((c) => c.slug === 'review')!.markdown;
    // The first Wednesday of each month: May 5 follows April 10.
    expect(md).toContain('| Next session | **May 5, 2027** |');
    expect(md).toContain('| Participants | Per and Hanne |');
  });
});

describe('review sessions', () => {
  it("keep the first session's weekday month by month, or its day without one", async () => {
    const base = (await planFrom(MINIMAL)).plan;
    const wed = reviewSessions({ ...base, review: { cadence: 'monthly', first: '2027-02-03', weekday: 'wed' } });
    expect(wed.slice(0, 4)).toEqual(['2027-02-03', '2027-03-03', '2027-04-07', '2027-05-05']);
    expect(wed).toHaveLength(11);
    // A first session on a Sunday is the plan saying Sunday: the last Sunday of each month.
    const byDay = reviewSessions({ ...base, review: { cadence: 'monthly', first: '2027-01-31' } });
    expect(byDay.slice(0, 3)).toEqual(['2027-01-31', '2027-02-28', '2027-03-28']);
    expect(reviewSessions({ ...base, review: { cadence: 'biweekly', first: '2027-12-01' } })).toEqual([
      '2027-12-01',
      '2027-12-15',
      '2027-12-29',
    ]);
    expect(reviewSessions({ ...base, review: { cadence: 'ad-hoc', first: '2027-01-01' } })).toEqual([]);
  });
});

describe('formats', () => {
  it('write numbers, money and dates the way each language does', () => {
    const nb = createFormatter('nb', 'NOK');
    expect(nb.number(1234.5)).toBe('1\u00a0234,5');
    expect(nb.percent(0.125)).toBe('12,5\u00a0%');
    expect(nb.money(176500)).toBe('176\u00a0500\u00a0kr');
    expect(nb.date('2027-03-31')).toBe('31. mars 2027');
    expect(nb.weekday('sun')).toBe('søndag');
    const bg = createFormatter('bg', 'BGN');
    expect(bg.number(12345.5)).toBe('12\u00a0345,5');
    expect(bg.percent(0.125)).toBe('12,5%');
    expect(bg.list(['Instagram', 'TikTok'])).toBe('Instagram и TikTok');
    // A region sets the formats: a £ plan in en-GB reads 14/01/2027; plain en stays US.
    const gb = createFormatter('en-GB', 'GBP');
    expect(gb.shortDate('2027-01-14')).toBe('14/01/2027');
    expect(gb.date('2027-01-14')).toBe('14 January 2027');
    expect(gb.money(1250)).toBe('£1,250');
    expect(createFormatter('en', 'GBP').shortDate('2027-01-14')).toBe('01/14/2027');
    const en = createFormatter('en', 'USD');
    expect(en.measure(13276.13586343592)).toBe('13,276');
    expect(en.measure(158.57142857142858)).toBe('159');
    expect(en.measure(158.57142857142858, 'hours')).toBe('159 hours');
    expect(en.measure(58.57142857142858, 'hours')).toBe('58.6 hours');
    expect(en.measure(5.949999999999999)).toBe('5.95');
    expect(en.measure(12.5, 'money')).toBe('$12.50');
    expect(en.measure(3000, 'followers')).toBe('3,000 followers');
    // The unit means what it means in the terminal (src/units.ts): fractions and the currency code.
    expect(en.measure(0.02, '%')).toBe('2.00%');
    expect(en.measure(0.25, 'rate')).toBe('25.0%');
    expect(en.measure(1500, 'USD')).toBe('$1,500');
    expect(nb.measure(0.042, 'percent')).toBe('4,20\u00a0%');
    expect(en.capitalise('monthly reach')).toBe('Monthly reach');
    expect(bg.capitalise('месечен обхват')).toBe('Месечен обхват');
    expect(nb.capitalise('')).toBe('');
  });
});
