/**
 * The markdown-it rules of the document: heading ids scoped by chapter, links between chapters as
 * in-page anchors (only safe link targets survive), charts inlined where a chapter shows them,
 * short tables kept on one page. Raw HTML in plan text is shown as text.
 */
import type MarkdownIt from 'markdown-it';
import { escapeHtml } from '../markup.js';
import type { Chart } from './charts/index.js';
import { chartId, inlineSvg } from './svg-inline.js';
import { glueNumbers, hyphenateCell } from './hyphenate.js';
import type { TextMeasure } from './text-width.js';

export interface RenderEnv {
  /** The chapter slug being rendered: heading ids are scoped by it so chapters cannot collide. */
  scope: string;
  file: string;
  chapterIds: Map<string, string>;
  charts: Map<string, { chart: Chart; index: number }>;
  ids: Set<string>;
  /** A table cell holding only one of these words in bold gets the status colour (red, amber, green). */
  rag?: Map<string, string>;
  /**
   * The header a key-value table carries in the Markdown (label.kv_key, label.kv_value), so that
   * GitHub shows no empty header band: the document drops it like an empty one.
   */
  kvHeader?: readonly [string, string];
  /** Measures a paragraph after a heading: a short one is kept with what follows it in print. */
  measure?: TextMeasure;
  /** Soft hyphens into a long word of the plan's language: table cells get them (narrow columns). */
  hyphenate?: (word: string) => string;
}

/** The printed text width (A4 less 18 mm margins each side, 174 mm) and body size (9 pt) in px. */
const PRINT_LINE_PX = 657;
const PRINT_TEXT_PX = 12;
/**
 * Up to this many printed lines, a paragraph right after a heading (and a second one after that)
 * is that heading's lead (a chapter's one-line intro): it cannot split (orphans and widows are 3),
 * so print keeps it with what follows, never a heading and a line or two alone at a page's foot.
 */
const LEAD_LINES = 2;
const isLead = (tok: { attrGet(name: string): string | null }) => /\blead\b/.test(tok.attrGet('class') ?? '');

/**
 * Up to this many rows (header included) a table moves whole to the next page rather than split;
 * a longer one breaks between rows, so it never leaves a large gap where it would not fit.
 */
const SHORT_TABLE_ROWS = 5;

/** Printed table text (0.9 em of the 9 pt body) in px, and a cell's padding left and right (0.5 em each). */
const TABLE_TEXT_PX = 10.8;
const CELL_PADDING_PX = 10.8;

/**
 * The width above which a word of the table starting at tokens[open] gets its hyphenation points,
 * or undefined when the table needs none: its columns, each as wide as its widest word, fit the
 * printed line. Otherwise the widest words give way, down to the width at which the columns fit.
 * A word is measured bold (headers and bold cells are), so the estimate errs towards breaking.
 */
function breakableWidth(
  tokens: { type: string; content: string; children: { type: string; content: string }[] | null }[],
  open: number,
  measure: TextMeasure | undefined,
): number | undefined {
  const widest: number[] = [];
  let column = -1;
  for (let i = open + 1; i < tokens.length && tokens[i]!.type !== 'table_close'; i++) {
    const type = tokens[i]!.type;
    if (type === 'tr_open') column = -1;
    else if (type === 'td_open' || type === 'th_open') column++;
    else if (type === 'inline' && column >= 0) {
      const text = (tokens[i]!.children ?? []).map((c) => c.content).join('');
      for (const word of glueNumbers(text).split(/[ \t\n]+/)) {
        const width = measure ? measure.width(word, TABLE_TEXT_PX, 700) : word.length * TABLE_TEXT_PX * 0.6;
        widest[column] = Math.max(widest[column] ?? 0, width);
      }
    }
  }
  const room = PRINT_LINE_PX - widest.length * CELL_PADDING_PX;
  const needed = (cap: number) => widest.reduce((sum, w) => sum + Math.min(w, cap), 0);
  if (needed(Number.POSITIVE_INFINITY) <= room) return undefined;
  let low = 0;
  let high = Math.max(...widest);
  while (high - low > 1) {
    const mid = (low + high) / 2;
    if (needed(mid) <= room) low = mid;
    else high = mid;
  }
  return low;
}

