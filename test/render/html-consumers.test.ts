/**
 * plan.html as browsers and assistive technology read it: no HTML conformance error
 * (html-validate, standard rules: what the Nu validator reports) and no serious or critical
 * axe-core violation in Chromium at phone (375 px) and desktop (1280 px) width.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import puppeteer from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCheckedPlan, validPlan } from '../../src/lint/check.js';
import { loadPlan } from '../../src/plan/load.js';
import { renderStrategyFolder } from '../../src/render/folder.js';
import { renderHtml } from '../../src/render/html.js';
import { EXAMPLES } from '../helpers/cli.js';
import { q, UNTRUSTED_TEXT } from '../helpers/untrusted.js';
import { chromiumPath, skipPdf } from './chromium.js';

const require = createRequire(import.meta.url);

/** The nb example with untrusted text in a SWOT item, a persona, a competitor and a special date. */
function untrustedPlan(): string {
  return readFileSync(path.join(EXAMPLES, 'nordlys-bakeri.yaml'), 'utf8')
    .replace(/^(\s+- name: )Surdeigsskolen$/m, `$1${q(UNTRUSTED_TEXT)}`)
    .replace(/^(\s+strengths:\n\s+- ).*$/m, `$1${q(UNTRUSTED_TEXT)}`);
}

const documents: Record<string, string> = {};

beforeAll(async () => {
  for (const file of ['nordlys-bakeri.yaml', 'rodopski-sklon.yaml', 'fieldnote-software.yaml']) {
    const loaded = validPlan(await readCheckedPlan(path.join(EXAMPLES, file)));
    documents[file] = await renderHtml(await renderStrategyFolder(loaded), loaded);
  }
  const outcome = await loadPlan({
    file: path.join(EXAMPLES, 'untrusted.yaml'),
    text: Buffer.from(untrustedPlan()),
    dir: EXAMPLES,
  });
  documents.untrusted = await renderHtml(await renderStrategyFolder(outcome.loaded!), outcome.loaded!);
  expect(documents.untrusted).toContain('x;=1+1');
}, 120_000);

