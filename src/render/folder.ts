/**
 * The strategy folder: the plan rendered to Markdown chapters, an index and SVG charts,
 * in the plan's language. Pure apart from reading templates and locale catalogues;
 * writing files, HTML and PDF belong to the render command.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { templateError } from './template-error.js';
import type { TrackingResult } from '../compute/track.js';
import type { LoadedPlan } from '../plan/load.js';
import { channelName, renderCharts, type Chart } from './charts.js';
import { buildContext, CHAPTER_SLUGS, type ChapterRef, type ChapterSlug, type RenderContext } from './context.js';
import { createFormatter, type Formatter } from './format.js';
import { createTranslator, loadMessages, type Translator } from './i18n.js';
import { escapeBlock, escapeCell, escapeInline, linkTarget, markGenerated, settleGenerated } from './markdown-escape.js';
import { builtinTemplatesDir } from './paths.js';

export interface RenderOptions {
  /** A folder whose templates (chapters/*.md.hbs, partials/*.hbs) override the built-ins by name. */
  templatesDir?: string;
  /** Plan versus actual (cli/tracking.ts) for the review chapter and the KPI charts. */
  tracking?: TrackingResult;
}

export interface Chapter {
  /** Stable English id: situation, objectives, audience … */
  slug: string;
  /** File name inside the folder, e.g. 01-situation.md */
  file: string;
  /** Title in the plan's language. */
  title: string;
  markdown: string;
}

export interface StrategyFolder {
  title: string;
  /** BCP 47 tag used for numbers and dates: en, nb-NO, bg-BG. */
  locale: string;
  /** README.md: the index linking every chapter. */
  readme: string;
  chapters: Chapter[];
  charts: Chart[];
  /** The locale catalogue in use, for the HTML/PDF shell (table of contents, footer …). */
  messages: Record<string, string>;
}

export async function renderStrategyFolder(loaded: LoadedPlan, options: RenderOptions = {}): Promise<StrategyFolder> {
  const plan = loaded.plan;
  const locale = plan.plan.locale;
  const messages = await loadMessages(locale, options.templatesDir);
  const translator = createTranslator(locale, messages);
  const fmt = createFormatter(locale, plan.plan.currency);
  const titles = Object.fromEntries(CHAPTER_SLUGS.map((slug) => [slug, translator.t(`chapter.${slug}`)])) as Record<ChapterSlug, string>;
  // Chart titles are plain text here; the Markdown escapes them where it prints them.
  const ctx = buildContext(loaded, titles, fmt, (key, params) => translator.t(key, params), options.tracking);

  const templates = await loadTemplates(options.templatesDir);
  const hb = await createEnvironment(translator, fmt, templates.partials);
  const render = (name: string, data: object): string => {
    const source = templates.chapters.get(name);
    if (!source) throw new Error(`no built-in template chapters/${name}.md.hbs`);
    let compiled: HandlebarsTemplate;
    try {
      compiled = hb.compile(source.text, { noEscape: false, preventIndent: true, strict: false });
      return tidy(compiled(data));
    } catch (err) {
      throw templateError(source.file, 'the template cannot be rendered', err);
    }
  };

  const chapters: Chapter[] = ctx.chapters.map((chapter) => ({
    slug: chapter.slug,
    file: chapter.file,
    title: chapter.title,
    markdown: render(chapter.slug, chapterData(ctx, chapter)),
  }));
  const readme = render('readme', { ...ctx, chapter: undefined });
  const charts = await renderCharts(ctx, fmt, translator, options.tracking);
  return { title: plan.plan.title, locale: fmt.locale, readme, chapters, charts, messages: { ...messages } };
}

function chapterData(ctx: RenderContext, chapter: ChapterRef): object {
  return { ...ctx, chapter, chapterOpenPoints: ctx.openPoints.filter((p) => p.chapter === chapter.slug) };
}

/**
 * Generated text at a line start made safe; blank-line runs left by template conditionals
 * collapse to one; the file ends with one newline.
 */
