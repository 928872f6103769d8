import { describe, expect, it } from 'vitest';
import { fontFaces, usedFontFaces } from '../../src/render/fonts.js';
import { coverDate, cssPageOf, cssString, renderHtml, overviewMarkdown } from '../../src/render/html.js';
import { slugify } from '../../src/render/markdown.js';
import { inlineSvg } from '../../src/render/svg-inline.js';
import { fakeFolder, kaffebar } from './document-fixture.js';

describe('renderHtml', () => {
  it('is one self-contained document: no http(s) sources, a strict CSP, fonts inline, lang set', async () => {
    const html = await renderHtml(fakeFolder({ hostile: true, port: 4567 }), await kaffebar());
    expect(html).not.toMatch(/(src|href)="https?:\/\//i);
    expect(html).not.toMatch(/url\((?!data:|#)/);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">`,
    );
    expect(html).toMatch(/<html lang="en">/);
    // Regular and bold, each in the subsets the text needs: Latin (æøå) and Cyrillic, not Latin Extended.
    expect(html.match(/@font-face\{font-family:'Noto Sans'/g)).toHaveLength(4);
    expect(html).toMatch(/unicode-range:U\+0301,U\+0400-045F/);
    expect(html).toMatch(/unicode-range:U\+0000-00FF/);
    expect(html).not.toMatch(/unicode-range:U\+0100-02BA/);
  });

  it('embeds the Noto Emoji subset an emoji needs, and none for digits, © or punctuation', async () => {
    const faces = await fontFaces();
    const emoji = (doc: string) => (usedFontFaces(faces, doc).match(/font-family:'Noto Emoji'/g) ?? []).length;
    expect(emoji('<p>2027 © – “x” ™ #1 *</p>')).toBe(0);
    expect(emoji('<p>Brød 🥐</p>')).toBe(1);
    expect(emoji('<p>🥐 ✨ 🍞</p>')).toBeGreaterThanOrEqual(1);
  });

  it('embeds a font subset only when the document has a character for it', async () => {
    const faces = await fontFaces();
    const ranges = (doc: string) =>
      [...usedFontFaces(faces, doc).matchAll(/unicode-range:U\+([0-9A-F]+)/g)].map((m) => m[1]);
    expect(ranges('<p>Plain English, blåbær</p>')).toEqual(['0000', '0000']);
    // ł is Latin Extended; Ж is Cyrillic, here written as a character reference.
    expect(ranges('<p>Łódź</p>')).toEqual(['0100', '0000', '0100', '0000']);
    expect(ranges('<p>&#1046;</p>')).toEqual(['0301', '0000', '0301', '0000']);
  });

  it('shows hostile plan text as text: no script, no event handler, no dangerous link, no template evaluation', async () => {
    const html = await renderHtml(fakeFolder({ hostile: true, port: 4567 }), await kaffebar());
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/<img[^>]*onerror/i);
    expect(html).not.toMatch(/href="(javascript|vbscript|file|data):/i);
    expect(html).not.toMatch(/href="java%73cript/i);
    expect(html).toContain('{{7*7}}');
    expect(html).not.toContain('>49<');
    // The web link is readable text with its address, not a live link; the remote image is not loaded.
    expect(html).toMatch(
      /<span class="link">a local server <span class="url">\(http:\/\/127\.0\.0\.1:4567\/link\)<\/span><\/span>/,
    );
    expect(html).toContain('<span class="missing-image">[pixel]</span>');
  });

  it('captions a chart only when the chart does not carry its own title', async () => {
    const untitled = await renderHtml(fakeFolder(), await kaffebar());
    expect(untitled).toContain('<figcaption class="caption">Monthly reach</figcaption></figure>');
    const folder = fakeFolder();
    // A wrapped vega title is a title mark with one text line per row.
    folder.charts[0]!.svg = folder.charts[0]!.svg.replace(
      '<g clip-path',
      '<g class="mark-group role-title"><text>Monthly</text><text>reach</text></g><g clip-path',
    );
    const titled = await renderHtml(folder, await kaffebar());
    expect(titled).not.toContain('class="caption"');
    expect(titled).toContain('aria-label="Monthly reach"');
  });

  it('keeps mail links, shows web addresses once, and drops links to files outside the document', async () => {
    const folder = fakeFolder();
    folder.chapters[0]!.markdown +=
      '\n\nWrite to [us](mailto:hei@example.no), see <https://example.com/a>, or [the export](data/posts.csv).\n';
    const html = await renderHtml(folder, await kaffebar());
    expect(html).toContain('<a href="mailto:hei@example.no">us</a>');
    expect(html).toContain(
      'see <span class="link">https://example.com/a</span>, or <span class="link">the export</span>.',
    );
  });

  it('turns chapter links into in-page anchors and falls back to the chapter for unknown headings', async () => {
    const html = await renderHtml(fakeFolder(), await kaffebar());
    expect(html).toContain('<section class="chapter" id="chapter-competitors">');
    expect(html).toContain(
      '<h2 id="competitors--engagement-benchmark"><span class="section-anchor" id="section-competitors-1"></span>Engagement benchmark</h2>',
    );
    expect(html).toContain('<a href="#chapter-competitors">competitors</a>');
    expect(html).toContain('<a href="#competitors--engagement-benchmark">the benchmark</a>');
    expect(html).toContain('<a href="#chapter-competitors">a missing heading</a>');
    expect(html).toContain('<a href="#contents">index</a>');
    expect(html).not.toMatch(/href="[^"#]/);
    // Every in-page link has a target.
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    for (const m of html.matchAll(/href="#([^"]+)"/g)) expect(ids, m[1]).toContain(m[1]);
  });

  it('has a cover, a table of contents and the README without its chapter list', async () => {
    const html = await renderHtml(fakeFolder(), await kaffebar());
    expect(html).toContain('<h1 class="cover-title">Northside Coffee Bar social media strategy 2027</h1>');
    expect(html).toContain('Northside Coffee Bar LLC');
    expect(html).toContain('January 1, 2027 to December 31, 2027');
    // The plan gives no date of its own: the cover prints none (never the render date).
    expect(html).not.toMatch(/<dt>Date<\/dt>/);
    expect(html).toMatch(
      /<nav class="toc" id="contents"[\s\S]*<a href="#chapter-situation"><span class="toc-number">1<\/span> Situation<span class="toc-page" data-for="chapter-situation"><\/span><\/a>/,
    );
    const overview = /<section class="chapter overview" id="overview">([\s\S]*?)<\/section>/.exec(html)![1]!;
    expect(overview).toContain('Two primary goals');
    expect(overview).toContain('<h1 id="overview--executive-summary">Executive summary</h1>');
    expect(overview).not.toContain('Contents');
    expect(overview).toContain('<li><a href="#chapter-situation">Situation</a>: the situation analysis</li>');
  });

  it("lists each chapter's sections (its level-2 headings) under it in the contents, linked and numbered in print", async () => {
    const folder = fakeFolder();
    folder.chapters[1]!.markdown += '\n## Ranking per *channel* & `x`\n\nText.\n\n### Not listed\n';
    const html = await renderHtml(folder, await kaffebar());
    const toc = /<nav class="toc"[\s\S]*?<\/nav>/.exec(html)![0];
    expect(toc).toContain(
      '<a href="#chapter-competitors"><span class="toc-number">2</span> Competitors<span class="toc-page" data-for="chapter-competitors"></span></a>' +
        '<ol class="toc-sections"><li><a href="#section-competitors-1">Engagement benchmark<span class="toc-page" data-for="section-competitors-1"></span></a></li>' +
        '<li><a href="#section-competitors-2">Ranking per channel &amp; x<span class="toc-page" data-for="section-competitors-2"></span></a></li></ol></li>',
    );
    expect(toc).not.toContain('Not listed');
    // A chapter without level-2 headings (the situation here) has no empty second level.
    expect(toc.match(/<ol class="toc-sections">/g)).toHaveLength(1);
  });

  it('inlines charts with ids made unique, sized by the stylesheet', async () => {
    const html = await renderHtml(fakeFolder(), await kaffebar());
    expect(html).toContain(
      '<div class="figures"><figure class="figure figure-kpi" id="chart-kpi-ig-reach"><svg role="img" aria-label="Monthly reach"',
    );
    expect(html).toContain('<clipPath id="c0-clip1">');
    expect(html).toContain('clip-path="url(#c0-clip1)"');
    expect(html).not.toContain('<?xml');
  });

  it('marks short tables to move whole in print; long ones may break between rows', async () => {
    const folder = fakeFolder();
    const rows = Array.from({ length: 30 }, (_, i) => `| 2027-01-${String(i + 1).padStart(2, '0')} | post |`);
    folder.chapters.push({
      slug: 'content',
      file: '03-content.md',
      title: 'Content',
      markdown: ['# Content', '', '| Date | What |', '| --- | --- |', ...rows, ''].join('\n'),
    });
    const html = await renderHtml(folder, await kaffebar());
    expect(html.match(/<div class="table short" tabindex="0"[^>]*><table>/g)).toHaveLength(1);
    expect(html.match(/<div class="table" tabindex="0" role="group" aria-label="Content"><table>/g)).toHaveLength(1);
  });

  it('puts the page header and the localised page numbers in @page rules', async () => {
    const html = await renderHtml(fakeFolder(), await kaffebar(), { paper: 'letter' });
    expect(html).toContain(
      '@page { size: letter; @top-left { content: "Northside Coffee Bar social media strategy 2027"; } @bottom-right { content: "Page " counter(page) " of " counter(pages); } }',
    );
  });
});

describe('helpers', () => {
  it('slugify keeps letters of any script, like GitHub', () => {
    expect(slugify('Engagement benchmark')).toBe('engagement-benchmark');
    expect(slugify('Mål & målgrupper')).toBe('mål--målgrupper');
    expect(slugify('Конкуренти (2027)')).toBe('конкуренти-2027');
  });

  it('cssString cannot close the style element or the string', () => {
    expect(cssString('a "b" </style><script>')).toBe('"a \\22 b\\22  \\3c /style\\3e \\3c script\\3e "');
    expect(cssPageOf('Side {page} av {pages}')).toBe('"Side " counter(page) " av " counter(pages)');
  });

  it('inlineSvg keeps anything that could run or fetch inside an <img>', () => {
    for (const bad of [
      '<svg><script>alert(1)</script></svg>',
      '<svg onload="x()"></svg>',
      '<svg><image href="http://x/y.png"/></svg>',
      '<svg><foreignObject/></svg>',
    ]) {
      expect(inlineSvg(bad, 'c0', 'x')).toMatch(/^<img class="chart" alt="x" src="data:image\/svg\+xml;base64,/);
    }
  });

  it('overviewMarkdown drops the title, the facts table and the chapter list, and keeps open points', () => {
    const readme = [
      '# Plan title',
      '',
      '| | |',
      '| --- | --- |',
      '| Organisation | **X** |',
      '',
      '## Summary',
      '',
      'Text.',
      '',
      '## Contents',
      '',
      '1. [A](01-a.md)',
      '2. [B](02-b.md)',
      '',
      '## Open points',
      '',
      '- [A](01-a.md): the audience',
      '- [B](02-b.md): the budget',
      '',
    ].join('\n');
    expect(overviewMarkdown(readme, ['01-a.md', '02-b.md'], 'Overview')).toBe(
      [
        '# Overview',
        '',
        '## Summary',
        '',
        'Text.',
        '',
        '## Open points',
        '',
        '- [A](01-a.md): the audience',
        '- [B](02-b.md): the budget',
        '',
      ].join('\n'),
    );
  });
});

describe('the cover date', () => {
  it('is the plan’s own (adopted, else a version that is a date), never the render date', async () => {
    expect(coverDate({ adopted: '2027-01-10', version: '2027-01-05' })).toBe('2027-01-10');
    expect(coverDate({ version: '2027-01-05' })).toBe('2027-01-05');
    expect(coverDate({ version: '1.0' })).toBeUndefined();
    const loaded = await kaffebar();
    const { adopted: _adopted, ...undated } = loaded.plan.plan;
    const html = await renderHtml(fakeFolder(), {
      ...loaded,
      plan: { ...loaded.plan, plan: { ...undated, version: '1.0' } },
    });
    const cover = html.slice(html.indexOf('<header'), html.indexOf('</header>'));
    expect(cover).not.toMatch(/<dt>Date<\/dt>/);
  });
});