describe('plan.html → browsers and assistive technology', () => {
  it('has no error in html-validate (recommended and accessibility rules)', async () => {
    // recommended holds the standard rules (what the Nu validator reports) and more: native
    // <figure> rather than role="figure", no inline style, heading levels in order.
    const validator = new HtmlValidate({ extends: ['html-validate:recommended', 'html-validate:a11y'] });
    for (const [name, html] of Object.entries(documents)) {
      const report = await validator.validateString(html, `${name}.html`);
      const errors = report.results.flatMap((r) =>
        r.messages.map((m) => `${name}:${m.line}:${m.column} ${m.ruleId} ${m.message}`),
      );
      expect(errors).toEqual([]);
    }
  });

  it('aligns every column header like its values (numbers right, text left)', () => {
    const align = (attrs: string) => /class="[^"]*\balign-(\w+)/.exec(attrs)?.[1] ?? 'left';
    const misaligned: string[] = [];
    for (const [name, html] of Object.entries(documents)) {
      for (const table of html.matchAll(/<table>([\s\S]*?)<\/table>/g)) {
        const heads = [...table[1]!.matchAll(/<th([^>]*)>([^<]*)<\/th>/g)].map((m) => ({
          align: align(m[1]!),
          text: m[2]!,
        }));
        for (const row of table[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)) {
          const cells = [...row[1]!.matchAll(/<td([^>]*)>([\s\S]*?)<\/td>/g)];
          cells.forEach((cell, i) => {
            const head = heads[i];
            if (head && cell[2]!.trim() !== '' && align(cell[1]!) !== head.align)
              misaligned.push(
                `${name}: "${head.text}" ${head.align} over ${align(cell[1]!)} "${cell[2]!.slice(0, 30)}"`,
              );
          });
        }
      }
    }
    expect(misaligned).toEqual([]);
  });

  it.skipIf(skipPdf)(
    'has no serious or critical axe-core violation at 375 px and 1280 px',
    async () => {
      const axe = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
      const browser = await puppeteer.launch({ executablePath: chromiumPath!, args: ['--no-sandbox'] });
      try {
        const page = await browser.newPage();
        // Offline: the document fetches nothing, and nothing else may be fetched.
        await page.setRequestInterception(true);
        page.on('request', (r) => (r.url().startsWith('data:') ? r.continue() : r.abort()));
        const found: string[] = [];
        // The nb example with untrusted text, and the bg one (Cyrillic): axe takes long on a whole document.
        for (const name of ['untrusted', 'rodopski-sklon.yaml']) {
          const html = documents[name]!;
          for (const width of [375, 1280]) {
            await page.setViewport({ width, height: 800 });
            await page.setContent(html, { waitUntil: 'load' });
            // Evaluated through the debugger protocol: the document's CSP allows no script of its own.
            await page.evaluate(axe);
            // Violations only: axe skips collecting every passing node (the same violations, found faster).
            const result = (await page.evaluate(() =>
              (window as unknown as { axe: { run(o: object): Promise<unknown> } }).axe.run({
                resultTypes: ['violations'],
              }),
            )) as { violations: { id: string; impact: string; nodes: { html: string }[] }[] };
            for (const v of result.violations) {
              if (v.impact === 'serious' || v.impact === 'critical')
                found.push(`${name} ${width}px ${v.impact} ${v.id}: ${v.nodes[0]?.html.slice(0, 100)}`);
            }
          }
        }
        expect(found).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    180_000,
  );

  it.skipIf(skipPdf)(
    'shows the SWOT once, and at 390 px keeps chart text at 9 px or more and every heading inside the page',
    async () => {
      const browser = await puppeteer.launch({ executablePath: chromiumPath!, args: ['--no-sandbox'] });
      try {
        const page = await browser.newPage();
        await page.setRequestInterception(true);
        page.on('request', (r) => (r.url().startsWith('data:') ? r.continue() : r.abort()));
        const found: string[] = [];
        for (const name of ['nordlys-bakeri.yaml', 'rodopski-sklon.yaml', 'fieldnote-software.yaml']) {
          for (const width of [390, 1280]) {
            await page.setViewport({ width, height: 800 });
            await page.setContent(documents[name]!, { waitUntil: 'load' });
            const seen = await page.evaluate(() => {
              const out: string[] = [];
              // Drawn size of each chart's text: its font size times the chart's scale on the page.
              for (const svg of document.querySelectorAll<SVGSVGElement>('.figure svg')) {
                const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
                for (const t of svg.querySelectorAll('text')) {
                  const px = Number.parseFloat(getComputedStyle(t).fontSize) * scale;
                  if (t.textContent!.trim() && px < 9)
                    out.push(`${svg.closest('figure')?.id} "${t.textContent}" ${px.toFixed(1)} px`);
                }
              }
              for (const h of document.querySelectorAll('h1, h2, h3, h4'))
                if (h.getBoundingClientRect().right > innerWidth || h.scrollWidth > h.clientWidth + 1)
                  out.push(`heading overflows: ${h.textContent}`);
              if (document.documentElement.scrollWidth > innerWidth)
                out.push(`page ${document.documentElement.scrollWidth} px wide`);
              // The SWOT's two tables say what its grid says: on screen only a screen reader reads them.
              let next = document.querySelector('#chart-swot')!.parentElement!.nextElementSibling;
              let tables = 0;
              for (; next?.classList.contains('table'); next = next.nextElementSibling) {
                tables++;
                if (next.getBoundingClientRect().width > 1) out.push('SWOT table shown beside the SWOT grid');
                // Hidden, it is no keyboard stop (nor is anything in it); a screen reader still reads it.
                if (next.matches('[tabindex], [tabindex] *') || next.querySelector('[tabindex]'))
                  out.push('hidden SWOT table takes a keyboard stop');
                const style = getComputedStyle(next);
                if (style.display === 'none' || style.visibility === 'hidden' || next.closest('[aria-hidden="true"]'))
                  out.push('SWOT table hidden from screen readers too');
              }
              if (tables !== 2) out.push(`${tables} SWOT tables after the grid`);
              return out;
            });
            found.push(...seen.map((s) => `${name} ${width}px ${s}`));
          }
        }
        expect(found).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    120_000,
  );

  it('gives a scrolling table a keyboard stop and a name, and a chart one role and one name', () => {
    const html = documents['nordlys-bakeri.yaml']!;
    // Every table but the SWOT grid's two (hidden on screen, so they cannot scroll) takes a stop.
    expect(html.match(/<div class="table[^"]*"(?! tabindex="0")/g)).toEqual([
      '<div class="table swot-text"',
      '<div class="table swot-text"',
    ]);
    expect(html).toMatch(/<div class="table[^"]*" tabindex="0" role="group" aria-label="[^"]+"><table>/);
    expect(html).not.toMatch(/<th><\/th>/);
    for (const svg of html.match(/<svg[^>]*>/g)!) {
      expect(svg.match(/\srole=/g)?.length ?? 0, svg).toBeLessThanOrEqual(1);
      expect(svg.match(/\saria-label=/g)?.length ?? 0, svg).toBeLessThanOrEqual(1);
    }
  });
});
