/**
 * One self-contained plan.html from the strategy folder: every chapter's Markdown converted with
 * markdown-it, links between chapters turned into in-page anchors, charts and fonts inlined, a
 * cover and a table of contents, and a print stylesheet. It fetches nothing: no http(s) sources,
 * a Content-Security-Policy that allows inline styles, data: images and data: fonts only.
 * Plan text is untrusted: raw HTML in it is shown as text, and only safe link targets survive.
 * This file is the page layout; markdown.ts holds the markdown-it rules, svg-inline.ts the charts,
 * fonts.ts the embedded fonts.
 */
import { readFile } from 'node:fs/promises';
import type MarkdownIt from 'markdown-it';
import path from 'node:path';
import type { LoadedPlan } from '../plan/load.js';
import { localeLanguage, type Locale } from '../plan/schema.js';
import type { StrategyFolder } from './folder.js';
import { createFormatter } from './format.js';
import { createTranslator, type Messages, type Translator } from './i18n.js';
import { builtinTemplatesDir } from './paths.js';
import { fontFaces, usedFontFaces } from './fonts.js';
import { createMarkdown, fixDanglingAnchors, normaliseRelative, type RenderEnv } from './markdown.js';
import { TemplateError } from './template-error.js';
import { readLogo, usableAccent } from './cover.js';
import { loadHyphenator } from './hyphenate.js';
import { textMeasure } from './text-width.js';

export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

export interface HtmlOptions {
  /** Templates from `smplan templates eject`; document/* there override the built-ins. */
  templatesDir?: string | undefined;
  paper?: 'a4' | 'letter';
}

export async function renderHtml(
  folder: StrategyFolder,
  loaded: LoadedPlan,
  options: HtmlOptions = {},
): Promise<string> {
  const [{ default: MarkdownItCtor }, { default: Handlebars }] = await Promise.all([
    import('markdown-it'),
    import('handlebars'),
  ]);
  const plan = loaded.plan.plan;
  const locale = localeLanguage(plan.locale);
  const [layoutSource, css, t, fonts, measure, hyphenate] = await Promise.all([
    readTemplate('layout.html.hbs', options.templatesDir),
    readTemplate('print.css', options.templatesDir).then((source) => source.text),
    documentMessages(folder, locale, options.templatesDir),
    fontFaces(),
    textMeasure(),
    loadHyphenator(plan.locale),
  ]);

  const fmt = createFormatter(plan.locale, plan.currency);
  const md = createMarkdown(MarkdownItCtor);
  const chapterIds = new Map<string, string>([['README.md', 'contents']]);
  for (const c of folder.chapters) chapterIds.set(c.file, `chapter-${c.slug}`);
  const charts = new Map(folder.charts.map((c, i) => [c.file, { chart: c, index: i }]));
  const ids = new Set<string>(['cover', 'contents', 'overview']);

  // Status words as the summary and review print them (capitalised, bold): their cells are coloured.
  const rag = new Map<string, string>([
    [fmt.capitalise(t('status.behind')), 'red'],
    [fmt.capitalise(t('rag.amber', { status: t('status.on-track') })), 'amber'],
    [fmt.capitalise(t('rag.amber', { status: t('status.ahead') })), 'amber'],
    [fmt.capitalise(t('status.on-track')), 'green'],
    [fmt.capitalise(t('status.ahead')), 'green'],
  ]);
  const kvHeader = [t('label.kv_key'), t('label.kv_value')] as const;
  const renderPart = (markdown: string, scope: string, file: string) => {
    const env: RenderEnv = { scope, file, chapterIds, charts, ids, rag, kvHeader, measure, hyphenate };
    const tokens = md.parse(markdown, env);
    return { html: md.renderer.render(tokens, md.options, env), sections: sectionHeadings(tokens) };
  };
  const overviewSource = overviewMarkdown(
    folder.readme,
    folder.chapters.map((c) => c.file),
    t('document.overview'),
  );
  const overview = renderPart(overviewSource, 'overview', 'README.md').html;
  const chapters = folder.chapters.map((c, i) => ({
    id: `chapter-${c.slug}`,
    number: i + 1,
    title: c.title,
    ...renderPart(c.markdown, c.slug, c.file),
  }));
  for (const c of chapters) ids.add(c.id);

  const logo = plan.logo ? await readLogo(loaded.dir, plan.logo) : undefined;
  const accent = usableAccent(plan.accent);
  const layout = Handlebars.create().compile(layoutSource.text, { strict: false, noEscape: false });
  const dated = coverDate(plan);
  const page = (fontFaces: string) =>
    documentPart(layoutSource.file, () =>
      layout({
        lang: plan.locale,
        csp: CSP,
        title: folder.title,
        css,
        fonts: fontFaces,
        page: {
          size: options.paper === 'letter' ? 'letter' : 'A4',
          header: cssString(folder.title),
          pageOf: cssPageOf(t('document.page_of')),
        },
        cover: {
          title: folder.title,
          organization: plan.organization,
          period: t('index.period_value', { start: fmt.date(plan.start), end: fmt.date(plan.end) }),
          // The plan's own date only (adopted, else a version that is a date): never the render date.
          date: dated === undefined ? undefined : fmt.date(dated),
          author: plan.author,
          version: plan.version === undefined ? undefined : String(plan.version),
          preparedFor: plan.prepared_for,
          status: plan.status ? t(`plan_status.${plan.status}`) : undefined,
          approvedBy: plan.approved_by,
          confidentiality: plan.confidentiality,
          logo: logo && 'uri' in logo ? logo.uri : undefined,
        },
        accent,
        labels: {
          organization: t('index.organisation'),
          period: t('index.period'),
          date: t('document.date'),
          author: t('index.author'),
          version: t('index.version'),
          preparedFor: t('cover.prepared_for'),
          preparedBy: t('cover.prepared_by'),
          status: t('cover.status'),
          approvedBy: t('cover.approved_by'),
          contents: t('index.chapters'),
          overview: t('document.overview'),
        },
        overview,
        chapters,
      }),
    );
  // Only the font subsets the document has characters for: a Norwegian or English plan needs
  // neither Cyrillic nor Latin Extended (about 170 KB less to write and for the browser to read).
  // The layout is filled twice, not searched for a marker that plan text could also hold.
  const html = page(usedFontFaces(fonts, page('')));
  return fixDanglingAnchors(html, ids);
}

