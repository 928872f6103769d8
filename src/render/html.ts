/**
 * One self-contained plan.html from the strategy folder: every chapter's Markdown converted with
 * markdown-it, links between chapters turned into in-page anchors, charts and fonts inlined, a
 * cover and a table of contents, and a print stylesheet. It fetches nothing: no http(s) sources,
 * a Content-Security-Policy that allows inline styles, data: images and data: fonts only.
 * Plan text is untrusted: raw HTML in it is shown as text, and only safe link targets survive.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type MarkdownIt from 'markdown-it';
import type { LoadedPlan } from '../plan/load.js';
import type { Locale } from '../plan/schema.js';
import type { Chart } from './charts.js';
import type { StrategyFolder } from './folder.js';
import { createFormatter } from './format.js';
import { createTranslator, type Messages, type Translator } from './i18n.js';
import { builtinTemplatesDir } from './paths.js';
import { templateError } from './template-error.js';

export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

export interface HtmlOptions {
  /** Templates from `smplan templates eject`; document/* there override the built-ins. */
  templatesDir?: string | undefined;
  paper?: 'a4' | 'letter';
  /** The date on the cover (YYYY-MM-DD); default today, or SOURCE_DATE_EPOCH for reproducible builds. */
  date?: string;
}

export async function renderHtml(folder: StrategyFolder, loaded: LoadedPlan, options: HtmlOptions = {}): Promise<string> {
  const [{ default: MarkdownItCtor }, { default: Handlebars }] = await Promise.all([import('markdown-it'), import('handlebars')]);
  const plan = loaded.plan.plan;
  const locale = plan.locale;
  const [layoutSource, css, t, fonts] = await Promise.all([
    readTemplate('layout.html.hbs', options.templatesDir),
    readTemplate('print.css', options.templatesDir).then((source) => source.text),
    documentMessages(folder, locale, options.templatesDir),
    fontFaces(),
  ]);

  const fmt = createFormatter(locale, plan.currency);
  const md = createMarkdown(MarkdownItCtor);
  const chapterIds = new Map<string, string>([['README.md', 'contents']]);
  for (const c of folder.chapters) chapterIds.set(c.file, `chapter-${c.slug}`);
  const charts = new Map(folder.charts.map((c, i) => [c.file, { chart: c, index: i }]));
  const ids = new Set<string>(['cover', 'contents', 'overview']);

  const renderPart = (markdown: string, scope: string, file: string) => {
    const env: RenderEnv = { scope, file, chapterIds, charts, ids };
    return md.render(markdown, env);
  };
  const overviewSource = overviewMarkdown(folder.readme, folder.chapters.map((c) => c.file), t('document.overview'));
  const overview = renderPart(overviewSource, 'overview', 'README.md');
  const chapters = folder.chapters.map((c, i) => ({
    id: `chapter-${c.slug}`,
    number: i + 1,
    title: c.title,
    html: renderPart(c.markdown, c.slug, c.file),
  }));
  for (const c of chapters) ids.add(c.id);

  const layout = Handlebars.create().compile(layoutSource.text, { strict: false, noEscape: false });
  const html = documentPart(layoutSource.file, () => layout({
    lang: plan.locale,
    csp: CSP,
    title: folder.title,
    css,
    fonts: FONTS_PLACEHOLDER,
    page: {
      size: options.paper === 'letter' ? 'letter' : 'A4',
      header: cssString(folder.title),
      pageOf: cssPageOf(t('document.page_of')),
    },
    cover: {
      title: folder.title,
      organization: plan.organization,
      period: t('index.period_value', { start: fmt.date(plan.start), end: fmt.date(plan.end) }),
      date: fmt.date(options.date ?? renderDate()),
      author: plan.author,
      version: plan.version === undefined ? undefined : String(plan.version),
    },
    labels: {
      organization: t('index.organisation'),
      period: t('index.period'),
      date: t('document.date'),
      author: t('index.author'),
      version: t('index.version'),
      contents: t('index.chapters'),
      overview: t('document.overview'),
    },
    overview,
    chapters,
  }));
  // Only the font subsets the document has characters for: a Norwegian or English plan needs
  // neither Cyrillic nor Latin Extended (about 170 KB less to write and for the browser to read).
  const filled = html.replace(FONTS_PLACEHOLDER, () => usedFontFaces(fonts, html));
  return fixDanglingAnchors(filled, ids);
}