function tidy(markdown: string): string {
  return settleGenerated(markdown).replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

// ---------------------------------------------------------------- templates

interface TemplateSource {
  file: string;
  text: string;
}

interface TemplateSet {
  /** By name: situation, objectives … readme. */
  chapters: Map<string, TemplateSource>;
  partials: Map<string, TemplateSource>;
}

async function readTemplateDir(dir: string, suffix: string): Promise<Map<string, TemplateSource>> {
  const out = new Map<string, TemplateSource>();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return out;
    throw err;
  }
  for (const name of names.sort()) {
    if (!name.endsWith(suffix)) continue;
    const file = path.join(dir, name);
    out.set(name.slice(0, -suffix.length), { file, text: await readFile(file, 'utf8') });
  }
  return out;
}

/** The built-in templates with any of the same name from `overrideDir` in their place. */
export async function loadTemplates(overrideDir?: string): Promise<TemplateSet> {
  const builtin = builtinTemplatesDir();
  const chapters = await readTemplateDir(path.join(builtin, 'chapters'), '.md.hbs');
  const partials = await readTemplateDir(path.join(builtin, 'partials'), '.hbs');
  if (overrideDir) {
    for (const [name, source] of await readTemplateDir(path.join(overrideDir, 'chapters'), '.md.hbs')) chapters.set(name, source);
    for (const [name, source] of await readTemplateDir(path.join(overrideDir, 'partials'), '.hbs')) partials.set(name, source);
  }
  return { chapters, partials };
}

// ---------------------------------------------------------------- Handlebars

type HandlebarsEnv = typeof import('handlebars');
type HandlebarsTemplate = ReturnType<HandlebarsEnv['compile']>;
interface HelperOptions {
  hash: Record<string, unknown>;
}

/**
 * An isolated Handlebars with the folder's helpers. Every helper returns a SafeString of
 * Markdown it has escaped itself; a plain `{{value}}` a template writer forgot to wrap is
 * still HTML-escaped by Handlebars (default escaping stays on), so plan text never becomes markup.
 * Prototype-access guards stay at their safe defaults.
 */