/** The SWOT grid, drawn from the same items as the two tables after it. */
const SWOT_CHART = 'charts/swot.svg';

/** Link targets plan text may use in the document; the rest become plain text. */
const UNSAFE_SCHEME = /^\s*(javascript|vbscript|file|data):/i;

export function createMarkdown(MarkdownItCtor: typeof MarkdownIt): MarkdownIt {
  const md = new MarkdownItCtor({ html: false, linkify: false, typographer: false });
  md.validateLink = (url: string) => !UNSAFE_SCHEME.test(decodeLoose(url));

  // Heading ids scoped by chapter, GitHub style within it, so `04-x.md#heading` links resolve.
  md.core.ruler.push('smplan_heading_ids', (state) => {
    const env = state.env as RenderEnv;
    const tokens = state.tokens;
    let sections = 0;
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i]!;
      if (tok.type !== 'heading_open') continue;
      const text = tokens[i + 1]?.children?.map((c) => c.content).join('') ?? '';
      let id = `${env.scope}--${slugify(text)}`;
      for (let n = 1; env.ids.has(id); n++) id = `${env.scope}--${slugify(text)}-${n}`;
      env.ids.add(id);
      tok.attrSet('id', id);
      // A section the contents lists gets an anchor of its own to link to (print.css sets it a
      // little below the heading's top edge): Chromium places a PDF link target by a page height
      // it rounds, which puts a heading at the very top of a late page on the page before; and
      // it writes a fragment percent-encoded (six bytes a Cyrillic letter), which makes a PDF name
      // longer than the 127 bytes PDF allows, while this one is short ASCII.
      if (tok.tag === 'h2') {
        sections++;
        let anchor = `section-${env.scope}-${sections}`;
        for (let n = 1; env.ids.has(anchor); n++) anchor = `section-${env.scope}-${sections}-${n}`;
        env.ids.add(anchor);
        tok.meta = { ...tok.meta, anchor };
      }
    }
  });
  md.renderer.rules.heading_open = (tokens, idx, options, _env, self) => {
    const { anchor } = (tokens[idx]!.meta ?? {}) as { anchor?: string };
    const open = self.renderToken(tokens, idx, options);
    return anchor ? `${open}<span class="section-anchor" id="${escapeHtml(anchor)}"></span>` : open;
  };

  md.core.ruler.push('smplan_classes', (state) => {
    const env = state.env as RenderEnv;
    const tokens = state.tokens;
    for (let i = 0; i + 1 < tokens.length; i++) {
      // A paragraph of bold text alone is a run-in heading (print keeps it with what follows).
      // markdown-it leaves empty text tokens around a paragraph's only <strong>: they are not content.
      const kids = (tokens[i + 1]!.children ?? []).filter((c) => c.type !== 'text' || c.content !== '');
      if (
        tokens[i]!.type === 'paragraph_open' &&
        kids.length === 3 &&
        kids[0]!.type === 'strong_open' &&
        kids[2]!.type === 'strong_close'
      ) {
        tokens[i]!.attrJoin('class', 'run-in');
      } else if (
        tokens[i]!.type === 'paragraph_open' &&
        (tokens[i - 1]?.type === 'heading_close' ||
          (tokens[i - 1]?.type === 'paragraph_close' &&
            tokens[i - 4]?.type === 'heading_close' &&
            isLead(tokens[i - 3]!))) &&
        env.measure &&
        env.measure.width(kids.map((c) => c.content).join(''), PRINT_TEXT_PX) <= LEAD_LINES * PRINT_LINE_PX * 0.95
      ) {
        tokens[i]!.attrJoin('class', 'lead');
      }
      // A paragraph of charts alone is a block of <figure>s, which a <p> may not hold.
      if (
        tokens[i]!.type === 'paragraph_open' &&
        kids.some((c) => c.type === 'image') &&
        kids.every(
          (c) => c.type === 'image' || (c.type === 'text' && c.content.trim() === '') || c.type === 'softbreak',
        )
      ) {
        tokens[i]!.tag = 'div';
        tokens[i]!.attrJoin('class', 'figures');
        for (const c of kids) if (c.type === 'image') c.meta = { block: true };
        for (let j = i + 2; j < tokens.length; j++)
          if (tokens[j]!.type === 'paragraph_close') {
            tokens[j]!.tag = 'div';
            break;
          }
      }
      // A column's alignment as a class: the stylesheet sets it (no inline style to allow in a CSP).
      const align = /^text-align:(\w+)$/.exec(tokens[i]!.attrGet('style') ?? '')?.[1];
      if (align && (tokens[i]!.type === 'td_open' || tokens[i]!.type === 'th_open')) {
        tokens[i]!.attrs = (tokens[i]!.attrs ?? []).filter(([k]) => k !== 'style');
        if (align !== 'left') tokens[i]!.attrJoin('class', `align-${align}`);
      }
      if (tokens[i]!.type !== 'td_open' || tokens[i + 1]!.type !== 'inline') continue;
      const m = /^\*\*([^*]+)\*\*$/.exec(tokens[i + 1]!.content.trim());
      const colour = m ? env.rag?.get(m[1]!) : undefined;
      if (colour) tokens[i]!.attrJoin('class', `status status-${colour}`);
    }
  });

  // The SWOT grid's two tables say what the grid shows: the stylesheet hides them on screen for
  // all but screen readers (and on paper), so they are no keyboard stop.
  md.core.ruler.push('smplan_swot_tables', (state) => {
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const swot = tokens[i]!.children?.some(
        (c) => c.type === 'image' && normaliseRelative(c.attrGet('src') ?? '') === SWOT_CHART,
      );
      if (tokens[i]!.type !== 'inline' || !swot || tokens[i + 1]?.type !== 'paragraph_close') continue;
      for (let j = i + 2; tokens[j]?.type === 'table_open'; ) {
        tokens[j]!.meta = { ...tokens[j]!.meta, grid: true };
        while (j < tokens.length && tokens[j]!.type !== 'table_close') j++;
        j++;
      }
    }
  });

  // Typesetting of the document's text (the Markdown files keep theirs): a number stays with
  // the word after it, and a table cell's long words may break at their hyphenation points.
  md.core.ruler.push('smplan_typesetting', (state) => {
    const env = state.env as RenderEnv;
    let cell = false;
    // Soft hyphens only where a table needs them: they travel into copied text ("Applic­a­tions").
    let hyphenate: ((word: string) => string) | undefined;
    for (const [i, tok] of state.tokens.entries()) {
      if (tok.type === 'table_open' && env.hyphenate) {
        const cap = breakableWidth(state.tokens, i, env.measure);
        const whole = env.hyphenate;
        hyphenate =
          cap === undefined
            ? undefined
            : (word) => (env.measure!.width(word, TABLE_TEXT_PX, 700) > cap ? whole(word) : word);
      }
      // A status cell (red, amber, green) holds one word and never wraps: it keeps it whole.
      if (tok.type === 'td_open' || tok.type === 'th_open') cell = !/\bstatus\b/.test(tok.attrGet('class') ?? '');
      else if (tok.type === 'td_close' || tok.type === 'th_close') cell = false;
      if (tok.type !== 'inline') continue;
      for (const child of tok.children ?? []) {
        if (child.type !== 'text') continue;
        child.content = glueNumbers(child.content);
        if (cell && hyphenate) child.content = hyphenateCell(child.content, hyphenate);
      }
    }
  });

  // A header cell without text is no header (axe: empty-table-header): a key-value table whose
  // header row is empty, or is the key-value header, loses it, and a lone empty corner cell
  // becomes a data cell.
  md.core.ruler.push('smplan_empty_table_headers', (state) => {
    const tokens = state.tokens;
    const kvHeader = (state.env as RenderEnv).kvHeader;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i]!.type !== 'thead_open') continue;
      let end = i;
      while (end < tokens.length && tokens[end]!.type !== 'thead_close') end++;
      const cells = tokens.slice(i, end).filter((t) => t.type === 'th_open');
      const text = (open: number) => (tokens[open + 1]?.content ?? '').trim();
      const empty = (open: number) => text(open) === '';
      const keyValue =
        kvHeader !== undefined && cells.length === 2 && cells.every((c, n) => text(tokens.indexOf(c)) === kvHeader[n]);
      if (keyValue || (cells.length && cells.every((c) => empty(tokens.indexOf(c))))) {
        tokens.splice(i, end - i + 1);
        continue;
      }
      for (let j = i; j < end; j++) {
        if (tokens[j]!.type !== 'th_open' || !empty(j)) continue;
        tokens[j]!.tag = 'td';
        tokens[j + 2]!.tag = 'td';
      }
    }
  });

  const renderToken = md.renderer.renderToken.bind(md.renderer);
  md.renderer.rules.link_open = (tokens, idx, options, env: RenderEnv) => {
    const tok = tokens[idx]!;
    const target = resolveLink(tok.attrGet('href') ?? '', env);
    if (target.kind === 'anchor') tok.attrSet('href', target.href);
    if (target.kind === 'anchor' || target.kind === 'mail') {
      tok.meta = { live: true };
      return renderToken(tokens, idx, options);
    }
    // Web links stay readable but are not live: the document must not point anywhere off-page.
    tok.meta = { live: false, url: target.kind === 'web' ? target.url : '' };
    return '<span class="link">';
  };
  md.renderer.rules.link_close = (tokens, idx, options) => {
    const openIdx = findOpen(tokens, idx);
    const meta = (openIdx === undefined ? undefined : tokens[openIdx]!.meta) as
      | { live: boolean; url?: string }
      | undefined;
    if (!meta || meta.live) return renderToken(tokens, idx, options);
    const text = tokens
      .slice(openIdx! + 1, idx)
      .map((t) => t.content)
      .join('');
    return meta.url && meta.url !== text ? ` <span class="url">(${escapeHtml(meta.url)})</span></span>` : '</span>';
  };

  md.renderer.rules.image = (tokens, idx, _options, env: RenderEnv) => {
    const tok = tokens[idx]!;
    const src = normaliseRelative(tok.attrGet('src') ?? '');
    const alt = escapeHtml(tok.children?.map((c) => c.content).join('') ?? tok.content);
    const found = env.charts.get(src);
    if (!found) return `<span class="missing-image">[${alt}]</span>`;
    const { chart, index } = found;
    const id = chartId(chart.file);
    env.ids.add(id);
    const caption = escapeHtml(chart.title || tok.content);
    // Charts that carry their title (vega's title mark, or an SVG <title>) need no second one under them.
    const titled = /role-title"|<title>/.test(chart.svg);
    const shown = titled ? '' : `<figcaption class="caption">${caption}</figcaption>`;
    const named = titled ? ` aria-label="${caption}"` : '';
    const kind = /^charts\/kpi-/.test(chart.file) ? ' figure-kpi' : '';
    // Inside a paragraph with other text a chart stays an inline box; alone, it is a <figure>.
    const svg = inlineSvg(chart.svg, `c${index}`, caption);
    if (!tok.meta?.block)
      return `<span class="figure${kind}" id="${id}">${svg}${shown.replace(/figcaption/g, 'span')}</span>`;
    // A full-width chart scrolls sideways on a phone (print.css), so it takes a keyboard stop.
    const focus = kind ? '' : ' tabindex="0"';
    return `<figure class="figure${kind}" id="${id}"${focus}${named}>${svg}${shown}</figure>`;
  };

  // Tables scroll on screens; in print a short one moves whole to the next page rather than split
  // (print.css), a long one breaks between rows with its header repeated.
  // A table that scrolls sideways must be reachable by keyboard (axe: scrollable-region-focusable),
  // so its wrapper takes focus, named after the section it is in.
  md.renderer.rules.table_open = (tokens, idx) => {
    let rows = 0;
    for (let i = idx + 1; i < tokens.length && tokens[i]!.type !== 'table_close'; i++)
      if (tokens[i]!.type === 'tr_open') rows++;
    const label = sectionTitle(tokens, idx);
    const named = label ? ` role="group" aria-label="${escapeHtml(label)}"` : '';
    // A key-value table (its empty header row dropped above): print can set its pairs in columns.
    const kv = tokens[idx + 1]?.type !== 'thead_open' ? ' kv' : '';
    // The SWOT grid's tables are for screen readers only: hidden, they cannot scroll.
    if (tokens[idx]!.meta?.grid) return `<div class="table swot-text"${named}><table>\n`;
    return `<div class="table${rows <= SHORT_TABLE_ROWS ? ' short' : ''}${kv}" tabindex="0"${named}><table>\n`;
  };
  md.renderer.rules.table_close = () => '</table></div>\n';
  return md;
}