const FONTS_PLACEHOLDER = '/* smplan: fonts */';

/**
 * The words of the document shell: the plan's catalogue first, then document/messages.json (from
 * --templates or built in) for the few words only the document needs (date, page x of y).
 */
export async function documentMessages(folder: StrategyFolder, locale: Locale, templatesDir?: string): Promise<Translator['t']> {
  const source = await readTemplate('messages.json', templatesDir);
  const fallback = documentPart(source.file, () => JSON.parse(source.text) as Record<string, Messages>);
  return createTranslator(locale, { ...(fallback.en ?? {}), ...(fallback[locale] ?? {}), ...folder.messages }).t;
}

interface RenderEnv {
  /** The chapter slug being rendered: heading ids are scoped by it so chapters cannot collide. */
  scope: string;
  file: string;
  chapterIds: Map<string, string>;
  charts: Map<string, { chart: Chart; index: number }>;
  ids: Set<string>;
}

/** Up to this many rows (header included) a table fits comfortably on any page: never split it. */
const SHORT_TABLE_ROWS = 16;

/** Link targets plan text may use in the document; the rest become plain text. */
const UNSAFE_SCHEME = /^\s*(javascript|vbscript|file|data):/i;

function createMarkdown(MarkdownItCtor: typeof MarkdownIt): MarkdownIt {
  const md = new MarkdownItCtor({ html: false, linkify: false, typographer: false });
  md.validateLink = (url: string) => !UNSAFE_SCHEME.test(decodeLoose(url));

  // Heading ids scoped by chapter, GitHub style within it, so `04-x.md#heading` links resolve.
  md.core.ruler.push('smplan_heading_ids', (state) => {
    const env = state.env as RenderEnv;
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i]!;
      if (tok.type !== 'heading_open') continue;
      const text = tokens[i + 1]?.children?.map((c) => c.content).join('') ?? '';
      let id = `${env.scope}--${slugify(text)}`;
      for (let n = 1; env.ids.has(id); n++) id = `${env.scope}--${slugify(text)}-${n}`;
      env.ids.add(id);
      tok.attrSet('id', id);
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
    const meta = (openIdx === undefined ? undefined : tokens[openIdx]!.meta) as { live: boolean; url?: string } | undefined;
    if (!meta || meta.live) return renderToken(tokens, idx, options);
    const text = tokens.slice(openIdx! + 1, idx).map((t) => t.content).join('');
    return meta.url && meta.url !== text ? ` <span class="url">(${md.utils.escapeHtml(meta.url)})</span></span>` : '</span>';
  };

  md.renderer.rules.image = (tokens, idx, _options, env: RenderEnv) => {
    const tok = tokens[idx]!;
    const src = normaliseRelative(tok.attrGet('src') ?? '');
    const alt = md.utils.escapeHtml(tok.children?.map((c) => c.content).join('') ?? tok.content);
    const found = env.charts.get(src);
    if (!found) return `<span class="missing-image">[${alt}]</span>`;
    const { chart, index } = found;
    const id = chartId(chart.file);
    env.ids.add(id);
    const caption = md.utils.escapeHtml(chart.title || tok.content);
    // Charts that carry their title (vega's title mark, or an SVG <title>) need no second one under them.
    const titled = /role-title"|<title>/.test(chart.svg);
    const shown = titled ? '' : `<span class="caption">${caption}</span>`;
    return `<span class="figure" role="figure" id="${id}" aria-label="${caption}">${inlineSvg(chart.svg, `c${index}`, caption)}${shown}</span>`;
  };

  // Tables scroll on screens; in print a short one moves whole to the next page rather than split
  // (print.css), a long one breaks between rows with its header repeated.
  md.renderer.rules.table_open = (tokens, idx) => {
    let rows = 0;
    for (let i = idx + 1; i < tokens.length && tokens[i]!.type !== 'table_close'; i++) if (tokens[i]!.type === 'tr_open') rows++;
    return `<div class="table${rows <= SHORT_TABLE_ROWS ? ' short' : ''}"><table>\n`;
  };
  md.renderer.rules.table_close = () => '</table></div>\n';
  return md;
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
function fixDanglingAnchors(html: string, ids: Set<string>): string {
  return html.replace(/href="#([^"]*)"/g, (m, id: string) => {
    const decoded = decodeEntities(id);
    if (ids.has(decoded)) return m;
    const scope = decoded.split('--')[0]!;
    const chapter = `chapter-${scope}`;
    return `href="#${ids.has(chapter) ? chapter : 'contents'}"`;
  });
}