/**
 * A chapter's sections for the contents' second level: its level-2 headings (the anchor the
 * contents links to, and the plain text: soft hyphens and all markup left out), in order.
 */
export function sectionHeadings(tokens: ReturnType<MarkdownIt['parse']>): { id: string; title: string }[] {
  const sections: { id: string; title: string }[] = [];
  for (const [i, tok] of tokens.entries()) {
    if (tok.type !== 'heading_open' || tok.tag !== 'h2') continue;
    const id = (tok.meta as { anchor?: string } | null)?.anchor ?? tok.attrGet('id');
    const title = (tokens[i + 1]?.children ?? [])
      .filter((c) => c.type === 'text' || c.type === 'code_inline')
      .map((c) => c.content)
      .join('')
      .replace(/\u00ad/g, '')
      .trim();
    if (id && title) sections.push({ id, title });
  }
  return sections;
}

/**
 * The words of the document shell: the plan's catalogue first, then document/messages.json (from
 * --templates or built in) for the few words only the document needs (date, page x of y).
 */
export async function documentMessages(
  folder: StrategyFolder,
  locale: Locale,
  templatesDir?: string,
): Promise<Translator['t']> {
  const source = await readTemplate('messages.json', templatesDir);
  const fallback = documentPart(source.file, () => JSON.parse(source.text) as Record<string, Messages>);
  return createTranslator(locale, { ...(fallback.en ?? {}), ...(fallback[locale] ?? {}), ...folder.messages }).t;
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
  // The summary's own heading would repeat the overview's.
  const body = kept.flat().filter((l) => l.replace(/^##\s+/, '').trim() !== heading.trim() || !/^##\s/.test(l));
  return [`# ${heading.replace(/[\\`*_[\]<>#]/g, '\\$&')}`, '', ...introKept, ...body]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

/** A CSS string literal; `<` is escaped too so the text can never close the <style> element. */
export function cssString(text: string): string {
  // Control characters too: a form feed is a CSS newline, which would end the string and make the rest a rule.
  return `"${text.replace(/[\\"<>\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/** "Page {page} of {pages}" as a CSS content value with the page counters. */
export function cssPageOf(pattern: string): string {
  return pattern
    .split(/(\{page\}|\{pages\})/)
    .filter((p) => p !== '')
    .map((p) => (p === '{page}' ? 'counter(page)' : p === '{pages}' ? 'counter(pages)' : cssString(p)))
    .join(' ');
}

/** The date a plan gives itself: when it was adopted, else a version written as a date (2027-01-15). */
export function coverDate(plan: {
  adopted?: string | undefined;
  version?: string | number | undefined;
}): string | undefined {
  if (plan.adopted) return plan.adopted;
  return typeof plan.version === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(plan.version) ? plan.version : undefined;
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
    throw new TemplateError(file, 'cannot be used', err);
  }
}