/** The text of the nearest heading before a token, e.g. the section a table belongs to. */
function sectionTitle(tokens: { type: string; children: { content: string }[] | null }[], idx: number): string {
  for (let i = idx - 1; i >= 0; i--) {
    if (tokens[i]!.type === 'heading_open')
      return (tokens[i + 1]?.children ?? [])
        .map((c) => c.content)
        .join('')
        .trim();
  }
  return '';
}

/** Index of the link_open that a link_close closes. */
function findOpen(tokens: { type: string }[], closeIdx: number): number | undefined {
  let depth = 0;
  for (let i = closeIdx - 1; i >= 0; i--) {
    const type = tokens[i]!.type;
    if (type === 'link_close') depth++;
    else if (type === 'link_open') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

type LinkTarget = { kind: 'anchor'; href: string } | { kind: 'web'; url: string } | { kind: 'mail' } | { kind: 'none' };

function resolveLink(href: string, env: RenderEnv): LinkTarget {
  const raw = href.trim();
  if (/^https?:\/\//i.test(raw)) return { kind: 'web', url: raw };
  if (/^mailto:/i.test(raw)) return { kind: 'mail' };
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw)) return { kind: 'none' };
  const hash = raw.indexOf('#');
  const file = normaliseRelative(hash < 0 ? raw : raw.slice(0, hash));
  const fragment = hash < 0 ? '' : decodeLoose(raw.slice(hash + 1));
  if (file === '' && fragment) return { kind: 'anchor', href: `#${env.scope}--${fragment}` };
  const chapterId = env.chapterIds.get(file);
  if (chapterId) {
    if (!fragment) return { kind: 'anchor', href: `#${chapterId}` };
    const scope = file === 'README.md' ? 'overview' : chapterId.replace(/^chapter-/, '');
    return { kind: 'anchor', href: `#${scope}--${fragment}` };
  }
  if (env.charts.has(file)) return { kind: 'anchor', href: `#${chartId(file)}` };
  return { kind: 'none' };
}

/** Any link to a heading that does not exist falls back to its chapter (or the contents). */
export function fixDanglingAnchors(html: string, ids: Set<string>): string {
  return html.replace(/href="#([^"]*)"/g, (m, id: string) => {
    const decoded = decodeEntities(id);
    if (ids.has(decoded)) return m;
    const scope = decoded.split('--')[0]!;
    const chapter = `chapter-${scope}`;
    return `href="#${ids.has(chapter) ? chapter : 'contents'}"`;
  });
}

function decodeEntities(s: string): string {
  return s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

export function normaliseRelative(p: string): string {
  return decodeLoose(p.trim()).replace(/^\.\//, '');
}

function decodeLoose(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens; letters of any script kept. */
export function slugify(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
    .replace(/\s/g, '-');
}