function decodeEntities(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

function normaliseRelative(p: string): string {
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

export function chartId(file: string): string {
  return `chart-${path.posix.basename(file).replace(/\.svg$/i, '').replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

/**
 * The README as the document's overview: its title and facts table are on the cover and its list
 * of chapter links is the table of contents, so those go; the summary and open points stay.
 */
export function overviewMarkdown(readme: string, chapterFiles: string[], heading: string): string {
  const files = new Set(chapterFiles);
  const isChapterItem = (line: string) => {
    const m = /^\s*(?:[-*+]|\d+[.)])\s+\[[^\]]*\]\(([^)#\s]+)(?:#[^)]*)?\)\s*$/.exec(line);
    return Boolean(m && files.has(normaliseRelative(m[1]!)));
  };
  const sections: string[][] = [[]];
  for (const line of readme.split('\n')) {
    if (/^##\s/.test(line)) sections.push([]);
    sections.at(-1)!.push(line);
  }
  const [intro, ...rest] = sections;
  const kept = rest.filter((lines) => {
    const body = lines.slice(1).filter((l) => l.trim() !== '');
    return !(body.length > 0 && body.every(isChapterItem));
  });
  // Before the first section: the title (on the cover) and its facts table (also on the cover).
  const introKept = intro!.filter((l) => !/^#\s/.test(l) && !/^\s*\|/.test(l));
  return [`# ${heading.replace(/[\\`*_[\]<>#]/g, '\\$&')}`, '', ...introKept, ...kept.flat()].join('\n').replace(/\n{3,}/g, '\n\n');
}

/**
 * Inline SVG shares the page's fonts (Noto Sans: Cyrillic and æøå in charts) and stays sharp in
 * the PDF. Ids are prefixed so charts cannot steal each other's clip paths. Anything that could
 * run or fetch keeps the SVG in an <img>, where browsers do neither.
 */
export function inlineSvg(svg: string, prefix: string, label: string): string {
  const body = svg.replace(/^\s*<\?xml[^>]*\?>\s*/i, '').replace(/<!DOCTYPE[^>]*>\s*/i, '').trim();
  const risky = /<script|<foreignObject|<iframe|<!ENTITY|\son[a-z]+\s*=|(?:xlink:)?href\s*=\s*["'](?!#)|url\(\s*["']?(?!#)/i;
  if (!/^<svg[\s>]/i.test(body) || risky.test(body)) {
    return `<img class="chart" alt="${label}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`;
  }
  return body
    .replace(/\sid="([^"]+)"/g, ` id="${prefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
    .replace(/((?:xlink:)?href)="#([^"]+)"/g, `$1="#${prefix}-$2"`)
    .replace(/^<svg/i, `<svg role="img" aria-label="${label}"`);
}

/** A CSS string literal; `<` is escaped too so the text can never close the <style> element. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/** "Page {page} of {pages}" as a CSS content value with the page counters. */
export function cssPageOf(pattern: string): string {
  return pattern
    .split(/(\{page\}|\{pages\})/)
    .filter((p) => p !== '')
    .map((p) => (p === '{page}' ? 'counter(page)' : p === '{pages}' ? 'counter(pages)' : cssString(p)))
    .join(' ');
}

function renderDate(): string {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const d = Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH ? new Date(epoch * 1000) : new Date();
  return d.toISOString().slice(0, 10);
}

/** A document/* file: from --templates when it has one, else the built-in. */
export async function readTemplate(name: string, templatesDir?: string): Promise<{ file: string; text: string }> {
  if (templatesDir) {
    const file = path.join(templatesDir, 'document', name);
    try {
      return { file, text: await readFile(file, 'utf8') };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  const file = path.join(builtinTemplatesDir(), 'document', name);
  return { file, text: await readFile(file, 'utf8') };
}

/** Runs a document file (layout, messages): an edited one that breaks is the user's to fix, not a bug. */
function documentPart<T>(file: string, use: () => T): T {
  try {
    return use();
  } catch (err) {
    throw templateError(file, 'cannot be used', err);
  }
}

const FONT_SUBSETS = ['latin', 'latin-ext', 'cyrillic'];
let fontCache: FontFace[] | undefined;

export interface FontFace {
  /** The @font-face rule, font inline as base64. */
  css: string;
  /** Its unicode-range as code point intervals; undefined when it could not be read (always kept). */
  ranges: [number, number][] | undefined;
}

/**
 * Noto Sans regular and bold for Latin (æøå), Latin Extended and Cyrillic, base64 in @font-face
 * rules taken from @fontsource/noto-sans's own CSS (its unicode-range keeps each subset apart).
 */
export async function fontFaces(): Promise<FontFace[]> {
  if (fontCache) return fontCache;
  const require = createRequire(import.meta.url);
  const faces: FontFace[] = [];
  for (const weight of [400, 700]) {
    const cssFile = require.resolve(`@fontsource/noto-sans/${weight}.css`);
    const css = await readFile(cssFile, 'utf8');
    for (const block of css.split(/(?=\/\* noto-sans-)/)) {
      const m = /\/\* noto-sans-([a-z-]+)-\d+-normal \*\//.exec(block);
      const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
      if (!m || !range || !FONT_SUBSETS.includes(m[1]!)) continue;
      const woff2 = path.join(path.dirname(cssFile), 'files', `noto-sans-${m[1]}-${weight}-normal.woff2`);
      const data = (await readFile(woff2)).toString('base64');
      faces.push({
        css:
          `@font-face{font-family:'Noto Sans';font-style:normal;font-weight:${weight};font-display:block;` +
          `src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${range};}`,
        ranges: unicodeRanges(range),
      });
    }
  }
  if (faces.length !== FONT_SUBSETS.length * 2) throw new Error(`@fontsource/noto-sans: expected ${FONT_SUBSETS.length * 2} font files, found ${faces.length}`);
  fontCache = faces;
  return fontCache;
}

/** The faces (both weights) whose unicode-range holds a character of the document; at least Latin. */
export function usedFontFaces(faces: FontFace[], document: string): string {
  const codePoints = new Set<number>();
  for (const ch of document) codePoints.add(ch.codePointAt(0)!);
  // Characters written as references (&#1047; &#x417;) count too.
  for (const m of document.matchAll(/&#(?:x([0-9a-f]+)|(\d+));/gi)) codePoints.add(m[1] ? parseInt(m[1], 16) : Number(m[2]));
  const used = (face: FontFace) => !face.ranges || [...codePoints].some((c) => face.ranges!.some(([from, to]) => c >= from && c <= to));
  return faces.filter(used).map((f) => f.css).join('\n');
}

/** `U+0000-00FF,U+0131` as intervals; undefined for anything else (wildcards), so the face is kept. */
function unicodeRanges(range: string): [number, number][] | undefined {
  const out: [number, number][] = [];
  for (const part of range.split(',')) {
    const m = /^\s*U\+([0-9a-f]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!m) return undefined;
    out.push([parseInt(m[1]!, 16), parseInt(m[2] ?? m[1]!, 16)]);
  }
  return out;
}