async function createEnvironment(translator: Translator, fmt: Formatter, partials: Map<string, TemplateSource>): Promise<HandlebarsEnv> {
  const Handlebars = ((await import('handlebars')) as unknown as { default: HandlebarsEnv }).default;
  const hb = Handlebars.create();
  const safe = (markdown: string) => new hb.SafeString(markdown);
  const intl = (formatted: string) => safe(markGenerated(formatted));
  const isSafe = (v: unknown): v is { toHTML(): string } => v instanceof hb.SafeString;
  /** Plan text (or already-safe Markdown) as inline Markdown. */
  const inline = (v: unknown): string => (isSafe(v) ? v.toHTML() : typeof v === 'number' ? fmt.number(v) : escapeInline(v));
  const args = (list: unknown[]) => list.slice(0, -1);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const t = (key: string, hash: Record<string, unknown> = {}) => {
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(hash)) params[k] = inline(v);
    return translator.t(key, params, typeof hash.count === 'number' ? hash.count : undefined);
  };

  const helpers: Record<string, (...a: unknown[]) => unknown> = {
    t: (key, ...rest) => safe(t(String(key), (rest[rest.length - 1] as HelperOptions).hash)),
    md: (v) => safe(inline(v)),
    cell: (v) => safe(isSafe(v) ? v.toHTML().replace(/\|/g, '\\|') : escapeCell(typeof v === 'number' ? fmt.number(v) : v)),
    block: (v) => safe(escapeBlock(v)),
    // Intl output holds no inline Markdown, but a line may start with it (`2. mars 2027:`): marked, settled in tidy().
    num: (v, ...rest) => intl(num(v) === undefined ? '' : fmt.number(v as number, typeof rest[0] === 'number' ? rest[0] : 1)),
    pct: (v, ...rest) => intl(num(v) === undefined ? '' : fmt.percent(v as number, typeof rest[0] === 'number' ? rest[0] : 1)),
    money: (v) => intl(num(v) === undefined ? '' : fmt.money(v as number)),
    date: (v) => intl(typeof v === 'string' ? fmt.date(v) : ''),
    shortdate: (v) => intl(typeof v === 'string' ? fmt.shortDate(v) : ''),
    month: (v) => intl(typeof v === 'string' ? fmt.month(v) : ''),
    weekday: (v) => intl(typeof v === 'string' ? fmt.weekday(v) : ''),
    /** An objective's value with its unit (plan text, escaped). */
    value: (v, unit) => safe(num(v) === undefined ? '' : escapeInline(fmt.measure(v as number, typeof unit === 'string' ? unit : undefined))),
    /** A translated enum value: {{enum "cadence" task.cadence}}. */
    enum: (prefix, value) => {
      const key = `${String(prefix)}.${String(value)}`;
      return safe(translator.has(key) ? translator.t(key) : escapeInline(value));
    },
    channel: (id) => safe(escapeInline(channelName(String(id)))),
    channels: (ids) => safe(Array.isArray(ids) ? fmt.list(ids.map((id) => escapeInline(channelName(String(id))))) : ''),
    list: (items) => safe(Array.isArray(items) ? fmt.list(items.map(inline)) : inline(items)),
    /** A text that may be one string or a list of strings, as a sentence. */
    textlist: (items) => safe(Array.isArray(items) ? items.map((i) => escapeInline(i)).join('; ') : escapeInline(items)),
    yesno: (v) => safe(v === undefined ? '' : translator.t(v ? 'label.yes' : 'label.no')),
    chart: (ref) => {
      const r = ref as { file?: unknown; title?: unknown } | undefined;
      return safe(r && typeof r.file === 'string' ? `![${escapeInline(r.title)}](${linkTarget(r.file)})` : '');
    },
    link: (ref) => {
      const r = ref as ChapterRef | undefined;
      return safe(r ? `[${escapeInline(r.title)}](${linkTarget(r.file)})` : '');
    },
    /** The open-point notice for a missing section: what is not decided and what the method asks. */
    open: (key) => {
      const k = String(key);
      return safe(`> **${translator.t('open.label')}** ${translator.t(`open.${k}.topic`)}. ${translator.t('open.asks', { asks: translator.t(`open.${k}.asks`) })}`);
    },
    /** Joins strings into a message key: {{t (concat "intro." chapter.slug)}}. */
    concat: (...a) => args(a).map(String).join(''),
    array: (...a) => args(a),
    inc: (v) => (typeof v === 'number' ? v + 1 : v),
    eq: (a, b) => a === b,
    ne: (a, b) => a !== b,
    gt: (a, b) => typeof a === 'number' && typeof b === 'number' && a > b,
    and: (...a) => args(a).every(Boolean),
    or: (...a) => args(a).some(Boolean),
    not: (v) => !v || (Array.isArray(v) && v.length === 0),
    len: (v) => (Array.isArray(v) ? v.length : 0),
    /** True when the value is a non-empty list or a present value. */
    has: (v) => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null && v !== ''),
    /** Ids shown by their names (persona, goal, KPI …), unknown ids as written: {{names-of ids @root.personaNames}}. */
    'names-of': (ids, table) => {
      const t = table as Record<string, string> | undefined;
      const list = Array.isArray(ids) ? ids : [];
      return safe(list.map((id) => escapeInline(t && Object.prototype.hasOwnProperty.call(t, String(id)) ? t[String(id)] : id)).join('; '));
    },
    /** Plan text with its first letter capitalised, for headings and leading cells. */
    cap: (v) => safe(escapeInline(fmt.capitalise(String(v ?? '')))),
    /** a / b as a fraction, 0 when b is 0. */
    share: (a, b) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? a / b : 0),
    /** The names of a list of items, e.g. the budget lines cut. */
    names: (items) => (Array.isArray(items) ? items.map((i) => (i as { name?: unknown }).name) : []),
  };
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn as never);
  for (const [name, source] of partials) {
    try {
      // Parsed now: compile() is lazy, and its error would name the chapter that uses the partial.
      hb.parse(source.text);
      hb.registerPartial(name, hb.compile(source.text, { noEscape: false, preventIndent: true }));
    } catch (err) {
      throw templateError(source.file, 'the partial cannot be compiled', err);
    }
  }
  return hb;
}
