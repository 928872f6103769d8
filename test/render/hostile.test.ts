/**
 * Plan text is data: markup, links, HTML and template syntax in any field come out of the
 * Markdown (and the HTML made from it, here with raw HTML allowed as the worst case) as literal text.
 */
import MarkdownIt from 'markdown-it';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderStrategyFolder, type StrategyFolder } from '../../src/render/folder.js';
import { escapeBlock, escapeCell, escapeInline } from '../../src/render/markdown-escape.js';
import { planFrom } from './plans.js';

const SCRIPT = '<script>alert(1)</script>';
const TEMPLATE = '{{7*7}} {{{constructor}}} {{#each this}}x{{/each}}';
const LINK = '[click](javascript:alert(1))';
const PIPE = 'left | right';
const BREAK = 'first line\nsecond line';
const ALL = `${SCRIPT} ${TEMPLATE} ${LINK} ${PIPE}`;
const q = (s: string) => JSON.stringify(s);

const HOSTILE_PLAN = `smplan: 1
plan:
  title: ${q(`Strategy ${SCRIPT}`)}
  organization: ${q(`Org | ${TEMPLATE}`)}
  locale: en
  currency: EUR
  timezone: Europe/Oslo
  start: 2027-01-01
  end: 2027-12-31
  problem: ${q(`# Not a heading\n${ALL}\n\n> not a quote ${LINK}`)}
situation:
  internal:
    about: ${q(ALL)}
    history:
      - { what: ${q(BREAK)}, where: ${q(PIPE)}, result: ${q(SCRIPT)} }
  swot:
    strengths: [${q(SCRIPT)}, ${q(TEMPLATE)}]
    threats: [${q(`${LINK} & <b>bold</b>`)}]
  channel_audit:
    - channel: instagram
      decision: keep
      handle: ${q(PIPE)}
      notes: ${q(BREAK + ' ' + LINK)}
goals:
  - id: awareness
    statement: ${q(`${PIPE} ${BREAK} ${SCRIPT}`)}
    priority: primary
objectives:
  - id: reach
    goal: awareness
    metric: ${q(`reach ${PIPE} ${TEMPLATE}`)}
    baseline: 100
    target: 200
    deadline: 2027-03-31
    why: ${q(ALL)}
competitors:
  - name: ${q(`Rival ${PIPE} ${SCRIPT}`)}
    we_do_better: [${q(LINK)}]
    channels:
      - channel: instagram
        followers: 1000
        sample: { posts: 10, likes: 100, comments: 10, shares: 5 }
        tone: ${q(BREAK)}
budget:
  cap: 1000
  items:
    - { name: ${q(`Ads ${PIPE} ${BREAK}`)}, category: advertising, cost: 10, per: month, roi: short }
crisis:
  levels:
    - level: red
      description: ${q(BREAK + ' ' + PIPE)}
      approver: ${q(SCRIPT)}
      holding_statement: ${q(ALL)}
`;

describe('hostile plan text', () => {
  let folder: StrategyFolder;
  let html: string;
  beforeAll(async () => {
    folder = await renderStrategyFolder(await planFrom(HOSTILE_PLAN));
    const md = new MarkdownIt({ html: true, linkify: true });
    html = [folder.readme, ...folder.chapters.map((c) => c.markdown)].map((m) => md.render(m)).join('\n');
  });

  it('never becomes HTML, a script or a javascript: link', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<b>bold/);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('[click](javascript:alert(1))');
  });

  it('is never evaluated as template code', () => {
    const all = [folder.readme, ...folder.chapters.map((c) => c.markdown)].join('\n');
    expect(all).not.toContain('49');
    expect(html).toContain('{{7*7}} {{{constructor}}} {{#each this}}x{{/each}}');
  });

  it('keeps every table row to its columns: pipes escaped, line breaks folded', () => {
    for (const c of [folder.readme, ...folder.chapters.map((ch) => ch.markdown)]) {
      const lines = c.split('\n');
      let columns = 0;
      for (const line of lines) {
        if (!line.startsWith('|')) {
          columns = 0;
          continue;
        }
        const cells = line.replace(/\\\\/g, '').split(/(?<!\\)\|/).length;
        if (columns === 0) columns = cells;
        expect(cells, line).toBe(columns);
      }
    }
    expect(html).toContain('<td>first line second line</td>');
    expect(html).toContain('left | right');
  });

  it('does not turn into headings or quotes at the start of a line', () => {
    expect(html).not.toMatch(/<h1>Not a heading/);
    expect(html).toContain('# Not a heading');
    expect(html).not.toMatch(/<blockquote>\s*<p>not a quote/);
  });

  it('is escaped as XML in the SWOT chart', () => {
    const swot = folder.charts.find((c) => c.file === 'charts/swot.svg')!.svg;
    expect(swot).not.toContain('<script');
    expect(swot).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(swot).toContain('&amp; &lt;b&gt;bold&lt;/b&gt;');
    for (const chart of folder.charts)
      expect(chart.svg).not.toMatch(/<script|href="javascript:|<foreignObject|<image/i);
  });
});

describe('Markdown escaping helpers', () => {
  it('keep text readable and literal', () => {
    expect(escapeInline('8.5 and -30% and +120%')).toBe('8.5 and -30% and +120%');
    expect(escapeInline('1. first')).toBe('1\\. first');
    expect(escapeInline('- item')).toBe('\\- item');
    expect(escapeInline('a *b* _c_ `d` ~e~')).toBe('a \\*b\\* \\_c\\_ \\`d\\` \\~e\\~');
    expect(escapeInline('a\\b')).toBe('a\\\\b');
    expect(escapeInline('  indented')).toBe('indented');
    expect(escapeInline('bidi\u202eevil')).toBe('bidievil');
    expect(escapeCell('')).toBe(' ');
    expect(escapeCell('a\r\nb | c')).toBe('a b \\| c');
    expect(escapeBlock('one\ntwo\n\n# three')).toBe('one\\\ntwo\n\n\\# three');
  });
});
